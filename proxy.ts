import { type NextRequest, NextResponse } from "next/server";
import { newNonce, securityHeaders, servedOverHttps } from "@/lib/security/headers";

const PUBLIC = [/^\/signin(\/|$)/, /^\/api\/auth(\/|$)/, /^\/api\/health$/];
// Auth.js's session cookie, plain and (over HTTPS) __Secure-prefixed, possibly chunked (.0, .1, …).
const SESSION_COOKIE = /^(__Secure-)?authjs\.session-token(\.\d+)?$/;

/**
 * Security headers on every answer (a per-request CSP nonce, which Next.js reads from the request's
 * Content-Security-Policy header and puts on its scripts), and a first line of defence only: it turns away
 * requests that carry no session cookie. Every page and route handler verifies the session itself on the
 * server (lib/auth/guards.ts). The proxy deliberately does not run Auth.js: that would re-issue the session
 * cookie on every request, and a prefetch still in flight when the user signs out could then put the
 * session back.
 */
export function proxy(req: NextRequest) {
  const { pathname, search } = req.nextUrl;
  const nonce = newNonce();
  const headers = securityHeaders(nonce, {
    dev: process.env.NODE_ENV === "development",
    https: servedOverHttps(req.nextUrl, req.headers),
  });
  const withHeaders = (res: NextResponse) => {
    for (const [name, value] of headers) res.headers.set(name, value);
    return res;
  };
  const hasSession = req.cookies.getAll().some((c) => SESSION_COOKIE.test(c.name));
  if (hasSession || PUBLIC.some((p) => p.test(pathname))) {
    const forwarded = new Headers(req.headers);
    forwarded.set("x-nonce", nonce);
    forwarded.set("content-security-policy", headers.get("content-security-policy") ?? "");
    return withHeaders(NextResponse.next({ request: { headers: forwarded } }));
  }
  if (pathname.startsWith("/api/")) {
    return withHeaders(
      NextResponse.json({ error: "unauthorized", message: "Sign in first." }, { status: 401 }),
    );
  }
  const signin = new URL("/signin", req.nextUrl.origin);
  signin.searchParams.set("callbackUrl", `${pathname}${search}`);
  return withHeaders(NextResponse.redirect(signin));
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|robots.txt).*)"],
};
