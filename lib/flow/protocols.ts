/** IANA protocol numbers that flow logs, security groups and network ACLs use. */
export const PROTOCOL_NUMBERS: Readonly<Record<string, number>> = {
  icmp: 1,
  igmp: 2,
  tcp: 6,
  udp: 17,
  gre: 47,
  esp: 50,
  ah: 51,
  icmpv6: 58,
  sctp: 132,
};

const NAMES = new Map(Object.entries(PROTOCOL_NUMBERS).map(([name, n]) => [n, name]));

/** "tcp", "TCP", "6" → 6; "-1" → -1 (all); anything else → undefined. */
export function protocolNumber(value: string | number): number | undefined {
  if (typeof value === "number")
    return Number.isInteger(value) && value >= -1 && value <= 255 ? value : undefined;
  const t = value.trim().toLowerCase();
  if (t in PROTOCOL_NUMBERS) return PROTOCOL_NUMBERS[t];
  if (!/^-?\d{1,3}$/.test(t)) return undefined;
  return protocolNumber(Number(t));
}

/** 6 → "TCP", 250 → "250". */
export function protocolName(n: number): string {
  if (n === -1) return "all";
  return NAMES.get(n)?.toUpperCase() ?? String(n);
}
