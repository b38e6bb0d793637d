import "server-only";
import { abortError } from "./backoff";

export interface Caller<P> {
  signal?: AbortSignal;
  onProgress?: (progress: P) => void;
}

interface Flight<T, P> {
  promise: Promise<T>;
  controller: AbortController;
  callers: Set<Caller<P>>;
  settled: boolean;
  last?: P;
}

export type Task<T, P> = (signal: AbortSignal, progress: (p: P) => void) => Promise<T>;

/**
 * Identical work in progress, run once: the first caller of a key starts the task, later ones wait
 * for the same promise. A caller that aborts leaves at once (its promise rejects with AbortError);
 * the task itself is aborted only when no caller is left.
 */
export class InFlight<T, P> {
  private readonly flights = new Map<string, Flight<T, P>>();

  get size(): number {
    return this.flights.size;
  }

  /** `joined`: another caller had already started the task. */
  run(key: string, task: Task<T, P>, caller: Caller<P>): { promise: Promise<T>; joined: boolean } {
    if (caller.signal?.aborted) return { promise: Promise.reject(abortError()), joined: false };
    const existing = this.flights.get(key);
    const flight = existing ?? this.start(key, task);
    return { promise: this.attach(key, flight, caller), joined: existing !== undefined };
  }

  private start(key: string, task: Task<T, P>): Flight<T, P> {
    const controller = new AbortController();
    const flight: Flight<T, P> = {
      controller,
      callers: new Set(),
      settled: false,
      promise: Promise.resolve().then(() =>
        task(controller.signal, (progress) => {
          flight.last = progress;
          for (const c of flight.callers) c.onProgress?.(progress);
        }),
      ),
    };
    const done = () => {
      flight.settled = true;
      if (this.flights.get(key) === flight) this.flights.delete(key);
    };
    flight.promise.then(done, done);
    this.flights.set(key, flight);
    return flight;
  }

  private attach(key: string, flight: Flight<T, P>, caller: Caller<P>): Promise<T> {
    const me: Caller<P> = { onProgress: caller.onProgress };
    flight.callers.add(me);
    if (flight.last !== undefined) me.onProgress?.(flight.last);
    return new Promise<T>((resolve, reject) => {
      const leave = () => {
        flight.callers.delete(me);
        caller.signal?.removeEventListener("abort", onAbort);
      };
      const onAbort = () => {
        leave();
        if (flight.callers.size === 0 && !flight.settled) {
          if (this.flights.get(key) === flight) this.flights.delete(key);
          flight.controller.abort();
        }
        reject(abortError());
      };
      caller.signal?.addEventListener("abort", onAbort, { once: true });
      flight.promise.then(
        (value) => {
          leave();
          resolve(value);
        },
        (error: unknown) => {
          leave();
          reject(error);
        },
      );
    });
  }
}
