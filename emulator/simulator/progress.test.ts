import { afterEach, describe, expect, test, vi } from "vitest";
import { toLogFormat } from "../../lib/flow/format";
import type { EventStore } from "../store/event-store";
import { fingerprint, MIN, parsed, readGroup, run, simulatorFor, storePool } from "./harness.fixture";
import { createSimulator } from "./index";
import { ALL_FIELDS, TINY_CREATED, tinyWorld } from "./tiny-world.fixture";

const DELAY = 2 * MIN;
const T0 = TINY_CREATED;
const END = T0 + 40 * MIN;
const world = tinyWorld();
const simulator = simulatorFor(world, DELAY);
const pool = storePool();
const openStore = () => pool.open();

afterEach(() => pool.closeAll());

describe("progress", () => {
  const groups = ["/tiny/all", "/tiny/rejects", "/tiny/accepts"];
  const contents = async (store: EventStore) =>
    Promise.all(groups.map(async (g) => fingerprint(await readGroup(store, g))));

  test("a restarted simulator on the same store neither repeats nor skips a window", async () => {
    const restarted = await openStore();
    await run(simulator(restarted), T0, T0 + 17 * MIN);
    await run(simulator(restarted), T0 + 18 * MIN, END);
    const once = await openStore();
    await simulator(once).tick(END);
    expect(await contents(restarted)).toEqual(await contents(once));
  });

  test("the same seed and clock give the same records; another seed does not", async () => {
    const [a, b, c] = [await openStore(), await openStore(), await openStore()];
    await simulator(a).tick(END);
    await simulator(b).tick(END);
    await simulator(c, { seed: 8 }).tick(END);
    expect(await contents(a)).toEqual(await contents(b));
    expect(await contents(a)).not.toEqual(await contents(c));
  });

  test("a long-stopped emulator catches up at most a day, a bounded span per tick", async () => {
    const store = await openStore();
    const sim = simulator(store, { maxSpanPerTickMs: 30 * MIN });
    const now = T0 + 3 * 24 * 60 * MIN;
    await sim.tick(now);
    const starts = parsed(await readGroup(store, "/tiny/all"), ALL_FIELDS).map((r) => Number(r.start) * 1000);
    expect(Math.min(...starts)).toBeGreaterThanOrEqual(now - 24 * 60 * MIN);
    expect(Math.max(...starts)).toBeLessThan(now - 24 * 60 * MIN + 30 * MIN);
    await sim.tick(now + 1000);
    const later = parsed(await readGroup(store, "/tiny/all"), ALL_FIELDS).map((r) => Number(r.start) * 1000);
    expect(Math.max(...later)).toBeGreaterThanOrEqual(now - 24 * 60 * MIN + 30 * MIN);
    expect(Math.max(...later)).toBeLessThan(now - 24 * 60 * MIN + 60 * MIN);
  });
});

describe("the timer", () => {
  test("start() ticks on its own clock until stop(); a flow log that cannot deliver is logged once", async () => {
    const store = await openStore();
    const bad = {
      FlowLogId: "fl-bad",
      ResourceId: "vpc-1",
      LogGroupName: "/tiny/bad",
      LogFormat: toLogFormat(["srcaddr", "nope"]),
    };
    const withBad = { ...world, ec2: { ...world.ec2, FlowLogs: [...(world.ec2?.FlowLogs ?? []), bad] } };
    const lines: string[] = [];
    let calls = 0;
    const sim = createSimulator({
      state: { world: () => withBad },
      store,
      now: () => T0 + (5 + calls++) * MIN,
      deliveryDelayMs: DELAY,
      log: (line) => lines.push(line),
    });
    sim.start(5);
    await vi.waitFor(async () => expect(calls).toBeGreaterThan(3));
    await sim.stop();
    const count = (await readGroup(store, "/tiny/all")).length;
    expect(count).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect((await readGroup(store, "/tiny/all")).length).toBe(count);
    expect(lines).toEqual([
      `simulator: flow log fl-bad skipped: LogFormat is unknown (${toLogFormat(["nope"])})`,
    ]);
  });
});
