/**
 * The response headers every page and API answer carries (set by proxy.ts). Scripts run only with the
 * request's nonce (Next.js puts it on its own inline and chunk scripts when it finds it in the request's
 * Content-Security-Policy header); 'strict-dynamic' lets those scripts load the app's chunks. Styles keep
 * 'unsafe-inline': React's `style` attributes (charts, bars, tooltips) are inline styles, and a nonce in
 * style-src would make browsers ignore 'unsafe-inline'. 'unsafe-eval' only in `next dev` (React's dev
 * tooling evaluates source maps); a production build never gets it.
 */
export function contentSecurityPolicy(nonce: string, dev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** Whether the browser reached us over HTTPS: directly, through a proxy that says so, or per AUTH_URL. */
export function servedOverHttps(url: URL, headers: Headers): boolean {
  if (url.protocol === "https:") return true;
  const forwarded = headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  if (forwarded) return forwarded === "https";
  return (process.env.AUTH_URL ?? "").toLowerCase().startsWith("https://");
}

export function securityHeaders(nonce: string, options: { dev: boolean; https: boolean }): Headers {
  const headers = new Headers({
    "content-security-policy": contentSecurityPolicy(nonce, options.dev),
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=()",
  });
  if (options.https) headers.set("strict-transport-security", "max-age=63072000; includeSubDomains");
  return headers;
}

/** 128 random bits, base64: unguessable and fresh for every request. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
