/**
 * The contract between the traffic page's panels (browser) and GET /api/traffic/panel (server).
 * Request: URL search params, validated by `PanelRequestSchema` (lib/traffic/request.ts) on the server (400 JSON naming the field).
 * Response: NDJSON (`application/x-ndjson`), one `PanelEvent` per line: zero or more `progress` lines,
 * then exactly one `result`, `empty` or `error` line. Closing the request (the browser aborts the fetch:
 * Cancel, navigation, a new filter) stops the running Insights queries (StopQuery).
 */

export const TIME_RANGES = ["15m", "1h", "6h", "24h", "7d", "custom"] as const;
export type TimeRangeKey = (typeof TIME_RANGES)[number];

export const PANELS = ["timeseries", "top"] as const;
export const TOP_DIMENSIONS = ["sources", "destinations", "pairs", "dstPorts", "interfaces"] as const;
export const TOP_METRICS = ["bytes", "packets", "rejectedFlows"] as const;
export const SERIES_METRICS = ["bytes", "packets", "flows"] as const;

export type TopDimension = (typeof TOP_DIMENSIONS)[number];
export type TopMetric = (typeof TOP_METRICS)[number];
/** What a top panel can be ranked by: the page's metrics, and flows (the flow explorer's group-by). */
export type RankMetric = TopMetric | "flows";
export type SeriesMetric = (typeof SERIES_METRICS)[number];

/** What the URL of the traffic page holds; the panels send the same params to the API. */
export type TrafficParams = {
  region: string;
  vpc: string;
  subnet?: string;
  eni?: string;
  range: TimeRangeKey;
  /** Epoch ms, only with range=custom. */
  start?: number;
  end?: number;
  /** Filters a top-talker click adds: */
  src?: string; // IP or CIDR
  dst?: string;
  dstPort?: number;
  protocol?: number;
  action?: "ACCEPT" | "REJECT";
};

export type PanelRequest = TrafficParams &
  (
    | { panel: "timeseries"; metric: SeriesMetric }
    | { panel: "top"; dimension: TopDimension; metric: RankMetric; limit?: number }
  );

/** One address or interface, as a person wants to read it. */
export type Enrichment = {
  /** e.g. "prod-web-1 (i-0abc…, t3.small) in prod-public-a", "internet", "Amazon S3", "NAT gateway nat-…". */
  label: string;
  kind: "interface" | "instance" | "subnet" | "vpc" | "internet" | "aws-service" | "unknown";
  resourceId?: string;
};

/**
 * recordsScanned, bytesScanned and estimatedCostUsd describe the queries that computed the result,
 * also when it came from the cache: `queries` (0) and `cached` say this view started nothing.
 */
export type QueryStats = {
  queries: number; // Insights queries started (0 when everything came from the cache)
  recordsScanned: number;
  recordsMatched: number;
  bytesScanned: number;
  estimatedCostUsd: number; // lib/cost, an estimate
  elapsedMs: number;
  cached: boolean;
};

export type SeriesPoint = { t: number; accepted: number; rejected: number };
export type TopRow = {
  key: string; // the address, "src → dst", the port, or the interface id
  src?: string;
  dst?: string;
  dstPort?: number;
  interfaceId?: string;
  bytes: number;
  packets: number;
  flows: number;
  rejectedFlows: number;
  enrichment: Record<string, Enrichment>; // by address / interface id appearing in the row
  portName?: string; // "https", "ssh", …
};

/** Why there is nothing to show: the UI explains each one. */
export type EmptyReason =
  | { reason: "no-flow-log"; message: string } // no flow log covers this scope
  | { reason: "delivery-failed"; message: string; flowLogIds: string[] } // DeliverLogsStatus FAILED
  | { reason: "delivery-delay"; message: string; newestRecordAt?: number } // window newer than the 5–10 min delay
  | { reason: "filtered-out"; message: string } // the filter excludes all records
  | { reason: "no-records"; message: string };

export type Coverage = {
  flowLogs: {
    id: string;
    resourceId: string;
    trafficType: string;
    logGroupName?: string;
    deliverStatus?: string;
    format: "default" | "custom";
    /** Read for this panel; a log left out repeats another's records (or Flowscope cannot query it). */
    used?: boolean;
  }[];
  uncoveredInterfaces: { id: string; label: string }[];
  /** e.g. "An ACCEPT-only flow log covers prod-private-a: rejected traffic there is invisible." */
  warnings: string[];
  /** Filters the flow log's format cannot express (never dropped silently). */
  unsupported: string[];
};

export type Freshness = { newestRecordAt?: number; ageMs?: number; note: string };

export type PanelEvent =
  | { type: "progress"; status: string; recordsScanned: number; bytesScanned: number; elapsedMs: number }
  | {
      type: "result";
      panel: "timeseries";
      binMs: number;
      points: SeriesPoint[];
      stats: QueryStats;
      coverage: Coverage;
      freshness: Freshness;
      truncated: boolean;
    }
  | {
      type: "result";
      panel: "top";
      rows: TopRow[];
      stats: QueryStats;
      coverage: Coverage;
      freshness: Freshness;
      truncated: boolean;
    }
  | { type: "empty"; empty: EmptyReason; stats: QueryStats; coverage: Coverage; freshness: Freshness }
  | { type: "error"; code: string; message: string; retryable: boolean; field?: string };
