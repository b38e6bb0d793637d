import { type NextRequest, NextResponse } from "next/server";

const PUBLIC = [/^\/signin(\/|$)/, /^\/api\/auth(\/|$)/, /^\/api\/health$/];
// Auth.js's session cookie, plain and (over HTTPS) __Secure-prefixed, possibly chunked (.0, .1, …).
const SESSION_COOKIE = /^(__Secure-)?authjs\.session-token(\.\d+)?$/;

/**
 * First line of defence only: it turns away requests that carry no session cookie. Every page and
 * route handler verifies the session itself on the server (lib/auth/guards.ts). The proxy deliberately
 * does not run Auth.js: that would re-issue the session cookie on every request, and a prefetch still
 * in flight when the user signs out could then put the session back.
 */
export function proxy(req: NextRequest) {
  const { pathname, search } = req.nextUrl;
  const hasSession = req.cookies.getAll().some((c) => SESSION_COOKIE.test(c.name));
  if (hasSession || PUBLIC.some((p) => p.test(pathname))) return NextResponse.next();
  if (pathname.startsWith("/api/")) {
    return NextResponse.json({ error: "unauthorized", message: "Sign in first." }, { status: 401 });
  }
  const signin = new URL("/signin", req.nextUrl.origin);
  signin.searchParams.set("callbackUrl", `${pathname}${search}`);
  return NextResponse.redirect(signin);
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|robots.txt).*)"],
};
