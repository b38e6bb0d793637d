import type { Coverage, EmptyReason, Enrichment, Freshness, QueryStats } from "@/lib/traffic/contract";
import type { ErrorEvent, ProgressEvent } from "@/lib/traffic/stream-event";

/**
 * GET /api/flows/records → NDJSON in the panel API's envelope (lib/traffic/contract.ts): progress lines,
 * then one `result`, `empty` or `error`. GET /api/flows/export?format=csv|json streams the same rows as a file.
 */
export const FLOWS_RECORDS_PATH = "/api/flows/records";
export const FLOWS_EXPORT_PATH = "/api/flows/export";
/** GET /api/flows/groups?group=…&… → NDJSON top-panel events: counts by one dimension for the same filter. */
export const FLOWS_GROUPS_PATH = "/api/flows/groups";
/** Rows the table shows at most; the page says when a window holds more. */
export const TABLE_ROW_CAP = 1_000;
/** Rows an export holds at most. */
export const EXPORT_ROW_CAP = 10_000;

/** One flow-log record as the table shows it; numbers stay numbers so columns sort correctly. */
export type FlowRow = {
  id: string;
  /** Epoch ms of the record's window (start/end are seconds in the record). */
  start?: number;
  end?: number;
  srcAddr?: string;
  dstAddr?: string;
  srcPort?: number;
  dstPort?: number;
  protocol?: number;
  packets?: number;
  bytes?: number;
  action?: string;
  logStatus?: string;
  interfaceId?: string;
  tcpFlags?: number;
  flowDirection?: string;
  trafficPath?: number;
  message: string;
  logGroup: string;
  logStream?: string;
  /** The flow logs writing to that group in this scope (usually one). */
  flowLogIds: string[];
  /** By address / interface id appearing in the row. */
  enrichment: Record<string, Enrichment>;
};

export type RecordsEvent =
  | ProgressEvent
  | ErrorEvent
  | {
      type: "result";
      panel: "records";
      rows: FlowRow[];
      stats: QueryStats;
      coverage: Coverage;
      freshness: Freshness;
      /** More records match than `cap`: the table shows the newest `cap`. */
      truncated: boolean;
      cap: number;
    }
  | { type: "empty"; empty: EmptyReason; stats: QueryStats; coverage: Coverage; freshness: Freshness };
