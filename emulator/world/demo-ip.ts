import ipaddr from "ipaddr.js";
import type { DemoContext } from "./demo-context";
import type { Rng } from "./demo-random";

/** AWS reserves the first four addresses and the last one of every subnet. */
const RESERVED_LOW = 4;
const RESERVED_HIGH = 1;

export function cidrSize(cidr: string): number {
  const [, prefix] = ipaddr.IPv4.parseCIDR(cidr);
  return 2 ** (32 - prefix);
}

/** Addresses an AWS subnet of this CIDR offers before any ENI takes one (a /24 gives 251). */
export function usableAddressCount(cidr: string): number {
  return cidrSize(cidr) - RESERVED_LOW - RESERVED_HIGH;
}

/** The address `offset` places after the network address of `cidr`. */
export function addressAt(cidr: string, offset: number): string {
  if (offset < 0 || offset >= cidrSize(cidr)) throw new Error(`offset ${offset} is outside ${cidr}`);
  const bytes = ipaddr.IPv4.networkAddressFromCIDR(cidr).toByteArray();
  let carry = offset;
  for (let i = bytes.length - 1; i >= 0 && carry > 0; i--) {
    const sum = (bytes[i] ?? 0) + carry;
    bytes[i] = sum % 256;
    carry = Math.floor(sum / 256);
  }
  return ipaddr.fromByteArray(bytes).toString();
}

/** Any host address of `cidr` (network and broadcast excluded). */
export function randomHost(cidr: string, rng: Rng): string {
  return addressAt(cidr, rng.int(1, cidrSize(cidr) - 2));
}

export const privateDnsName = (ip: string): string => `ip-${ip.replaceAll(".", "-")}.ec2.internal`;
export const publicDnsName = (ip: string): string => `ec2-${ip.replaceAll(".", "-")}.compute-1.amazonaws.com`;

export interface AddressAllocator {
  /** A free address in a subnet, picked by the stream for `key` (AWS picks ENI addresses at random). */
  inSubnet(cidr: string, key: string): string;
  /** A free address in a pool of public addresses (network and broadcast excluded). */
  inPool(cidr: string, key: string): string;
  /** How many addresses have been handed out inside `cidr`. */
  countIn(cidr: string): number;
}

export function createAddressAllocator(ctx: DemoContext): AddressAllocator {
  const used = new Map<string, Set<number>>();
  const take = (cidr: string, key: string, low: number, high: number): string => {
    const taken = used.get(cidr) ?? new Set<number>();
    used.set(cidr, taken);
    const last = cidrSize(cidr) - 1 - high;
    if (taken.size > last - low) throw new Error(`no free address left in ${cidr}`);
    const rng = ctx.rng(`ip:${key}`);
    let offset = rng.int(low, last);
    while (taken.has(offset)) offset = offset === last ? low : offset + 1;
    taken.add(offset);
    return addressAt(cidr, offset);
  };
  return {
    inSubnet: (cidr, key) => take(cidr, key, RESERVED_LOW, RESERVED_HIGH),
    inPool: (cidr, key) => take(cidr, key, 1, 1),
    countIn: (cidr) => used.get(cidr)?.size ?? 0,
  };
}
