import { topBy } from "./case";
import type { FlowRecord } from "./flow-generator";
import { groupBy, num, type Row, row, sum, type Value } from "./oracle";

export const NAMES =
  "version, vpc_id, subnet_id, instance_id, interface_id, account_id, type, srcaddr, dstaddr, srcport, dstport, pkt_srcaddr, pkt_dstaddr, protocol, bytes, packets, start, end, action, tcp_flags, log_status, flow_direction, traffic_path";
export const PARSE = `parse @message "${Array(23).fill("*").join(" ")}" as ${NAMES}`;

/** What `parse` yields for a custom-format record: every field as text, `-` included. */
export function p(r: FlowRecord): Record<string, string> {
  const values = r.message.split(" ");
  return Object.fromEntries(NAMES.split(", ").map((name, i) => [name, values[i] ?? ""]));
}
export const v = (r: FlowRecord, name: string): Value => p(r)[name] ?? null;
export const key = (i: number) => ({ get: (g: { key: Value[] }) => g.key[i] ?? null, text: true });

/** min/max over parsed text: numbers when there are any, else text order. */
export function extreme(values: Value[], max: boolean): Value {
  const numbers = values.map(num).filter((x): x is number => x !== null);
  if (numbers.length > 0) return max ? Math.max(...numbers) : Math.min(...numbers);
  const texts = values.filter((x): x is string => typeof x === "string").sort();
  return (max ? texts.at(-1) : texts[0]) ?? null;
}

export const sumBy = (rs: FlowRecord[], keys: string[], name: string, field: string, limit: number): Row[] =>
  topBy(
    groupBy(rs, (r) => keys.map((k) => v(r, k))),
    (g) => sum(g.items.map((r) => v(r, field))),
    limit,
    true,
  ).map(({ group, value }) =>
    row(...keys.map((k, i): [string, Value] => [k, group.key[i] ?? null]), [name, value]),
  );
