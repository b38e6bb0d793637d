import { DEFAULT_LOG_FORMAT, parseLogFormat } from "./fields";

export { DEFAULT_LOG_FORMAT };

/** A LogFormat that cannot be read; `token` is the first offending token as written. */
export class LogFormatError extends Error {
  constructor(
    message: string,
    readonly token?: string,
  ) {
    super(message);
    this.name = "LogFormatError";
  }
}

const NAME = /^\$\{([^${}\s]+)\}$/;

/**
 * The field names of a LogFormat (`${version} ${srcaddr} …`), in order. Throws LogFormatError naming
 * the first bad token. With `allowUnknown`, well-formed names outside FLOW_LOG_FIELDS are kept (a
 * reader should treat a newer field as an opaque string, flow-log-records.md §3).
 */
export function logFormatFields(format: string, options: { allowUnknown?: boolean } = {}): string[] {
  const parsed = parseLogFormat(format);
  if (parsed.ok) return parsed.fields.map((field) => field.name);
  const token = parsed.tokens[0];
  if (parsed.problem === "empty") throw new LogFormatError("LogFormat has no fields");
  if (parsed.problem === "malformed")
    throw new LogFormatError(`LogFormat token ${token} is not \${field}`, token);
  if (!options.allowUnknown)
    throw new LogFormatError(`LogFormat field ${token} is not a flow-log field`, token);
  return format
    .split(/\s+/)
    .filter((t) => t !== "")
    .map((t) => NAME.exec(t)?.[1] ?? t);
}

/** `${a} ${b} …`: the LogFormat for a list of field names. */
export const toLogFormat = (names: readonly string[]): string => names.map((name) => `\${${name}}`).join(" ");

/** The 14 version-2 fields of the default format, in AWS's order. */
export const DEFAULT_FIELD_NAMES: readonly string[] = logFormatFields(DEFAULT_LOG_FORMAT);
