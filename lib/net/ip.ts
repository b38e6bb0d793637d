import ipaddr from "ipaddr.js";

export type Family = "ipv4" | "ipv6";
export type Cidr = { family: Family; address: ipaddr.IPv4 | ipaddr.IPv6; prefix: number; text: string };

/**
 * Parses are memoized: rule evaluation (and the emulator's traffic simulator) checks the same few
 * addresses and blocks against each other millions of times. Bounded, so odd inputs cannot grow it.
 */
const MEMO_LIMIT = 50_000;
function memo<T>(cache: Map<string, T>, key: string, make: (key: string) => T): T {
  const known = cache.get(key);
  if (known !== undefined || cache.has(key)) return known as T;
  if (cache.size >= MEMO_LIMIT) cache.clear();
  const value = make(key);
  cache.set(key, value);
  return value;
}

const ips = new Map<string, ipaddr.IPv4 | ipaddr.IPv6 | undefined>();
const cidrs = new Map<string, Cidr | undefined>();

/**
 * A single IPv4 or IPv6 address in AWS's text form, or undefined. IPv4-mapped IPv6 stays IPv6.
 * The result is shared between callers: do not mutate it.
 */
export function parseIp(text: string): ipaddr.IPv4 | ipaddr.IPv6 | undefined {
  return memo(ips, text, (raw) => {
    const t = raw.trim();
    if (!ipaddr.isValid(t)) return undefined;
    if (ipaddr.IPv4.isValid(t) && !ipaddr.IPv4.isValidFourPartDecimal(t)) return undefined; // no "10.1" shorthands
    return ipaddr.parse(t);
  });
}

export function isIpv4(text: string): boolean {
  return parseIp(text)?.kind() === "ipv4";
}

export function isIpv6(text: string): boolean {
  return parseIp(text)?.kind() === "ipv6";
}

/** A CIDR block ("10.0.0.0/16", "2001:db8::/32"); a bare address is its /32 or /128. Shared: do not mutate. */
export function parseCidr(text: string): Cidr | undefined {
  return memo(cidrs, text, parseCidrText);
}

function parseCidrText(text: string): Cidr | undefined {
  const t = text.trim();
  const slash = t.indexOf("/");
  const ip = parseIp(slash < 0 ? t : t.slice(0, slash));
  if (!ip) return undefined;
  const max = ip.kind() === "ipv4" ? 32 : 128;
  const prefixText = slash < 0 ? String(max) : t.slice(slash + 1);
  if (!/^\d{1,3}$/.test(prefixText)) return undefined;
  const prefix = Number(prefixText);
  if (prefix > max) return undefined;
  return { family: ip.kind(), address: ip, prefix, text: `${networkOf(ip, prefix)}/${prefix}` };
}

function networkOf(ip: ipaddr.IPv4 | ipaddr.IPv6, prefix: number): string {
  return ip.kind() === "ipv4"
    ? ipaddr.IPv4.networkAddressFromCIDR(`${ip.toString()}/${prefix}`).toString()
    : ipaddr.IPv6.networkAddressFromCIDR(`${ip.toString()}/${prefix}`).toString();
}

/** True when the address lies inside the block; families never match each other (as in SG and NACL rules). */
export function ipInCidr(ipText: string, cidr: Cidr | string): boolean {
  const block = typeof cidr === "string" ? parseCidr(cidr) : cidr;
  const ip = parseIp(ipText);
  if (!block || !ip || ip.kind() !== block.family) return false;
  return ip.kind() === "ipv4"
    ? (ip as ipaddr.IPv4).match(block.address as ipaddr.IPv4, block.prefix)
    : (ip as ipaddr.IPv6).match(block.address as ipaddr.IPv6, block.prefix);
}

/** True for RFC 1918, shared (100.64/10), link-local, loopback and IPv6 unique-local/link-local space. */
export function isPrivateIp(text: string): boolean {
  const ip = parseIp(text);
  if (!ip) return false;
  return ["private", "carrierGradeNat", "linkLocal", "loopback", "uniqueLocal"].includes(ip.range());
}
