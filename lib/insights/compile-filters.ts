import { parseCidr } from "../net/ip";
import { FlowQueryError } from "./errors";
import { identifier, integerLiteral, listLiteral, stringLiteral } from "./escape";
import type { FlowFormat } from "./flow-format";
import { FILTER_FIELDS, type FilterName } from "./keys";
import type { FlowFilters, PortSpec } from "./schema";
import { portRange } from "./schema-values";

export interface FilterClauses {
  /** Boolean expressions to AND together; a clause with `or` comes parenthesised. */
  clauses: string[];
  /** Filters the format cannot express, as `filters.name: why`. */
  unsupported: string[];
}

const group = (parts: readonly string[]): string =>
  parts.length === 1 ? (parts[0] ?? "") : `(${parts.join(" or ")})`;

const equalsOrIn = (field: string, literals: readonly string[]): string =>
  literals.length === 1 ? `${field} = ${literals[0]}` : `${field} in ${listLiteral(literals)}`;

/** A single IPv4 address compares as text; IPv6 and blocks go through isIpInSubnet, which ignores spelling. */
export function addressClause(field: string, value: string, label: string): string {
  const block = parseCidr(value);
  if (!block) throw new FlowQueryError([`${label}: expected an IP address or CIDR block`]);
  if (block.family === "ipv4" && block.prefix === 32)
    return `${field} = ${stringLiteral(block.address.toString())}`;
  return `isIpInSubnet(${field}, ${stringLiteral(block.text)})`;
}

export function portClause(field: string, spec: PortSpec, label: string): string {
  if (typeof spec === "number") return `${field} = ${integerLiteral(spec)}`;
  if (Array.isArray(spec)) return equalsOrIn(field, [...new Set(spec)].map(integerLiteral));
  const range = portRange(spec);
  if (!range) throw new FlowQueryError([`${label}: expected a port or a range "from-to"`]);
  if (range.from === range.to) return `${field} = ${integerLiteral(range.from)}`;
  return `(${field} >= ${integerLiteral(range.from)} and ${field} <= ${integerLiteral(range.to)})`;
}

/** Any of the mask's bits. Insights has no bitwise operators, so each bit is floor(x / 2^b) % 2. */
export function flagsClause(field: string, mask: number): string {
  const bits: string[] = [];
  for (let bit = 0; bit < 8; bit++) {
    if ((mask >> bit) % 2 === 0) continue;
    bits.push(bit === 0 ? `${field} % 2 = 1` : `floor(${field} / ${integerLiteral(2 ** bit)}) % 2 = 1`);
  }
  if (bits.length === 0)
    throw new FlowQueryError([`filters.tcpFlags: expected a mask of 1–255, got ${mask}`]);
  return group(bits);
}

type ClauseBuilder<K extends FilterName> = (
  field: string,
  value: NonNullable<FlowFilters[K]>,
  label: string,
) => string;

const str = (field: string, value: string): string => `${field} = ${stringLiteral(value)}`;

/** One builder per filter, in the order clauses appear in the query. */
const BUILDERS: { [K in FilterName]: ClauseBuilder<K> } = {
  interfaceId: str,
  action: str,
  logStatus: (field, values) => equalsOrIn(field, [...new Set(values)].map(stringLiteral)),
  srcAddr: addressClause,
  dstAddr: addressClause,
  srcPort: portClause,
  dstPort: portClause,
  protocol: (field, values) => equalsOrIn(field, [...new Set(values)].map(integerLiteral)),
  tcpFlags: flagsClause,
  flowDirection: str,
  trafficPath: (field, values) => equalsOrIn(field, [...new Set(values)].map(integerLiteral)),
  pktSrcAddr: addressClause,
  pktDstAddr: addressClause,
  pktSrcAwsService: str,
  pktDstAwsService: str,
};

function build<K extends FilterName>(name: K, value: NonNullable<FlowFilters[K]>, field: string): string {
  return BUILDERS[name](identifier(field), value, `filters.${name}`);
}

/** The filters as clauses on the format's field names; what the format lacks is reported, not dropped. */
export function compileFilters(filters: FlowFilters, format: FlowFormat): FilterClauses {
  const clauses: string[] = [];
  const unsupported: string[] = [];
  for (const name of Object.keys(BUILDERS) as FilterName[]) {
    const value = filters[name];
    if (value === undefined) continue;
    const source = FILTER_FIELDS[name];
    const field = format.queryName(source);
    if (field === undefined) {
      unsupported.push(`filters.${name}: the flow log's format has no ${source} field`);
      continue;
    }
    clauses.push(build(name, value, field));
  }
  return { clauses, unsupported };
}
