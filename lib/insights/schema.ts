import { z } from "zod";
import { FlowQueryError } from "./errors";
import { MAX_EXPERT_LENGTH } from "./expert-filter";
import { GROUP_KEYS, METRICS } from "./keys";
import { address, awsId, awsService, nonEmpty, portSpec, protocolNumber } from "./schema-values";

export type { PortSpec } from "./schema-values";

/** One page of GetQueryResults; a larger result needs a narrower query, not a bigger limit. */
export const MAX_ROWS = 10_000;
/** Enough interfaces for a large VPC; the compiler splits them over several queries. */
export const MAX_INTERFACES = 5_000;

const epochMs = z
  .int({ error: "expected epoch milliseconds" })
  .min(0, { error: "expected epoch milliseconds" });
const limit = z
  .int({ error: "expected a whole number of rows" })
  .min(1, { error: `limit is 1–${MAX_ROWS}` })
  .max(MAX_ROWS, { error: `limit is 1–${MAX_ROWS}` });

const timeRange = z
  .strictObject({ start: epochMs, end: epochMs })
  .refine((range) => range.end > range.start, { error: "must be after start", path: ["end"] });

const scope = z.strictObject({
  vpcId: awsId("vpc").optional(),
  subnetIds: nonEmpty(awsId("subnet"), 200, "subnet id").optional(),
  /** The interfaces in scope, for formats without vpc-id/subnet-id; may be empty (nothing can match). */
  interfaceIds: z
    .array(awsId("eni"))
    .max(MAX_INTERFACES, { error: `at most ${MAX_INTERFACES} interface ids` })
    .optional(),
});

const filters = z.strictObject({
  action: z.enum(["ACCEPT", "REJECT"], { error: "expected ACCEPT or REJECT" }).optional(),
  srcAddr: address.optional(),
  dstAddr: address.optional(),
  srcPort: portSpec.optional(),
  dstPort: portSpec.optional(),
  protocol: nonEmpty(protocolNumber, 256, "protocol number").optional(),
  logStatus: nonEmpty(
    z.enum(["OK", "NODATA", "SKIPDATA"], { error: "expected OK, NODATA or SKIPDATA" }),
    3,
    "status",
  ).optional(),
  /** Any of these TCP flag bits (FIN 1, SYN 2, RST 4, PSH 8, ACK 16, URG 32, …). */
  tcpFlags: z
    .int({ error: "expected a flag bit mask" })
    .min(1, { error: "a flag bit mask is 1–255" })
    .max(255, { error: "a flag bit mask is 1–255" })
    .optional(),
  flowDirection: z.enum(["ingress", "egress"], { error: "expected ingress or egress" }).optional(),
  trafficPath: nonEmpty(
    z
      .int({ error: "expected a traffic-path code" })
      .min(1, { error: "traffic-path codes are 1–255" })
      .max(255, {
        error: "traffic-path codes are 1–255",
      }),
    16,
    "traffic-path code",
  ).optional(),
  pktSrcAwsService: awsService.optional(),
  pktDstAwsService: awsService.optional(),
  interfaceId: awsId("eni").optional(),
  pktSrcAddr: address.optional(),
  pktDstAddr: address.optional(),
});

const metric = z.enum(METRICS, { error: `expected one of ${METRICS.join(", ")}` });

const records = z.strictObject({
  kind: z.literal("records"),
  limit,
  sort: z
    .strictObject({
      by: z.enum(["timestamp", "bytes", "packets"], { error: "expected timestamp, bytes or packets" }),
      direction: z.enum(["asc", "desc"], { error: "expected asc or desc" }),
    })
    .optional(),
});

const aggregate = z
  .strictObject({
    kind: z.literal("aggregate"),
    groupBy: z
      .array(z.enum(GROUP_KEYS, { error: `expected one of ${GROUP_KEYS.join(", ")}` }))
      .max(6, { error: "at most 6 group keys" }),
    metrics: nonEmpty(metric, METRICS.length, "metric"),
    bin: z
      .enum(["1m", "5m", "15m", "1h", "1d", "auto"], { error: "expected 1m, 5m, 15m, 1h, 1d or auto" })
      .optional(),
    orderBy: metric.optional(),
    limit,
  })
  .refine((shape) => shape.orderBy === undefined || shape.metrics.includes(shape.orderBy), {
    error: "must be one of the metrics",
    path: ["orderBy"],
  });

export const FlowQuerySchema = z.strictObject({
  timeRange,
  scope,
  filters,
  /** An expert Logs Insights `filter` expression, checked and ANDed (parenthesised) with the rest. */
  expert: z
    .string()
    .max(MAX_EXPERT_LENGTH, { error: `at most ${MAX_EXPERT_LENGTH} characters` })
    .optional(),
  shape: z.discriminatedUnion("kind", [records, aggregate], { error: "expected kind records or aggregate" }),
});

export type FlowQuery = z.infer<typeof FlowQuerySchema>;
export type FlowFilters = FlowQuery["filters"];
export type FlowScope = FlowQuery["scope"];
export type FlowShape = FlowQuery["shape"];
export type AggregateShape = Extract<FlowShape, { kind: "aggregate" }>;
export type RecordsShape = Extract<FlowShape, { kind: "records" }>;
export type BinSize = NonNullable<AggregateShape["bin"]>;

/** Issues as `path: message`, the path naming the field (`filters.dstPort: …`). */
export const flowQueryIssues = (error: z.ZodError): string[] =>
  error.issues.map((issue) => `${issue.path.map(String).join(".") || "query"}: ${issue.message}`);

export type FlowQueryParse = { ok: true; query: FlowQuery } | { ok: false; issues: string[] };

export function safeParseFlowQuery(input: unknown): FlowQueryParse {
  const result = FlowQuerySchema.safeParse(input);
  return result.success
    ? { ok: true, query: result.data }
    : { ok: false, issues: flowQueryIssues(result.error) };
}

/** The query, or a FlowQueryError listing every problem. */
export function parseFlowQuery(input: unknown): FlowQuery {
  const result = safeParseFlowQuery(input);
  if (!result.ok) throw new FlowQueryError(result.issues);
  return result.query;
}
