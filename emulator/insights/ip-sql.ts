import { isIPv4, isIPv6 } from "node:net";
import { BOOLEAN, DuckDBScalarFunction, INTEGER, VARCHAR } from "@duckdb/node-api";
import ipaddr from "ipaddr.js";
import type { EventStore } from "../store/event-store";
import type { Expr } from "./ast";
import type { Env } from "./compile-expr";
import { MalformedQueryError } from "./errors";
import { asStr, type Col } from "./sql";

type Call = Extract<Expr, { kind: "call" }>;

/** Dotted-quad IPv4 without leading zeros, as node:net's isIPv4 accepts. */
const V4 =
  "'(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}'";

/** IPv4 as an integer, for text already known to match V4. */
const v4Int = (text: string): string =>
  [1, 2, 3, 4]
    .map((part, i) => `CAST(split_part(${text}, '.', ${part}) AS BIGINT) * ${256 ** (3 - i)}`)
    .join(" + ");

type Cidr = { family: 4 | 6; text: string; low?: bigint; high?: bigint };

function parseCidr(text: string): Cidr | undefined {
  const withBits = text.includes("/") ? text : `${text}/${isIPv6(text) ? 128 : 32}`;
  const [address = "", bits = ""] = withBits.split("/");
  if (!(isIPv4(address) || isIPv6(address)) || !/^\d+$/.test(bits)) return undefined;
  try {
    const [base, prefix] = ipaddr.parseCIDR(withBits);
    if (base.kind() === "ipv6") return { family: 6, text: withBits };
    const value = base.toByteArray().reduce((sum, byte) => sum * 256n + BigInt(byte), 0n);
    const size = 1n << BigInt(32 - prefix);
    const low = value - (value % size);
    return { family: 4, text: withBits, low, high: low + size - 1n };
  } catch {
    return undefined;
  }
}

/** IP functions: IPv4 in plain SQL; IPv6 (rarer in flow logs) through the scalar functions below. */
export function compileIpFunction(name: string, call: Call, args: Col[], env: Env): Col {
  const [address, range] = args;
  if (!address) throw new MalformedQueryError(`Unknown function "${call.name}"`, call.span);
  const text = asStr(address);
  const bool = (sql: string): Col => ({ sql: `COALESCE(${sql}, FALSE)`, kind: "bool" });
  const v6 = (test: string) => `CASE WHEN contains(${text}, ':') THEN ${test} ELSE FALSE END`;
  switch (name) {
    case "isValidIpV4":
      return bool(`regexp_full_match(${text}, ${V4})`);
    case "isValidIpV6":
      return bool(v6(`flowscope_is_ipv6(${text})`));
    case "isValidIp":
      return bool(
        `CASE WHEN contains(${text}, ':') THEN flowscope_is_ipv6(${text}) ELSE regexp_full_match(${text}, ${V4}) END`,
      );
  }
  const family = name === "isIpv4InSubnet" ? 4 : name === "isIpv6InSubnet" ? 6 : 0;
  const literal = call.args[1];
  if (!range || literal?.kind !== "string") {
    return bool(`flowscope_ip_in_subnet(${text}, ${range ? asStr(range) : "NULL"}, ${family})`);
  }
  const cidr = parseCidr(literal.value);
  if (!cidr) throw new MalformedQueryError(`"${literal.value}" is not a valid CIDR block`, literal.span);
  if (family !== 0 && family !== cidr.family) return { sql: "FALSE", kind: "bool" };
  if (cidr.family === 6) return bool(v6(`flowscope_ip_in_subnet(${text}, ${env.params.add(cidr.text)}, 6)`));
  const low = env.params.add(cidr.low ?? 0n);
  const high = env.params.add(cidr.high ?? 0n);
  return bool(
    `CASE WHEN regexp_full_match(${text}, ${V4}) THEN (${v4Int(text)}) BETWEEN ${low} AND ${high} ELSE FALSE END`,
  );
}

const cidrCache = new Map<string, [ipaddr.IPv4 | ipaddr.IPv6, number] | null>();

function inSubnet(address: string, range: string, family: number): boolean {
  const v4 = isIPv4(address);
  if (!(v4 || isIPv6(address)) || (family === 4 && !v4) || (family === 6 && v4)) return false;
  if (!cidrCache.has(range)) {
    const cidr = parseCidr(range);
    cidrCache.set(range, cidr ? ipaddr.parseCIDR(cidr.text) : null);
  }
  const parsed = cidrCache.get(range);
  if (!parsed) return false;
  const ip = ipaddr.parse(address);
  return ip.kind() === parsed[0].kind() && ip.match(parsed);
}

/** Registers flowscope_is_ipv6(text) and flowscope_ip_in_subnet(text, cidr, family 0|4|6) on the store's database. */
export function registerIpFunctions(store: EventStore): void {
  store.registerFunction("flowscope_is_ipv6", () =>
    DuckDBScalarFunction.create({
      name: "flowscope_is_ipv6",
      returnType: BOOLEAN,
      parameterTypes: [VARCHAR],
      mainFunction: (_info, input, output) => {
        const values = input.getColumnValues(0);
        for (let i = 0; i < input.rowCount; i++) {
          const value = values[i];
          output.setItem(i, typeof value === "string" ? isIPv6(value) : null);
        }
        output.flush();
      },
    }),
  );
  store.registerFunction("flowscope_ip_in_subnet", () =>
    DuckDBScalarFunction.create({
      name: "flowscope_ip_in_subnet",
      returnType: BOOLEAN,
      parameterTypes: [VARCHAR, VARCHAR, INTEGER],
      mainFunction: (_info, input, output) => {
        const [addresses, ranges, families] = [0, 1, 2].map((column) => input.getColumnValues(column));
        for (let i = 0; i < input.rowCount; i++) {
          const address = addresses?.[i];
          const range = ranges?.[i];
          const ok = typeof address === "string" && typeof range === "string";
          output.setItem(i, ok ? inSubnet(address, range, Number(families?.[i] ?? 0)) : null);
        }
        output.flush();
      },
    }),
  );
}
