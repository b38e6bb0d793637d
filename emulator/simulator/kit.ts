import ipaddr from "ipaddr.js";
import { parseCidr } from "../../lib/net/ip";
import type { Rng } from "../world/demo-random";
import type { Conversation, Endpoint } from "./conversation";

/** Packets each way and bytes per packet, as [min, max] ranges. */
interface Shape {
  request: [number, number, number, number];
  reply: [number, number, number, number];
}

// biome-ignore format: a table
const SHAPES = {
  web:      { request: [6, 30, 80, 420],   reply: [8, 60, 600, 1400] },
  api:      { request: [4, 20, 100, 600],  reply: [4, 30, 200, 1200] },
  db:       { request: [4, 40, 80, 300],   reply: [4, 60, 120, 1200] },
  ssh:      { request: [20, 200, 60, 200], reply: [20, 240, 80, 400] },
  download: { request: [8, 40, 60, 200],   reply: [40, 900, 1200, 1460] },
  probe:    { request: [1, 1, 40, 60],     reply: [1, 1, 40, 60] },
  ping:     { request: [1, 4, 84, 84],     reply: [1, 4, 84, 84] },
  datagram: { request: [1, 2, 48, 90],     reply: [1, 2, 48, 90] },
} satisfies Record<string, Shape>;

export type ShapeName = keyof typeof SHAPES;

/** A Poisson-distributed count with mean `lambda` (Knuth; the means here are small). */
export function poisson(rng: Rng, lambda: number): number {
  if (lambda <= 0) return 0;
  const limit = Math.exp(-Math.min(lambda, 30));
  let k = 0;
  let p = rng.next();
  while (p > limit) {
    k++;
    p *= rng.next();
  }
  return k;
}

/** A client's source port: Linux's range for instances, any high port for internet hosts. */
export const ephemeralPort = (rng: Rng, linux = true): number =>
  linux ? rng.int(32768, 60999) : rng.int(1024, 65535);

/** A host address inside an IPv4 block, avoiding its network and broadcast addresses. */
export function hostIn(rng: Rng, cidr: string): string | undefined {
  const block = parseCidr(cidr);
  if (block?.family !== "ipv4") return undefined;
  const base = ipaddr.IPv4.networkAddressFromCIDR(block.text).toByteArray();
  const size = 2 ** (32 - block.prefix);
  const offset = size <= 2 ? 0 : rng.int(1, size - 2);
  return offsetIpv4(base, offset);
}

/** The IPv4 address `offset` after the one in `bytes` (wrapping at the end of the space). */
export function offsetIpv4(bytes: readonly number[], offset: number): string {
  const n = (bytes.reduce((acc, b) => acc * 256 + b, 0) + offset) % 2 ** 32;
  return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join(".");
}

/** The port class a conversation to `port` most resembles. */
export function shapeForPort(protocol: number, port: number): ShapeName {
  if (protocol === 1) return "ping";
  if (protocol === 17) return "datagram";
  if (port === 22 || port === 3389) return "ssh";
  if (port === 80 || port === 443 || port === 8080 || port === 8443) return "web";
  if ([5432, 3306, 1433, 1521, 6379, 11211, 27017, 9042, 9200].includes(port)) return "db";
  return "api";
}

export interface ConversationSpec {
  client: Endpoint;
  server: Endpoint;
  protocol: number;
  serverPort: number;
  clientPort?: number;
  shape?: ShapeName;
}

/** A conversation somewhere in the minute that starts at `slot`, short enough to end inside it. */
export function converse(rng: Rng, slot: number, spec: ConversationSpec): Conversation {
  const shape = SHAPES[spec.shape ?? shapeForPort(spec.protocol, spec.serverPort)];
  const [rqMin, rqMax, rqBMin, rqBMax] = shape.request;
  const [rpMin, rpMax, rpBMin, rpBMax] = shape.reply;
  const requestPackets = rng.int(rqMin, rqMax);
  const requestBytes = requestPackets * rng.int(rqBMin, rqBMax);
  const icmp = spec.protocol === 1;
  // An echo reply mirrors its request (flow-log-records.md §10.3: 4 packets, 336 bytes each way).
  const replyPackets = icmp ? requestPackets : rng.int(rpMin, rpMax);
  const replyBytes = icmp ? requestBytes : replyPackets * rng.int(rpBMin, rpBMax);
  const start = slot + rng.int(0, 50);
  return {
    client: spec.client,
    server: spec.server,
    protocol: spec.protocol,
    clientPort: icmp ? 0 : (spec.clientPort ?? ephemeralPort(rng)),
    serverPort: icmp ? 0 : spec.serverPort,
    requestPackets,
    requestBytes,
    replyPackets,
    replyBytes,
    start,
    end: start + rng.int(0, Math.min(8, slot + 59 - start)),
  };
}
