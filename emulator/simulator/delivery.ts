import type { EventStore } from "../store/event-store";
import type { World } from "../world/types";
import { DeliverySink, type Job } from "./delivery-sink";
import { streamEvents, streamsOf } from "./delivery-streams";
import { Frontiers } from "./frontier";
import type { TrafficProfile } from "./profile";
import { deliveryTargets } from "./targets";
import { topologyOf } from "./topology";
import { WindowCache } from "./window-cache";

export interface DeliveryOptions {
  store: EventStore;
  delayMs: number;
  seed: number;
  profile: TrafficProfile;
  /** How far back a stream that is behind (or new) is filled. */
  catchUpMs: number;
  /** How much simulated time one stream may advance in one tick. */
  maxSpanMs: number;
  /** Buffered records that trigger an append (per log group, all its streams in one transaction). */
  flushEvents?: number;
  /** Called after each append with the records delivered so far in this tick and the simulated time reached. */
  progress?: (delivered: number, reachedMs: number) => void;
  log: (line: string) => void;
}

/** Simulated time generated at once: the longest aggregation interval, so a window never straddles two. */
const CHUNK_MS = 600_000;
const FLUSH_EVENTS = 200_000;

/** Delivers every flow log's finished windows into its log group; remembers how far each stream got. */
export class Delivery {
  /** Per stream: every window that ends at or before this instant (ms) has been delivered. */
  private readonly cursors = new Map<string, number>();
  /** Lines already logged: a flow log that cannot deliver is reported once, not every tick. */
  private readonly reported = new Set<string>();

  constructor(private readonly options: DeliveryOptions) {}

  /**
   * Generates the due windows ten minutes of simulated time at a time, for every stream at once (each
   * minute of traffic is simulated once for the whole world), and appends them in large batches: a day
   * of history costs one pass, in memory bounded by the flush size rather than by the span.
   */
  async tick(world: World, now: number, maxSpanMs = this.options.maxSpanMs): Promise<number> {
    const { store, delayMs, catchUpMs } = this.options;
    const topology = topologyOf(world);
    const sink = new DeliverySink({
      store,
      world,
      now,
      delayMs,
      cursors: this.cursors,
      log: this.options.log,
    });
    const jobs = await this.jobsOf(world, now, maxSpanMs);
    for (const job of jobs) sink.register(job);
    if (jobs.length === 0) return 0;
    const audience = {
      enis: new Set(jobs.map((j) => j.stream.eni.id)),
      vpcs: new Set(jobs.map((j) => j.stream.eni.vpcId)),
    };
    const first = jobs.reduce((min, j) => Math.min(min, j.from), Number.POSITIVE_INFINITY);
    const end = jobs.reduce((max, j) => Math.max(max, j.until), 0);
    const start = Math.floor(first / CHUNK_MS) * CHUNK_MS;
    for (let chunkStart = start; chunkStart < end; chunkStart += CHUNK_MS) {
      const chunkEnd = chunkStart + CHUNK_MS;
      const cache = new WindowCache(topology, this.options.profile, this.options.seed, audience);
      for (const job of jobs) {
        if (job.until <= chunkStart || job.from >= chunkEnd || sink.failed(job)) continue;
        const span = { from: job.from, until: job.until, chunkStart, chunkEnd, floor: now - catchUpMs };
        const { events, lastEnd } = streamEvents(job.stream, cache, span);
        sink.add(job, events, lastEnd, Math.min(job.until, chunkEnd));
      }
      if (sink.pending >= (this.options.flushEvents ?? FLUSH_EVENTS)) {
        await sink.flush();
        this.options.progress?.(sink.delivered, chunkEnd);
      }
    }
    await sink.flush();
    return sink.delivered;
  }

  /** Each stream's due span: from where it got to (or the catch-up limit) up to now − delay. */
  private async jobsOf(world: World, now: number, maxSpanMs: number): Promise<Job[]> {
    const { delayMs, catchUpMs } = this.options;
    const frontiers = new Frontiers(this.options.store, delayMs);
    const jobs: Job[] = [];
    const targets = deliveryTargets(world, (line) => this.logOnce(line));
    for (const stream of streamsOf(topologyOf(world), targets)) {
      const earliest = Math.min(...stream.targets.map((t) => t.creationTime));
      const known = this.cursors.get(stream.key) ?? (await frontiers.of(stream.logGroupName, stream.name));
      const from = Math.max(known, now - catchUpMs, earliest);
      const until = Math.min(now - delayMs, from + maxSpanMs);
      if (until > from) jobs.push({ stream, from, until, covered: from });
    }
    return jobs;
  }

  private logOnce(line: string): void {
    if (this.reported.has(line)) return;
    this.reported.add(line);
    this.options.log(line);
  }
}
