import type { DiagnoseInput } from "./verdict";

type Params = Record<string, string | string[] | undefined>;

export type DiagnoseParams = {
  from: string;
  to: string;
  protocol: string;
  port: string;
  icmpType: string;
  start: string;
  end: string;
  region: string;
};

export type DiagnoseQuery =
  | { kind: "empty"; values: DiagnoseParams }
  | { kind: "bad"; values: DiagnoseParams; field: keyof DiagnoseParams; message: string }
  | { kind: "ok"; values: DiagnoseParams; input: DiagnoseInput; start: number; end: number };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() ?? "";
const HOUR = 3_600_000;
/** The longest evidence window (the traffic pages' longest custom range) and how far ahead end may be. */
export const MAX_DIAGNOSE_WINDOW_MS = 31 * 24 * HOUR;
const CLOCK_SKEW_MS = 60_000;
/** Longer than any IP, CIDR, resource id or Name tag (AWS caps tags at 256 characters). */
const MAX_ENDPOINT_LENGTH = 256;

/** ISO 8601, or epoch milliseconds as the flow explorer's links carry them (never a bare year). */
function parseTime(text: string): number {
  if (/^\d+$/.test(text)) return text.length >= 10 ? Number(text) : Number.NaN;
  return Date.parse(text);
}

/** The Diagnose page's URL: the same rules as the CLI (a port for tcp/udp, none for icmp; the last hour). */
export function parseDiagnoseParams(params: Params, now: number): DiagnoseQuery {
  const values: DiagnoseParams = {
    from: one(params.from),
    to: one(params.to),
    protocol: one(params.protocol) || "tcp",
    port: one(params.port),
    icmpType: one(params.icmpType),
    start: one(params.start),
    end: one(params.end),
    region: one(params.region),
  };
  if (!values.from && !values.to) return { kind: "empty", values };
  const bad = (field: keyof DiagnoseParams, message: string): DiagnoseQuery => ({
    kind: "bad",
    values,
    field,
    message,
  });
  if (!values.from || !values.to)
    return bad(values.from ? "to" : "from", "Both a source and a destination are needed.");
  for (const field of ["from", "to"] as const) {
    if (values[field].length > MAX_ENDPOINT_LENGTH)
      return bad(
        field,
        `At most ${MAX_ENDPOINT_LENGTH} characters: an IP address, instance, interface or name.`,
      );
    // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
    if (/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/.test(values[field]))
      return bad(field, "Control or text-direction characters are not part of any address or name.");
  }
  const protocol = values.protocol;
  if (protocol !== "tcp" && protocol !== "udp" && protocol !== "icmp")
    return bad("protocol", "Protocol must be tcp, udp or icmp.");
  const input: DiagnoseInput = { from: values.from, to: values.to, protocol };
  if (protocol === "icmp") {
    if (values.port)
      return bad("port", "ICMP has no port: leave it empty (an echo request unless an ICMP type is given).");
    if (values.icmpType) {
      if (!/^\d{1,3}$/.test(values.icmpType) || Number(values.icmpType) > 255)
        return bad("icmpType", "ICMP type must be 0-255.");
      input.icmpType = Number(values.icmpType);
    }
  } else {
    if (!/^\d{1,5}$/.test(values.port) || Number(values.port) > 65535)
      return bad("port", `A port (0-65535) is needed for ${protocol}.`);
    input.port = Number(values.port);
  }
  const end = values.end ? parseTime(values.end) : now;
  const start = values.start ? parseTime(values.start) : end - HOUR;
  if (Number.isNaN(start) || Number.isNaN(end))
    return bad(
      Number.isNaN(start) ? "start" : "end",
      "Start and end must be ISO 8601 times or epoch milliseconds.",
    );
  if (start >= end) return bad("start", "Start must be before end.");
  if (end > now + CLOCK_SKEW_MS) return bad("end", "End is in the future.");
  if (end - start > MAX_DIAGNOSE_WINDOW_MS) return bad("start", "The window spans at most 31 days.");
  return { kind: "ok", values, input, start, end };
}

/** The shareable link of a diagnosis. */
export function diagnoseHref(values: Partial<DiagnoseParams>): string {
  const query = new URLSearchParams(
    Object.entries(values).filter((e): e is [string, string] => Boolean(e[1])),
  );
  return `/diagnose?${query}`;
}
