/** A signed-in browser's cookies, for fetch. */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  take(headers: Headers): void {
    for (const line of headers.getSetCookie()) {
      const [pair] = line.split(";");
      const eq = pair?.indexOf("=") ?? -1;
      if (!pair || eq < 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (value === "" || /max-age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  has(prefix: string): boolean {
    return [...this.cookies.keys()].some((k) => k.includes(prefix));
  }
}

/**
 * Signs in through Auth.js's credentials provider as a browser does: the CSRF token (and its
 * cookie), then the form post; the session cookie lands in the jar. False if the account was refused.
 */
export async function signIn(
  base: string,
  username: string,
  password: string,
): Promise<CookieJar | undefined> {
  const jar = new CookieJar();
  const csrf = await fetch(`${base}/api/auth/csrf`);
  jar.take(csrf.headers);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.header() },
    body: new URLSearchParams({ csrfToken, username, password, callbackUrl: `${base}/` }).toString(),
  });
  jar.take(res.headers);
  await res.arrayBuffer();
  return jar.has("session-token") ? jar : undefined;
}
