import type { FlowRecord } from "../../lib/flow/record";
import type { InputEvent } from "../store/types";
import { recordField, type WindowRecord } from "./records";
import { tagFields } from "./tags";
import type { DeliveryTarget } from "./targets";
import { coveredEnis, type Eni, type Topology } from "./topology";
import type { WindowCache } from "./window-cache";

export interface Stream {
  key: string;
  logGroupName: string;
  /** `<eni-id>-all`. */
  name: string;
  eni: Eni;
  targets: DeliveryTarget[];
}

/** Streams `<eni-id>-all` of each log group, with the flow logs that write to them (§8: they share one). */
export function streamsOf(topology: Topology, targets: readonly DeliveryTarget[]): Stream[] {
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

export interface WindowSpan {
  /** Windows that end after `from` and at or before `until` are due (epoch ms). */
  from: number;
  until: number;
  /** Only windows that start in [chunkStart, chunkEnd). */
  chunkStart: number;
  chunkEnd: number;
  /** The oldest instant any window may start at (now − catch-up). */
  floor: number;
}

/** The record as one line in the flow log's format (as lib/flow's formatRecord writes it). */
function line(region: string, target: DeliveryTarget, tags: FlowRecord, r: WindowRecord): string {
  let out = "";
  for (const name of target.fields) {
    const value =
      name === "version" ? target.version : name in tags ? tags[name] : recordField(region, r, name);
    out += `${out === "" ? "" : " "}${value === undefined || value === "" ? "-" : value}`;
  }
  return out;
}

/** The stream's records of every due window of the chunk (of each of its flow logs), oldest first. */
export function streamEvents(
  stream: Stream,
  cache: WindowCache,
  span: WindowSpan,
): { events: InputEvent[]; lastEnd: number } {
  const events: InputEvent[] = [];
  let lastEnd = 0;
  for (const target of stream.targets) {
    const step = target.interval * 1000;
    const first = Math.max(
      Math.floor(span.from / step) * step,
      ceilTo(target.creationTime, step),
      ceilTo(span.floor, step),
      ceilTo(span.chunkStart, step),
    );
    const tags = tagFields(stream.eni, target.tagKeys);
    for (let start = first; start + step <= span.until && start < span.chunkEnd; start += step) {
      const records = cache
        .records(stream.eni, start / 1000, target.interval)
        .filter(
          (r) => r.action === undefined || target.trafficType === "ALL" || r.action === target.trafficType,
        );
      if (records.length === 0) continue;
      lastEnd = Math.max(lastEnd, start + step);
      for (const r of records)
        events.push({ timestamp: r.timestamp, message: line(cache.region, target, tags, r) });
    }
  }
  events.sort((a, b) => a.timestamp - b.timestamp);
  return { events, lastEnd };
}
