import type { EmptyReason, Freshness } from "./contract";
import type { TimeWindow } from "./request";

const MINUTE = 60_000;
/** Past this age the newest record says more than "still arriving": delivery may have stopped. */
const STALE_MS = 30 * MINUTE;

const DELAY_NOTE =
  "Flow logs reach CloudWatch Logs about 5–10 minutes after the traffic (after an aggregation interval of up to 10 minutes), so the last minutes are usually incomplete.";

function ago(ms: number): string {
  const minutes = Math.round(ms / MINUTE);
  if (minutes < 1) return "less than a minute ago";
  if (minutes < 120) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  return hours < 48 ? `${hours} h ago` : `${Math.round(hours / 24)} days ago`;
}

/** How recent the newest delivered record is, with the delivery delay explained. */
export function freshness(newestRecordAt: number | undefined, now: number): Freshness {
  if (newestRecordAt === undefined)
    return { note: `No record has been delivered to these log groups yet. ${DELAY_NOTE}` };
  const ageMs = Math.max(0, now - newestRecordAt);
  const stale = ageMs > STALE_MS ? " Delivery may have stopped, or there has been no traffic since." : "";
  return { newestRecordAt, ageMs, note: `Newest record ${ago(ageMs)}.${stale} ${DELAY_NOTE}` };
}

export interface EmptyFacts {
  /** Flow logs Flowscope could query for the scope. */
  queried: readonly { id: string; deliverStatus?: string }[];
  /** Notes on flow logs it could not query (S3, Firehose). */
  unqueryable: readonly string[];
  window: TimeWindow;
  now: number;
  newestRecordAt?: number;
  recordsScanned: number;
  filtered: boolean;
}

/** Why a panel has nothing to show, most fundamental first. */
export function emptyReason(facts: EmptyFacts): EmptyReason {
  if (facts.queried.length === 0) {
    const extra = facts.unqueryable.length > 0 ? ` ${facts.unqueryable.join(" ")}` : "";
    return {
      reason: "no-flow-log",
      message: `No flow log delivering to CloudWatch Logs covers this scope.${extra} Create one in Flow logs.`,
    };
  }
  const failed = facts.queried.filter((log) => log.deliverStatus === "FAILED").map((log) => log.id);
  if (failed.length === facts.queried.length)
    return {
      reason: "delivery-failed",
      message: "Delivery of the flow logs for this scope FAILED: check the delivery role and the log group.",
      flowLogIds: failed,
    };
  const newest = facts.newestRecordAt;
  if (newest === undefined)
    return {
      reason: "delivery-delay",
      message: `Nothing has been delivered yet. A new flow log needs about 10 minutes, and records appear only once there is traffic. ${DELAY_NOTE}`,
    };
  if (newest < facts.window.start) {
    if (facts.now - newest <= STALE_MS)
      return {
        reason: "delivery-delay",
        message: `The newest record is from ${ago(facts.now - newest)}, before this window. ${DELAY_NOTE}`,
        newestRecordAt: newest,
      };
    return {
      reason: "no-records",
      message: `The newest record is from ${ago(facts.now - newest)}: delivery may have stopped, or there has been no traffic since.`,
    };
  }
  if (facts.filtered && facts.recordsScanned > 0)
    return {
      reason: "filtered-out",
      message: "There are records in this window, but the filters exclude all of them.",
    };
  return {
    reason: "no-records",
    message:
      facts.recordsScanned > 0
        ? "The log groups hold records in this window, but none for the interfaces in scope."
        : "No records in this window.",
  };
}
