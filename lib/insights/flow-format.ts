import { flowLogField } from "../flow/fields";
import { DEFAULT_FIELD_NAMES, LogFormatError, logFormatFields } from "../flow/format";
import { FlowQueryError } from "./errors";

/** The names Insights discovers in default-format records (logs-insights.md §5). */
const DISCOVERED: Readonly<Record<string, string>> = {
  version: "version",
  "account-id": "accountId",
  "interface-id": "interfaceId",
  srcaddr: "srcAddr",
  dstaddr: "dstAddr",
  srcport: "srcPort",
  dstport: "dstPort",
  protocol: "protocol",
  packets: "packets",
  bytes: "bytes",
  start: "startTime",
  end: "endTime",
  action: "action",
  "log-status": "logStatus",
};

/** How to read one flow log's records in a query. */
export interface FlowFormat {
  /** `default`: Insights discovers the fields itself; `custom`: a `parse` command names them. */
  readonly kind: "default" | "custom";
  /** Flow-log field names (`srcaddr`, `log-status`, …) in record order. */
  readonly fields: readonly string[];
  hasField(name: string): boolean;
  /** The name a query uses for the field, or undefined when the format does not have it. */
  queryName(name: string): string | undefined;
}

const FIELD_NAME = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/** `pkt-srcaddr` → `pkt_srcaddr`; a field lib/flow does not know gets an `x_` prefix so it is never a keyword. */
const parsedName = (name: string): string => `${flowLogField(name) ? "" : "x_"}${name.replaceAll("-", "_")}`;

function makeFormat(kind: FlowFormat["kind"], fields: readonly string[]): FlowFormat {
  const names = new Map(
    fields.map((name) => [name, kind === "default" ? DISCOVERED[name] : parsedName(name)]),
  );
  return {
    kind,
    fields,
    hasField: (name) => names.has(name),
    queryName: (name) => names.get(name),
  };
}

/**
 * The format of a flow log from its LogFormat (as DescribeFlowLogs returns it). An absent or empty
 * LogFormat, or the 14 default fields spelled out in order, is the default format.
 */
export function flowFormat(logFormat?: string | null): FlowFormat {
  const text = logFormat?.trim() ?? "";
  if (text === "") return makeFormat("default", DEFAULT_FIELD_NAMES);
  let fields: string[];
  try {
    fields = logFormatFields(text, { allowUnknown: true });
  } catch (error) {
    if (error instanceof LogFormatError) throw new FlowQueryError([`format: ${error.message}`]);
    throw error;
  }
  const bad = fields.find((name) => !FIELD_NAME.test(name));
  if (bad !== undefined) throw new FlowQueryError([`format: ${JSON.stringify(bad)} is not a field name`]);
  const duplicate = fields.find((name, i) => fields.indexOf(name) !== i);
  if (duplicate !== undefined) throw new FlowQueryError([`format: ${duplicate} appears twice`]);
  const isDefault =
    fields.length === DEFAULT_FIELD_NAMES.length &&
    fields.every((name, i) => name === DEFAULT_FIELD_NAMES[i]);
  return makeFormat(isDefault ? "default" : "custom", fields);
}
