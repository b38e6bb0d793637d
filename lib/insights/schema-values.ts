import { z } from "zod";
import { parseCidr } from "../net/ip";
import { portRange } from "./port-range";

// Kept zod-free in ./port-range so client code (the flows search params) can use it without zod.
export { portRange };

/** AWS resource ids: the prefix, then 8 (older resources) or 17 lower-case hex digits. */
export const awsId = (prefix: string) =>
  z.string().regex(new RegExp(`^${prefix}-(?:[0-9a-f]{8}|[0-9a-f]{17})$`), {
    error: `expected an id like ${prefix}-0123456789abcdef0`,
  });

/** An IPv4/IPv6 address or CIDR block, exactly as typed: no spaces, zone ids or shorthands. */
export const address = z
  .string()
  .max(49, { error: "expected an IP address or CIDR block" })
  .regex(/^[0-9A-Fa-f:.]+(?:\/\d{1,3})?$/, { error: "expected an IP address or CIDR block" })
  .refine((value) => parseCidr(value) !== undefined, { error: "expected an IP address or CIDR block" });

export const port = z
  .int({ error: "expected a whole port number" })
  .min(0, { error: "ports are 0–65535" })
  .max(65535, { error: "ports are 0–65535" });

/** One port, a list of ports, or a range written "from-to" (from ≤ to). */
export const portSpec = z.union(
  [
    port,
    z
      .array(port)
      .min(1, { error: "a port list needs at least one port" })
      .max(50, { error: "at most 50 ports" }),
    z.string().refine((text) => portRange(text) !== undefined, {
      error: 'expected a port or a range "from-to" with 0 ≤ from ≤ to ≤ 65535',
    }),
  ],
  { error: 'expected a port, a list of ports, or a range "from-to"' },
);
export type PortSpec = z.infer<typeof portSpec>;

export const protocolNumber = z
  .int({ error: "expected a protocol number" })
  .min(0, { error: "protocol numbers are 0–255" })
  .max(255, { error: "protocol numbers are 0–255" });

/** Service codes from ip-ranges.json (S3, EC2_INSTANCE_CONNECT, …); the list is open-ended. */
export const awsService = z
  .string()
  .regex(/^[A-Z][A-Z0-9_]{0,63}$/, { error: "expected an AWS service code such as S3 or DYNAMODB" });

/** A list of 1..max distinct-or-not items, with the size named in the message. */
export const nonEmpty = <T extends z.ZodType>(item: T, max: number, what: string) =>
  z
    .array(item)
    .min(1, { error: `expected at least one ${what}` })
    .max(max, { error: `at most ${max} ${what}s` });
