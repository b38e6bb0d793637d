import "server-only";
import { redirect } from "next/navigation";
import { NextResponse } from "next/server";
import type { Session } from "next-auth";
import { auth } from "./auth";
import { hasRole, type Role } from "./roles";

/** For pages: the session, or a redirect to sign-in that comes back to `returnTo`. */
export async function requireSession(returnTo = "/"): Promise<Session> {
  const session = await auth();
  if (!session?.user) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  return session;
}

type Handler<C> = (req: Request, ctx: C & { session: Session }) => Promise<Response> | Response;

/** For route handlers: 401 JSON without a session, 403 JSON without the role, else the handler. */
export function withSession<C>(role: Role, handler: Handler<C>) {
  return async (req: Request, ctx: C): Promise<Response> => {
    const session = await auth();
    if (!session?.user)
      return NextResponse.json({ error: "unauthorized", message: "Sign in first." }, { status: 401 });
    if (!hasRole(session.user.role, role)) {
      return NextResponse.json(
        { error: "forbidden", message: `This needs the ${role} role.` },
        { status: 403 },
      );
    }
    return handler(req, { ...ctx, session });
  };
}
