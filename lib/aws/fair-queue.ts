import "server-only";
import { abortError } from "./backoff";

type Waiter = { grant: (release: () => void) => void };

/**
 * A concurrency limit shared by all users, handing free slots round-robin by user: one user's 50
 * waiting panels take turns with another user's one, instead of all going first.
 */
export class FairLimiter {
  private active = 0;
  private readonly waiting = new Map<string, Waiter[]>();
  /** Users with waiters, in the order they get their next turn. */
  private ring: string[] = [];

  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError("limit must be a positive integer");
  }

  get running(): number {
    return this.active;
  }

  get queued(): number {
    let n = 0;
    for (const list of this.waiting.values()) n += list.length;
    return n;
  }

  /** A slot for `user`; call the returned function once to give it back. Rejects with AbortError if `signal` fires first. */
  acquire(user: string, signal?: AbortSignal): Promise<() => void> {
    if (signal?.aborted) return Promise.reject(abortError());
    if (this.active < this.limit) {
      this.active += 1;
      return Promise.resolve(this.releaser());
    }
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        this.remove(user, waiter);
        reject(abortError());
      };
      const waiter: Waiter = {
        grant: (release) => {
          signal?.removeEventListener("abort", onAbort);
          resolve(release);
        },
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      const list = this.waiting.get(user);
      if (list) list.push(waiter);
      else {
        this.waiting.set(user, [waiter]);
        this.ring.push(user);
      }
    });
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.active -= 1;
      this.next();
    };
  }

  private next(): void {
    while (this.active < this.limit && this.ring.length > 0) {
      const user = this.ring.shift() ?? "";
      const list = this.waiting.get(user) ?? [];
      const waiter = list.shift();
      if (list.length > 0) this.ring.push(user);
      else this.waiting.delete(user);
      if (!waiter) continue;
      this.active += 1;
      waiter.grant(this.releaser());
    }
  }

  private remove(user: string, waiter: Waiter): void {
    const list = this.waiting.get(user);
    if (!list) return;
    const rest = list.filter((w) => w !== waiter);
    if (rest.length > 0) this.waiting.set(user, rest);
    else {
      this.waiting.delete(user);
      this.ring = this.ring.filter((u) => u !== user);
    }
  }
}
