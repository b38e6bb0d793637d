import { describe, expect, it } from "vitest";
import { FairLimiter } from "./fair-queue";

/** Queues `user`'s jobs; each records its name when it gets a slot and holds it until released. */
function harness(limit: number) {
  const limiter = new FairLimiter(limit);
  const order: string[] = [];
  const held = new Map<string, () => void>();
  const queue = (user: string, name: string, signal?: AbortSignal) =>
    limiter.acquire(user, signal).then((release) => {
      order.push(name);
      held.set(name, release);
    });
  const release = async (name: string) => {
    held.get(name)?.();
    await new Promise((r) => setTimeout(r, 0));
  };
  return { limiter, order, queue, release };
}

describe("FairLimiter", () => {
  it("runs up to the limit at once", async () => {
    const { limiter, order, queue } = harness(2);
    void queue("ann", "a1");
    void queue("ann", "a2");
    void queue("ann", "a3");
    await new Promise((r) => setTimeout(r, 0));
    expect(order).toEqual(["a1", "a2"]);
    expect([limiter.running, limiter.queued]).toEqual([2, 1]);
  });

  it("hands free slots round-robin by user", async () => {
    const { order, queue, release } = harness(1);
    void queue("ann", "a1");
    for (const n of [2, 3, 4, 5]) void queue("ann", `a${n}`);
    void queue("bob", "b1");
    void queue("bob", "b2");
    void queue("cid", "c1");
    await new Promise((r) => setTimeout(r, 0));
    for (const name of ["a1", "a2", "b1", "c1", "a3", "b2", "a4"]) await release(name);
    expect(order).toEqual(["a1", "a2", "b1", "c1", "a3", "b2", "a4", "a5"]);
  });

  it("drops a waiter whose signal fires, with an AbortError", async () => {
    const { limiter, order, queue, release } = harness(1);
    void queue("ann", "a1");
    const controller = new AbortController();
    const leaving = queue("bob", "b1", controller.signal);
    void queue("cid", "c1");
    controller.abort();
    await expect(leaving).rejects.toMatchObject({ name: "AbortError" });
    await release("a1");
    expect(order).toEqual(["a1", "c1"]);
    expect(limiter.queued).toBe(0);
  });

  it("ignores a second release of the same slot", async () => {
    const limiter = new FairLimiter(1);
    const release = await limiter.acquire("ann");
    release();
    release();
    expect(limiter.running).toBe(0);
  });
});
