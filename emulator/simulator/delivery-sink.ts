import { logGroupArn } from "../state/open-data";
import type { StreamBatch } from "../store/append";
import type { EventStore } from "../store/event-store";
import type { InputEvent } from "../store/types";
import type { World } from "../world/types";
import type { Stream } from "./delivery-streams";

/** One stream's share of a tick: the windows that end in (from, until]. */
export interface Job {
  stream: Stream;
  from: number;
  until: number;
  /** Every due window that ends at or before this instant has been generated so far. */
  covered: number;
}

interface GroupBuffer {
  jobs: Job[];
  batches: StreamBatch[];
  failed: boolean;
}

/**
 * Collects generated records per log group and appends them in large multi-stream transactions.
 * A stream's cursor moves only once what it covers is committed; a group whose append fails stops
 * for this tick, its streams keeping their cursors (the windows are generated again next tick).
 */
export class DeliverySink {
  private readonly groups = new Map<string, GroupBuffer>();
  pending = 0;
  delivered = 0;

  constructor(
    private readonly deps: {
      store: EventStore;
      world: World;
      now: number;
      delayMs: number;
      cursors: Map<string, number>;
      log: (line: string) => void;
    },
  ) {}

  register(job: Job): void {
    const name = job.stream.logGroupName;
    const buffer = this.groups.get(name) ?? { jobs: [], batches: [], failed: false };
    buffer.jobs.push(job);
    this.groups.set(name, buffer);
  }

  failed(job: Job): boolean {
    return this.groups.get(job.stream.logGroupName)?.failed ?? true;
  }

  /** Records of one chunk of a job; the store receives them at their last window's end + the delay. */
  add(job: Job, events: InputEvent[], lastEnd: number, covered: number): void {
    job.covered = covered;
    if (events.length === 0) return;
    const buffer = this.groups.get(job.stream.logGroupName);
    // Ingestion = last window end + delay: what Frontiers reads back after a restart.
    buffer?.batches.push({ streamName: job.stream.name, events, ingestionTime: lastEnd + this.deps.delayMs });
    this.pending += events.length;
  }

  async flush(): Promise<void> {
    for (const [name, buffer] of this.groups) {
      if (buffer.failed) continue;
      const batches = buffer.batches.splice(0);
      try {
        if (batches.length > 0) {
          const first = batches.reduce((min, b) => Math.min(min, b.ingestionTime), this.deps.now);
          await this.ensureGroup(name, first);
          this.delivered += (await this.deps.store.appendBatches(name, batches)).accepted;
        }
        for (const job of buffer.jobs) this.deps.cursors.set(job.stream.key, job.covered);
      } catch (error) {
        buffer.failed = true;
        this.deps.log(`simulator: delivery to ${name} failed: ${String(error)}`);
      }
    }
    this.pending = 0;
  }

  /** CloudWatch Logs gets the group when the first records arrive (flow-log-records.md §2). */
  private async ensureGroup(logGroupName: string, creationTime: number): Promise<void> {
    const { store, world } = this.deps;
    if (await store.getLogGroup(logGroupName)) return;
    const arn = logGroupArn(world.region, world.accountId, logGroupName);
    await store.createLogGroup({ logGroupName, creationTime, arn }).catch(async (error: unknown) => {
      if (!(await store.getLogGroup(logGroupName))) throw error;
    });
  }
}
