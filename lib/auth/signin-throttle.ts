import { CredentialsSignin } from "next-auth";
import { envLimit, RateLimiter } from "@/lib/security/rate-limit";

/**
 * Failed sign-ins are limited per username (FLOWSCOPE_SIGNIN_MAX_FAILURES, default 5) and per client
 * address (FLOWSCOPE_SIGNIN_MAX_FAILURES_PER_IP, default 30) within 15 minutes. A locked account is refused
 * before its password is checked, so guessing goes no faster however the guesses are spread; a successful
 * sign-in clears the account's count.
 */
export const SIGNIN_WINDOW_MS = 15 * 60_000;
const byUser = new RateLimiter(envLimit("FLOWSCOPE_SIGNIN_MAX_FAILURES", 5), SIGNIN_WINDOW_MS);
const byAddress = new RateLimiter(envLimit("FLOWSCOPE_SIGNIN_MAX_FAILURES_PER_IP", 30), SIGNIN_WINDOW_MS);

/** authorize() throws this; the sign-in form shows its `retryAfterS`. */
export class SignInLocked extends CredentialsSignin {
  code = "locked";
  constructor(readonly retryAfterS: number) {
    super(`Too many failed sign-ins; locked for ${retryAfterS} s.`);
  }
}

/** The client's address as the first proxy (or Next.js itself) saw it. */
export function clientAddress(request: Request | undefined): string {
  const headers = request?.headers;
  const forwarded = headers?.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers?.get("x-real-ip")?.trim() || "unknown";
}

const userKey = (username: string) => username.toLowerCase();

/** Throws SignInLocked when the username or the address has too many recent failures. */
export function assertNotLocked(username: string, address: string, now = Date.now()): void {
  for (const decision of [byUser.check(userKey(username), now), byAddress.check(address, now)]) {
    if (decision.ok) continue;
    console.warn(`[flowscope] sign-in refused for "${username.slice(0, 64)}" from ${address}: locked out`);
    throw new SignInLocked(decision.retryAfterS);
  }
}

export function recordFailure(username: string, address: string, now = Date.now()): void {
  byUser.hit(userKey(username), now);
  byAddress.hit(address, now);
}

export function recordSuccess(username: string): void {
  byUser.reset(userKey(username));
}

/** Tests only. */
export function resetSignInThrottle(): void {
  byUser.clear();
  byAddress.clear();
}
