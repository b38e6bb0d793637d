import { formatRecord } from "../../lib/flow/record";
import { logGroupArn } from "../state/open-data";
import type { EventStore } from "../store/event-store";
import type { InputEvent } from "../store/types";
import type { World } from "../world/types";
import { Frontiers } from "./frontier";
import type { TrafficProfile } from "./profile";
import { tagFields } from "./tags";
import { type DeliveryTarget, deliveryTargets } from "./targets";
import { coveredEnis, type Eni, type Topology, topologyOf } from "./topology";
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
  log: (line: string) => void;
}

interface Stream {
  key: string;
  logGroupName: string;
  /** `<eni-id>-all`. */
  name: string;
  eni: Eni;
  targets: DeliveryTarget[];
}

/** Streams `<eni-id>-all` of each log group, with the flow logs that write to them (§8: they share one). */
function streamsOf(topology: Topology, targets: DeliveryTarget[]): Stream[] {
  const streams = new Map<string, Stream>();
  for (const target of targets)
    for (const eni of coveredEnis(topology, target.resourceId)) {
      const key = `${target.logGroupName}\n${eni.id}`;
      const stream = streams.get(key) ?? {
        key,
        logGroupName: target.logGroupName,
        name: `${eni.id}-all`,
        eni,
        targets: [],
      };
      stream.targets.push(target);
      streams.set(key, stream);
    }
  return [...streams.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

const ceilTo = (ms: number, step: number) => Math.ceil(ms / step) * step;

/** Delivers every flow log's finished windows into its log group; remembers how far each stream got. */
export class Delivery {
  /** Per stream: every window that ends at or before this instant (ms) has been delivered. */
  private readonly cursors = new Map<string, number>();
  /** Lines already logged: a flow log that cannot deliver is reported once, not every tick. */
  private readonly reported = new Set<string>();

  constructor(private readonly options: DeliveryOptions) {}

  async tick(world: World, now: number): Promise<number> {
    const { delayMs, catchUpMs, maxSpanMs } = this.options;
    const topology = topologyOf(world);
    const frontiers = new Frontiers(this.options.store, delayMs);
    const cache = new WindowCache(topology, this.options.profile, this.options.seed);
    let delivered = 0;
    for (const stream of streamsOf(
      topology,
      deliveryTargets(world, (line) => this.logOnce(line)),
    )) {
      const earliest = Math.min(...stream.targets.map((t) => t.creationTime));
      const known = this.cursors.get(stream.key) ?? (await frontiers.of(stream.logGroupName, stream.name));
      const from = Math.max(known, now - catchUpMs, earliest);
      const until = Math.min(now - delayMs, from + maxSpanMs);
      if (until <= from) continue;
      const { events, lastEnd } = this.eventsOf(stream, cache, from, until, now);
      try {
        if (events.length > 0) {
          await this.ensureGroup(world, stream.logGroupName, now);
          // Ingestion = last window end + delay: what Frontiers reads back after a restart.
          await this.options.store.append(stream.logGroupName, stream.name, events, lastEnd + delayMs);
          delivered += events.length;
        }
        this.cursors.set(stream.key, until);
      } catch (error) {
        this.options.log(
          `simulator: delivery to ${stream.logGroupName} ${stream.name} failed: ${String(error)}`,
        );
      }
    }
    return delivered;
  }

  /** The stream's records of every window (of each of its flow logs) that ends in (from, until]. */
  private eventsOf(stream: Stream, cache: WindowCache, from: number, until: number, now: number) {
    const events: InputEvent[] = [];
    let lastEnd = 0;
    for (const target of stream.targets) {
      const step = target.interval * 1000;
      const first = Math.max(
        Math.floor(from / step) * step,
        ceilTo(target.creationTime, step),
        ceilTo(now - this.options.catchUpMs, step),
      );
      const tags = tagFields(stream.eni, target.tagKeys);
      for (let start = first; start + step <= until; start += step) {
        const records = cache
          .records(stream.eni, start / 1000, target.interval)
          .filter(
            (r) => r.action === undefined || target.trafficType === "ALL" || r.action === target.trafficType,
          );
        if (records.length === 0) continue;
        lastEnd = Math.max(lastEnd, start + step);
        for (const r of records) {
          const message = formatRecord(target.fields, { ...r.record, ...tags, version: target.version });
          events.push({ timestamp: r.timestamp, message });
        }
      }
    }
    events.sort((a, b) => a.timestamp - b.timestamp);
    return { events, lastEnd };
  }

  private logOnce(line: string): void {
    if (this.reported.has(line)) return;
    this.reported.add(line);
    this.options.log(line);
  }

  /** CloudWatch Logs gets the group when the first records arrive (flow-log-records.md §2). */
  private async ensureGroup(world: World, logGroupName: string, now: number): Promise<void> {
    const { store } = this.options;
    if (await store.getLogGroup(logGroupName)) return;
    const arn = logGroupArn(world.region, world.accountId, logGroupName);
    await store.createLogGroup({ logGroupName, creationTime: now, arn }).catch(async (error: unknown) => {
      if (!(await store.getLogGroup(logGroupName))) throw error;
    });
  }
}
