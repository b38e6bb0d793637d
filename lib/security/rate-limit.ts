/**
 * A sliding-window counter per key (user, username, client address), in memory: one dashboard process
 * serves the organisation, so there is nothing to share between instances. Old keys are swept as they go.
 */
export type RateDecision = { ok: true; remaining: number } | { ok: false; retryAfterS: number };

export class RateLimiter {
  private readonly hits = new Map<string, number[]>();
  private lastSweep = 0;

  constructor(
    private readonly limit: () => number,
    private readonly windowMs: number,
  ) {}

  /** Counts one hit for `key` (unless the key is already over the limit) and says whether it may go on. */
  hit(key: string, now = Date.now()): RateDecision {
    const limit = this.limit();
    if (limit <= 0) return { ok: true, remaining: Number.POSITIVE_INFINITY };
    const recent = this.recent(key, now);
    if (recent.length >= limit) return { ok: false, retryAfterS: this.retryAfter(recent, now) };
    recent.push(now);
    this.hits.set(key, recent);
    return { ok: true, remaining: limit - recent.length };
  }

  /** Whether `key` is over the limit now, without counting a hit. */
  check(key: string, now = Date.now()): RateDecision {
    const limit = this.limit();
    if (limit <= 0) return { ok: true, remaining: Number.POSITIVE_INFINITY };
    const recent = this.recent(key, now);
    return recent.length >= limit
      ? { ok: false, retryAfterS: this.retryAfter(recent, now) }
      : { ok: true, remaining: limit - recent.length };
  }

  reset(key: string): void {
    this.hits.delete(key);
  }

  clear(): void {
    this.hits.clear();
  }

  private recent(key: string, now: number): number[] {
    this.sweep(now);
    return (this.hits.get(key) ?? []).filter((t) => t > now - this.windowMs);
  }

  private retryAfter(recent: number[], now: number): number {
    const oldest = recent[recent.length - this.limit()] ?? recent[0] ?? now;
    return Math.max(1, Math.ceil((oldest + this.windowMs - now) / 1000));
  }

  private sweep(now: number): void {
    if (now - this.lastSweep < this.windowMs) return;
    this.lastSweep = now;
    for (const [key, times] of this.hits) {
      if ((times[times.length - 1] ?? 0) <= now - this.windowMs) this.hits.delete(key);
    }
  }
}

/** A positive integer from the environment, else the default; 0 turns the limit off. */
export function envLimit(name: string, fallback: number): () => number {
  return () => {
    const raw = process.env[name];
    if (raw === undefined || raw.trim() === "") return fallback;
    const value = Number(raw);
    return Number.isInteger(value) && value >= 0 ? value : fallback;
  };
}
