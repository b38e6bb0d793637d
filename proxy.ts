import { NextResponse } from "next/server";
import { auth } from "@/lib/auth/auth";

const PUBLIC = [/^\/signin(\/|$)/, /^\/api\/auth(\/|$)/, /^\/api\/health$/];

/**
 * First line of defence only: every page and route handler checks the session again on the server
 * (lib/auth/guards.ts), so a matcher change cannot open a route.
 */
export const proxy = auth((req) => {
  const { pathname, search } = req.nextUrl;
  if (req.auth?.user || PUBLIC.some((p) => p.test(pathname))) return NextResponse.next();
  if (pathname.startsWith("/api/")) {
    return NextResponse.json({ error: "unauthorized", message: "Sign in first." }, { status: 401 });
  }
  const signin = new URL("/signin", req.nextUrl.origin);
  signin.searchParams.set("callbackUrl", `${pathname}${search}`);
  return NextResponse.redirect(signin);
});

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|robots.txt).*)"],
};
