/** A host outside the account that instances reach: a package mirror, an AWS service endpoint, … */
export interface ExternalService {
  ip: string;
  port: number;
  protocol: number;
  /** pkt-*-aws-service code when the address is in an AWS range (flow-log-records.md §3, v5). */
  service?: string;
}

/**
 * How much traffic of each kind the generators make. Rates are conversations per minute at the daily
 * peak, per target (a public interface, a client–server pair, …). A world may carry its own profile later.
 */
export interface TrafficProfile {
  /** Multiplier for human-driven traffic at an instant (UTC); 1 at the peak. */
  rhythm(epochSeconds: number): number;
  rates: {
    web: number;
    scan: number;
    ping: number;
    admin: number;
    peer: number;
    stray: number;
    egress: number;
    ntp: number;
    infra: number;
  };
  /** CIDR pools of internet hosts by role (RFC 5737 documentation ranges by default). */
  webClients: string[];
  scanners: string[];
  monitors: string[];
  scanPorts: number[];
  services: ExternalService[];
  ntpServers: string[];
  /** Chance that an interface's window is partly skipped (log-status SKIPDATA). */
  skipDataRate: number;
}

const HOUR = 3600;

/** Busiest at 15:00 UTC, quietest at 03:00, never below a third of the peak. */
export function dailyRhythm(epochSeconds: number): number {
  const hour = (epochSeconds % (24 * HOUR)) / HOUR;
  return 0.35 + 0.65 * (0.5 - 0.5 * Math.cos((2 * Math.PI * (hour - 3)) / 24));
}

export const DEFAULT_PROFILE: TrafficProfile = {
  rhythm: dailyRhythm,
  rates: {
    web: 4,
    scan: 0.6,
    ping: 0.2,
    admin: 0.05,
    peer: 1.5,
    stray: 0.03,
    egress: 0.4,
    ntp: 0.1,
    infra: 2,
  },
  webClients: ["192.0.2.0/25", "203.0.113.0/26"],
  scanners: ["198.51.100.128/25"],
  monitors: ["198.51.100.64/29"],
  scanPorts: [22, 22, 22, 3389, 3389, 23, 445, 5900, 1433, 6379],
  services: [
    { ip: "203.0.113.150", port: 443, protocol: 6 },
    { ip: "203.0.113.151", port: 80, protocol: 6 },
    { ip: "52.216.8.10", port: 443, protocol: 6, service: "S3" },
    { ip: "52.217.44.6", port: 443, protocol: 6, service: "S3" },
    { ip: "52.94.0.64", port: 443, protocol: 6, service: "DYNAMODB" },
  ],
  ntpServers: ["203.0.113.160", "203.0.113.161"],
  skipDataRate: 0.002,
};
