import "server-only";
import { redirect } from "next/navigation";
import { NextResponse } from "next/server";
import type { Session } from "next-auth";
import { recordAudit } from "@/lib/audit/audit-log";
import { checkCsrf, SAFE_METHODS } from "@/lib/security/csrf";
import { envLimit, RateLimiter } from "@/lib/security/rate-limit";
import { auth } from "./auth";
import { hasRole, type Role } from "./roles";

/** For pages: the session, or a redirect to sign-in that comes back to `returnTo`. */
export async function requireSession(returnTo = "/"): Promise<Session> {
  const session = await auth();
  if (!session?.user) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  return session;
}

export type ActionAuth = { ok: true; session: Session } | { ok: false; error: string };

/**
 * For server actions (which are POST endpoints anyone can call): the session when it has `role`, else a
 * message for the form. Next.js already refuses server-action posts whose Origin is not the app's.
 */
export async function authorizeAction(role: Role): Promise<ActionAuth> {
  const session = await auth();
  if (!session?.user) return { ok: false, error: "Your session has ended. Sign in again." };
  if (!hasRole(session.user.role, role)) return { ok: false, error: `This needs the ${role} role.` };
  return { ok: true, session };
}

/** The name a user's queries, rate limits and audit entries go under. */
export function sessionUserId(session: Session): string {
  return session.user.email ?? session.user.name ?? "anonymous";
}

type Handler<C> = (req: Request, ctx: C & { session: Session }) => Promise<Response> | Response;

export interface RouteOptions {
  /** "query": counts against the user's FLOWSCOPE_QUERY_RATE_PER_MIN (each call may start Insights queries). */
  rateLimit?: "query";
  /** Largest request body accepted, in bytes (default 1 MiB). */
  maxBodyBytes?: number;
}

const QUERY_RATE_PER_MIN = 240;
/** Per user, per minute, over every query endpoint. */
export const queryRateLimiter = new RateLimiter(
  envLimit("FLOWSCOPE_QUERY_RATE_PER_MIN", QUERY_RATE_PER_MIN),
  60_000,
);
const MAX_BODY_BYTES = 1024 * 1024;

const json = (status: number, body: Record<string, unknown>, headers?: Record<string, string>) =>
  NextResponse.json(body, { status, headers: { "cache-control": "no-store", ...headers } });

/** A body is on its way when the client declared a length above 0 or streams one. */
function hasBody(req: Request): boolean {
  const length = req.headers.get("content-length");
  if (length !== null) return Number(length) > 0;
  return req.headers.has("transfer-encoding") || req.body !== null;
}

/** Mutations must send JSON: no form or text/plain body, which a cross-site page could post unannounced. */
function checkBody(req: Request, maxBytes: number): Response | undefined {
  if (SAFE_METHODS.has(req.method.toUpperCase())) return undefined;
  const length = Number(req.headers.get("content-length") ?? "0");
  if (Number.isFinite(length) && length > maxBytes)
    return json(413, {
      error: "too_large",
      field: "body",
      message: `The request body is ${length} bytes; at most ${maxBytes} are accepted.`,
    });
  const type = req.headers.get("content-type");
  const needsJson = req.method.toUpperCase() !== "DELETE" || hasBody(req) || type !== null;
  if (needsJson && !/^application\/json\s*(;|$)/i.test(type ?? ""))
    return json(415, {
      error: "unsupported_media_type",
      field: "content-type",
      message: `Send the body as application/json (got ${type ? type.slice(0, 80) : "no content-type"}).`,
    });
  return undefined;
}

/** A change refused for want of a role is part of the audit trail too (best effort: the 403 goes out anyway). */
function auditDenied(req: Request, session: Session, needed: Role): void {
  const path = new URL(req.url).pathname;
  try {
    recordAudit({
      actor: sessionUserId(session),
      role: session.user.role,
      action: `${req.method.toUpperCase()} ${path}`,
      target: path,
      outcome: "denied",
      detail: `needs the ${needed} role`,
    });
  } catch (error) {
    console.error(
      `[flowscope] could not write the audit log: ${error instanceof Error ? error.message : error}`,
    );
  }
}

/**
 * For route handlers, in this order: 401 JSON without a session, 403 without the role, 403 `csrf` for a
 * mutation from another origin, 413/415 for an oversized or non-JSON mutation body, 429 over the user's
 * query rate; else the handler. An exception the handler did not expect becomes a JSON 500, logged.
 */
export function withSession<C>(role: Role, handler: Handler<C>, options: RouteOptions = {}) {
  return async (req: Request, ctx: C): Promise<Response> => {
    const session = await auth();
    if (!session?.user) return json(401, { error: "unauthorized", message: "Sign in first." });
    if (!hasRole(session.user.role, role)) {
      if (!SAFE_METHODS.has(req.method.toUpperCase())) auditDenied(req, session, role);
      return json(403, { error: "forbidden", message: `This needs the ${role} role.` });
    }
    const csrf = checkCsrf(req);
    if (!csrf.ok) return json(403, { error: "csrf", message: csrf.message });
    const body = checkBody(req, options.maxBodyBytes ?? MAX_BODY_BYTES);
    if (body) return body;
    if (options.rateLimit === "query") {
      const decision = queryRateLimiter.hit(sessionUserId(session));
      if (!decision.ok)
        return json(
          429,
          {
            error: "rate_limited",
            message: `Too many queries; try again in ${decision.retryAfterS} s.`,
            retryAfter: decision.retryAfterS,
          },
          { "retry-after": String(decision.retryAfterS) },
        );
    }
    try {
      return await handler(req, { ...ctx, session });
    } catch (error) {
      const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      console.error(`[flowscope] ${req.method} ${new URL(req.url).pathname} failed: ${message}`);
      return json(500, { error: "internal", message: "The server failed to answer; see its log." });
    }
  };
}
