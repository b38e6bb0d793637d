import { DEFAULT_LOG_FORMAT, formatVersion, parseLogFormat } from "@/lib/flow/fields";

/** A LogFormat as a person reads it: default or custom, its version, and its field names in order. */
export function describeFormat(logFormat: string | undefined): {
  kind: "default" | "custom" | "unreadable";
  version?: number;
  fields: string[];
} {
  const format = logFormat ?? DEFAULT_LOG_FORMAT;
  const parsed = parseLogFormat(format);
  if (!parsed.ok) return { kind: "unreadable", fields: format.split(/\s+/).filter(Boolean) };
  const kind = format.trim().split(/\s+/).join(" ") === DEFAULT_LOG_FORMAT ? "default" : "custom";
  return { kind, version: formatVersion(parsed.fields), fields: parsed.fields.map((f) => f.name) };
}

/** Where the records go, in words: "CloudWatch Logs /group", "S3 arn:…", "Firehose arn:…". */
export function describeDestination(log: {
  LogDestinationType?: string;
  LogGroupName?: string;
  LogDestination?: string;
}): { kind: string; target: string } {
  const type = log.LogDestinationType ?? (log.LogGroupName ? "cloud-watch-logs" : "unknown");
  if (type === "cloud-watch-logs")
    return { kind: "CloudWatch Logs", target: log.LogGroupName ?? log.LogDestination ?? "?" };
  if (type === "s3") return { kind: "S3", target: log.LogDestination ?? "?" };
  if (type === "kinesis-data-firehose") return { kind: "Firehose", target: log.LogDestination ?? "?" };
  return { kind: type, target: log.LogDestination ?? "?" };
}
