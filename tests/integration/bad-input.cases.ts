/**
 * Malformed inputs for every API, each with the answer it must get: the status and the field the JSON
 * error names. "stream" cases pass validation on purpose (odd but legal values): they must end in a
 * clean result, empty, or a named error event, never a crash.
 */
export interface BadInput {
  api: "panel" | "records" | "export" | "diagnose" | "overview" | "groups";
  label: string;
  params: Record<string, string>;
  /** 400 with `field`, or "stream": 200 and a clean final event. */
  expect: { status: 400; field: string } | "stream";
}

export const VPC = "vpc-0123456789abcdef0";
const NUL = "\u0000";
const RTL = "\u202e";
const HOUR = 3_600_000;
const NOW = Date.now();
const big = (n: number) => "a".repeat(n);

const panel = { panel: "timeseries", vpc: VPC, range: "1h" };
const top = { ...panel, panel: "top", dimension: "sources" };
const records = { vpc: VPC, range: "1h" };

const bad = (field: string) => ({ status: 400, field }) as const;

const addressCases = (field: string): [string, string][] => [
  ["CIDR prefix too long", "10.0.0.0/33"],
  ["octet over 255", "999.1.1.1"],
  ["two prefixes", "10.0.0.1/8/8"],
  ["SQL-ish injection", "' or 1=1 --"],
  ["Insights pipe", "10.0.0.1 | display @message"],
  ["newline", "10.0.0.1\n| stats count()"],
  ["Arabic-Indic digits", "١٠.٠.٠.١"],
  ["IPv6 garbage", "::ffff:zz"],
  ["NUL byte", `10.0.0.1${NUL}`],
  ["empty", ""],
  ["64 KB", big(65_536)],
  [`${field} hostname`, "example.com"],
];

export const BAD_INPUTS: BadInput[] = [
  // ── traffic panel ────────────────────────────────────────────────────────
  { api: "panel", label: "no panel", params: { vpc: VPC }, expect: bad("panel") },
  { api: "panel", label: "unknown panel", params: { ...panel, panel: "pie" }, expect: bad("panel") },
  {
    api: "panel",
    label: "panel upper case",
    params: { ...panel, panel: "TIMESERIES" },
    expect: bad("panel"),
  },
  {
    api: "panel",
    label: "top without dimension",
    params: { ...panel, panel: "top" },
    expect: bad("dimension"),
  },
  {
    api: "panel",
    label: "unknown dimension",
    params: { ...top, dimension: "users" },
    expect: bad("dimension"),
  },
  { api: "panel", label: "no vpc", params: { panel: "timeseries" }, expect: bad("vpc") },
  { api: "panel", label: "vpc not hex", params: { ...panel, vpc: "vpc-xyz" }, expect: bad("vpc") },
  {
    api: "panel",
    label: "subnet id as vpc",
    params: { ...panel, vpc: "subnet-01234567" },
    expect: bad("vpc"),
  },
  {
    api: "panel",
    label: "vpc with quote and pipe",
    params: { ...panel, vpc: "vpc-01234567' | display" },
    expect: bad("vpc"),
  },
  { api: "panel", label: "vpc Arabic digits", params: { ...panel, vpc: "vpc-٠١٢٣٤٥٦٧" }, expect: bad("vpc") },
  { api: "panel", label: "vpc NUL", params: { ...panel, vpc: `vpc-01234567${NUL}` }, expect: bad("vpc") },
  {
    api: "panel",
    label: "vpc RTL override",
    params: { ...panel, vpc: `vpc-${RTL}01234567` },
    expect: bad("vpc"),
  },
  {
    api: "panel",
    label: "unknown region",
    params: { ...panel, region: "mars-east-1" },
    expect: bad("region"),
  },
  {
    api: "panel",
    label: "region upper case",
    params: { ...panel, region: "US-EAST-1" },
    expect: bad("region"),
  },
  {
    api: "panel",
    label: "region shell",
    params: { ...panel, region: "us-east-1; rm -rf /" },
    expect: bad("region"),
  },
  {
    api: "panel",
    label: "region path traversal",
    params: { ...panel, region: "../../etc/passwd" },
    expect: bad("region"),
  },
  { api: "panel", label: "region 10 KB", params: { ...panel, region: big(10_000) }, expect: bad("region") },
  { api: "panel", label: "range 2h", params: { ...panel, range: "2h" }, expect: bad("range") },
  { api: "panel", label: "range negative", params: { ...panel, range: "-1h" }, expect: bad("range") },
  {
    api: "panel",
    label: "custom without start",
    params: { ...panel, range: "custom" },
    expect: bad("start"),
  },
  {
    api: "panel",
    label: "custom without end",
    params: { ...panel, range: "custom", start: String(NOW - HOUR) },
    expect: bad("end"),
  },
  {
    api: "panel",
    label: "custom reversed",
    params: { ...panel, range: "custom", start: String(NOW - HOUR), end: String(NOW - 2 * HOUR) },
    expect: bad("end"),
  },
  {
    api: "panel",
    label: "custom empty (start = end)",
    params: { ...panel, range: "custom", start: String(NOW - HOUR), end: String(NOW - HOUR) },
    expect: bad("end"),
  },
  {
    api: "panel",
    label: "custom one year",
    params: { ...panel, range: "custom", start: String(NOW - 365 * 24 * HOUR), end: String(NOW) },
    expect: bad("start"),
  },
  {
    api: "panel",
    label: "custom since 1970",
    params: { ...panel, range: "custom", start: "0", end: String(NOW) },
    expect: bad("start"),
  },
  {
    api: "panel",
    label: "custom in the future",
    params: { ...panel, range: "custom", start: String(NOW), end: String(NOW + 24 * HOUR) },
    expect: bad("end"),
  },
  {
    api: "panel",
    label: "start without custom",
    params: { ...panel, start: String(NOW - HOUR) },
    expect: bad("start"),
  },
  {
    api: "panel",
    label: "start not a number",
    params: { ...panel, range: "custom", start: "yesterday", end: String(NOW) },
    expect: bad("start"),
  },
  {
    api: "panel",
    label: "start negative",
    params: { ...panel, range: "custom", start: "-5", end: String(NOW) },
    expect: bad("start"),
  },
  {
    api: "panel",
    label: "start exponent",
    params: { ...panel, range: "custom", start: "1e12", end: String(NOW) },
    expect: bad("start"),
  },
  {
    api: "panel",
    label: "start 30 digits",
    params: { ...panel, range: "custom", start: "9".repeat(30), end: String(NOW) },
    expect: bad("start"),
  },
  ...addressCases("src").map(
    ([label, value]): BadInput => ({
      api: "panel",
      label: `src ${label}`,
      params: { ...panel, src: value },
      expect: bad("src"),
    }),
  ),
  ...addressCases("dst")
    .slice(0, 6)
    .map(
      ([label, value]): BadInput => ({
        api: "panel",
        label: `dst ${label}`,
        params: { ...panel, dst: value },
        expect: bad("dst"),
      }),
    ),
  { api: "panel", label: "port 65536", params: { ...panel, dstPort: "65536" }, expect: bad("dstPort") },
  { api: "panel", label: "port negative", params: { ...panel, dstPort: "-1" }, expect: bad("dstPort") },
  { api: "panel", label: "port name", params: { ...panel, dstPort: "ssh" }, expect: bad("dstPort") },
  { api: "panel", label: "port hex", params: { ...panel, dstPort: "0x50" }, expect: bad("dstPort") },
  { api: "panel", label: "port leading space", params: { ...panel, dstPort: " 80" }, expect: bad("dstPort") },
  {
    api: "panel",
    label: "port range on the panel",
    params: { ...panel, dstPort: "80-90" },
    expect: bad("dstPort"),
  },
  { api: "panel", label: "protocol 256", params: { ...panel, protocol: "256" }, expect: bad("protocol") },
  { api: "panel", label: "protocol name", params: { ...panel, protocol: "tcp" }, expect: bad("protocol") },
  {
    api: "panel",
    label: "protocol fraction",
    params: { ...panel, protocol: "6.5" },
    expect: bad("protocol"),
  },
  { api: "panel", label: "action lower case", params: { ...panel, action: "accept" }, expect: bad("action") },
  { api: "panel", label: "action DROP", params: { ...panel, action: "DROP" }, expect: bad("action") },
  { api: "panel", label: "metric bits", params: { ...panel, metric: "bits" }, expect: bad("metric") },
  { api: "panel", label: "limit 0", params: { ...top, limit: "0" }, expect: bad("limit") },
  { api: "panel", label: "limit 51", params: { ...top, limit: "51" }, expect: bad("limit") },
  { api: "panel", label: "limit exponent", params: { ...top, limit: "1e3" }, expect: bad("limit") },
  { api: "panel", label: "subnet bad id", params: { ...panel, subnet: "subnet-zz" }, expect: bad("subnet") },
  { api: "panel", label: "eni short id", params: { ...panel, eni: "eni-1" }, expect: bad("eni") },
  {
    api: "panel",
    label: "vpc that does not exist",
    params: { ...panel, vpc: "vpc-00000000" },
    expect: "stream",
  },
  {
    api: "panel",
    label: "unknown parameter is ignored",
    params: { ...panel, "<script>": "1" },
    expect: "stream",
  },

  // ── flow records and export ─────────────────────────────────────────────
  { api: "records", label: "no vpc", params: { range: "1h" }, expect: bad("vpc") },
  {
    api: "records",
    label: "srcPort 70000",
    params: { ...records, srcPort: "70000" },
    expect: bad("srcPort"),
  },
  {
    api: "records",
    label: "dstPort open range",
    params: { ...records, dstPort: "80-" },
    expect: bad("dstPort"),
  },
  {
    api: "records",
    label: "dstPort reversed range",
    params: { ...records, dstPort: "90-80" },
    expect: bad("dstPort"),
  },
  { api: "records", label: "dstPort list", params: { ...records, dstPort: "22,80" }, expect: bad("dstPort") },
  { api: "records", label: "tcpFlags 0", params: { ...records, tcpFlags: "0" }, expect: bad("tcpFlags") },
  { api: "records", label: "tcpFlags 256", params: { ...records, tcpFlags: "256" }, expect: bad("tcpFlags") },
  {
    api: "records",
    label: "tcpFlags by name",
    params: { ...records, tcpFlags: "SYN" },
    expect: bad("tcpFlags"),
  },
  {
    api: "records",
    label: "logStatus lower case",
    params: { ...records, logStatus: "ok" },
    expect: bad("logStatus"),
  },
  {
    api: "records",
    label: "flowDirection in",
    params: { ...records, flowDirection: "in" },
    expect: bad("flowDirection"),
  },
  {
    api: "records",
    label: "service lower case",
    params: { ...records, srcService: "s3" },
    expect: bad("srcService"),
  },
  {
    api: "records",
    label: "service injection",
    params: { ...records, dstService: "S3' | display" },
    expect: bad("dstService"),
  },
  {
    api: "records",
    label: "trafficPath 0",
    params: { ...records, trafficPath: "0" },
    expect: bad("trafficPath"),
  },
  {
    api: "records",
    label: "instance with markup",
    params: { ...records, instance: "i-123<script>" },
    expect: bad("instance"),
  },
  {
    api: "records",
    label: "instance 200 chars",
    params: { ...records, instance: big(200) },
    expect: bad("instance"),
  },
  {
    api: "records",
    label: "pktSrc bad",
    params: { ...records, pktSrc: "10.0.0.256" },
    expect: bad("pktSrc"),
  },
  {
    api: "records",
    label: "expert: pipe to display",
    params: { ...records, q: "dstPort = 22 | display @message" },
    expect: bad("q"),
  },
  {
    api: "records",
    label: "expert: stats command",
    params: { ...records, q: "srcAddr = '10.0.0.1' | stats count()" },
    expect: bad("q"),
  },
  {
    api: "records",
    label: "expert: backticks",
    params: { ...records, q: "`srcAddr` = '10.0.0.1'" },
    expect: bad("q"),
  },
  {
    api: "records",
    label: "expert: newline and limit",
    params: { ...records, q: "dstPort = 22\n| limit 1" },
    expect: bad("q"),
  },
  {
    api: "records",
    label: "expert: close the paren",
    params: { ...records, q: "dstPort = 22) | fields @message | filter (1 = 1" },
    expect: bad("q"),
  },
  {
    api: "records",
    label: "expert: unknown field",
    params: { ...records, q: "password = 'x'" },
    expect: bad("q"),
  },
  {
    api: "records",
    label: "expert: 2000 characters",
    params: { ...records, q: `dstPort = ${"1".repeat(2000)}` },
    expect: bad("q"),
  },
  {
    api: "records",
    label: "expert: dangling operator",
    params: { ...records, q: "dstPort =" },
    expect: bad("q"),
  },
  {
    api: "records",
    label: "expert: unbalanced",
    params: { ...records, q: "((((dstPort = 22" },
    expect: bad("q"),
  },
  {
    api: "records",
    label: "expert: unterminated string",
    params: { ...records, q: "srcAddr = '10.0.0.1" },
    expect: bad("q"),
  },
  {
    api: "records",
    label: "expert: comment",
    params: { ...records, q: "dstPort = 22 # | display" },
    expect: bad("q"),
  },
  {
    api: "records",
    label: "expert: unknown function",
    params: { ...records, q: "sleep(10) = 1" },
    expect: bad("q"),
  },
  { api: "records", label: "expert: empty", params: { ...records, q: "   " }, expect: bad("q") },
  {
    api: "records",
    label: "expert: RTL override",
    params: { ...records, q: `${RTL}dstPort = 22` },
    expect: bad("q"),
  },
  {
    api: "records",
    label: "expert: NUL in a string",
    params: { ...records, q: `srcAddr = '10.0.0.1${NUL}'` },
    expect: bad("q"),
  },
  {
    api: "records",
    label: "expert: regex with a pipe",
    params: { ...records, q: "srcAddr like /10\\.0|x/" },
    expect: "stream",
  },
  {
    api: "records",
    label: "expert: quoted pipe stays a string",
    params: { ...records, q: "srcAddr = '| display @message'" },
    expect: "stream",
  },
  {
    api: "records",
    label: "expert: emoji string",
    params: { ...records, q: "srcAddr = '🔥'" },
    expect: "stream",
  },
  { api: "records", label: "duplicate vpc", params: { ...records, vpc: VPC, "vpc ": VPC }, expect: "stream" },
  { api: "export", label: "format xml", params: { ...records, format: "xml" }, expect: bad("format") },
  { api: "export", label: "format upper case", params: { ...records, format: "CSV" }, expect: bad("format") },
  {
    api: "export",
    label: "export reversed range",
    params: { ...records, range: "custom", start: String(NOW), end: String(NOW - HOUR) },
    expect: bad("end"),
  },
  {
    api: "export",
    label: "export expert injection",
    params: { ...records, q: "1 = 1 | fields @message" },
    expect: bad("q"),
  },

  // ── diagnose ────────────────────────────────────────────────────────────
  { api: "diagnose", label: "no source", params: { to: "10.0.1.25", port: "22" }, expect: bad("from") },
  { api: "diagnose", label: "no destination", params: { from: "10.0.1.25", port: "22" }, expect: bad("to") },
  {
    api: "diagnose",
    label: "protocol sctp",
    params: { from: "10.0.1.25", to: "10.0.2.26", protocol: "sctp", port: "22" },
    expect: bad("protocol"),
  },
  {
    api: "diagnose",
    label: "tcp without port",
    params: { from: "10.0.1.25", to: "10.0.2.26" },
    expect: bad("port"),
  },
  {
    api: "diagnose",
    label: "port 99999",
    params: { from: "10.0.1.25", to: "10.0.2.26", port: "99999" },
    expect: bad("port"),
  },
  {
    api: "diagnose",
    label: "port name",
    params: { from: "10.0.1.25", to: "10.0.2.26", port: "https" },
    expect: bad("port"),
  },
  {
    api: "diagnose",
    label: "icmp with port",
    params: { from: "10.0.1.25", to: "10.0.2.26", protocol: "icmp", port: "8" },
    expect: bad("port"),
  },
  {
    api: "diagnose",
    label: "icmpType 300",
    params: { from: "10.0.1.25", to: "10.0.2.26", protocol: "icmp", icmpType: "300" },
    expect: bad("icmpType"),
  },
  {
    api: "diagnose",
    label: "start not a time",
    params: { from: "10.0.1.25", to: "10.0.2.26", port: "22", start: "yesterday" },
    expect: bad("start"),
  },
  {
    api: "diagnose",
    label: "reversed window",
    params: { from: "10.0.1.25", to: "10.0.2.26", port: "22", start: String(NOW), end: String(NOW - HOUR) },
    expect: bad("start"),
  },
  {
    api: "diagnose",
    label: "window since 1970",
    params: { from: "10.0.1.25", to: "10.0.2.26", port: "22", start: "0000000000000", end: String(NOW) },
    expect: bad("start"),
  },
  {
    api: "diagnose",
    label: "window ten years",
    params: {
      from: "10.0.1.25",
      to: "10.0.2.26",
      port: "22",
      start: new Date(NOW - 3650 * 24 * HOUR).toISOString(),
    },
    expect: bad("start"),
  },
  {
    api: "diagnose",
    label: "window in the future",
    params: { from: "10.0.1.25", to: "10.0.2.26", port: "22", end: new Date(NOW + 48 * HOUR).toISOString() },
    expect: bad("end"),
  },
  {
    api: "diagnose",
    label: "source injection",
    params: { from: "' | display @message", to: "10.0.2.26", port: "22" },
    expect: bad("from"),
  },
  {
    api: "diagnose",
    label: "source bad CIDR",
    params: { from: "10.0.0.0/33", to: "10.0.2.26", port: "22" },
    expect: bad("from"),
  },
  {
    api: "diagnose",
    label: "source fullwidth name",
    params: { from: "ｐｒｏｄ-app-1", to: "10.0.2.26", port: "22" },
    expect: bad("from"),
  },
  {
    api: "diagnose",
    label: "destination unknown instance",
    params: { from: "10.0.1.25", to: "i-0000000000000000f", port: "22" },
    expect: bad("to"),
  },
  {
    api: "diagnose",
    label: "destination NUL",
    params: { from: "10.0.1.25", to: `10.0.2.26${NUL}`, port: "22" },
    expect: bad("to"),
  },
  {
    api: "diagnose",
    label: "source 10 KB",
    params: { from: big(10_000), to: "10.0.2.26", port: "22" },
    expect: bad("from"),
  },
  {
    api: "diagnose",
    label: "region unknown",
    params: { from: "10.0.1.25", to: "10.0.2.26", port: "22", region: "moon-1" },
    expect: bad("region"),
  },

  // ── overview ────────────────────────────────────────────────────────────
  { api: "overview", label: "region unknown", params: { region: "mars-east-1" }, expect: bad("region") },
  { api: "overview", label: "region NUL", params: { region: `us-east-1${NUL}` }, expect: bad("region") },
  { api: "overview", label: "region RTL", params: { region: `${RTL}us-east-1` }, expect: bad("region") },
  { api: "overview", label: "region traversal", params: { region: "../us-east-1" }, expect: bad("region") },
  { api: "overview", label: "region 100 KB", params: { region: big(100_000) }, expect: bad("region") },
  // ── flows group-by ───────────────────────────────────────────────────────
  { api: "groups", label: "no group", params: records, expect: bad("group") },
  { api: "groups", label: "unknown group", params: { ...records, group: "ports" }, expect: bad("group") },
  { api: "groups", label: "group empty", params: { ...records, group: "" }, expect: bad("group") },
  { api: "groups", label: "group RTL", params: { ...records, group: `${RTL}sources` }, expect: bad("group") },
  {
    api: "groups",
    label: "group with bad port range",
    params: { ...records, group: "sources", dstPort: "900-80" },
    expect: bad("dstPort"),
  },
  {
    api: "groups",
    label: "group with injection in expert",
    params: { ...records, group: "sources", q: "1 = 1 | stats count(*) by srcAddr" },
    expect: bad("q"),
  },
];
