/**
 * Cross-site request forgery defence for mutations: a request that changes something must come from the
 * dashboard's own pages. Browsers send `Origin` on every non-GET fetch and form post, and modern ones
 * `Sec-Fetch-Site`; a request with neither is refused too (scripts can send `Origin` themselves).
 * Together with JSON-only bodies (a cross-site form cannot send `application/json` without a CORS
 * preflight, which we never grant) this needs no token.
 */
export const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export type CsrfVerdict = { ok: true } | { ok: false; message: string };

/** The origins the app is reached at: the request's own URL, the Host / X-Forwarded-* pair, and AUTH_URL. */
export function appOrigins(req: Request): Set<string> {
  const url = new URL(req.url);
  const origins = new Set([url.origin]);
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  const proto = req.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() ?? url.protocol.replace(":", "");
  if (host) origins.add(`${proto}://${host.split(",")[0]?.trim()}`);
  const configured = process.env.AUTH_URL;
  if (configured) {
    try {
      origins.add(new URL(configured).origin);
    } catch {
      // A malformed AUTH_URL is Auth.js's to report.
    }
  }
  return origins;
}

export function checkCsrf(req: Request): CsrfVerdict {
  if (SAFE_METHODS.has(req.method.toUpperCase())) return { ok: true };
  const site = req.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none")
    return { ok: false, message: `Cross-site request refused (Sec-Fetch-Site: ${site}).` };
  const origin = req.headers.get("origin");
  if (origin) {
    if (appOrigins(req).has(origin)) return { ok: true };
    return {
      ok: false,
      message: `Cross-site request refused: origin ${origin.slice(0, 100)} is not this app.`,
    };
  }
  if (site === "same-origin") return { ok: true };
  return { ok: false, message: "Request refused: it carries no Origin header (send it from the dashboard)." };
}
