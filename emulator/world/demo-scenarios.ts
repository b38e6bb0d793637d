import { ADDRESS_POOLS, OFFICE_PREFIX_LIST } from "./demo-spec";

/** One side of a conversation: an ENI of the world (by key), or some host in an address pool. */
export type Peer = { iface: string } | { pool: string; label: string };

/**
 * `count` TCP conversations from `client` to `server:port` within the hour before now. `accepted`
 * states what the security groups and network ACLs decide for the request; the demo test checks it
 * against the rules. `via` names the NAT gateway ENI the traffic leaves through.
 */
export interface Scenario {
  client: Peer;
  server: Peer;
  port: number;
  accepted: boolean;
  count: number;
  via?: string;
}

const eni = (key: string): Peer => ({ iface: key });
const webClients: Peer = { pool: ADDRESS_POOLS.webClients, label: "web-clients" };
const scanners: Peer = { pool: ADDRESS_POOLS.scanners, label: "scanners" };
const services: Peer = { pool: ADDRESS_POOLS.externalServices, label: "external-services" };
const office: Peer = { pool: OFFICE_PREFIX_LIST.entries[0]?.Cidr ?? "", label: "office" };

const conversation = (
  client: Peer,
  server: Peer,
  port: number,
  accepted: boolean,
  count: number,
  via?: string,
): Scenario => ({ client, server, port, accepted, count, ...(via ? { via } : {}) });

export const DEMO_SCENARIOS: Scenario[] = [
  // The web tier serves the internet.
  conversation(webClients, eni("prod-web-1"), 443, true, 5),
  conversation(webClients, eni("prod-web-2"), 443, true, 5),
  conversation(webClients, eni("prod-web-1"), 80, true, 2),
  // Internet scanners: web-sg and bastion-sg stop them.
  conversation(scanners, eni("prod-web-1"), 22, false, 3),
  conversation(scanners, eni("prod-web-2"), 3389, false, 3),
  conversation(scanners, eni("prod-bastion"), 22, false, 4),
  conversation(scanners, eni("prod-bastion"), 3389, false, 2),
  // Admins: office → bastion → app is fine; bastion → db is not in db-sg.
  conversation(office, eni("prod-bastion"), 22, true, 2),
  conversation(eni("prod-bastion"), eni("prod-app-1"), 22, true, 1),
  conversation(eni("prod-bastion"), eni("prod-db-1"), 22, false, 2),
  // The tiers talk: web → app → db; web → db is blocked by db-sg and the private NACL.
  conversation(eni("prod-web-1"), eni("prod-app-1"), 8080, true, 4),
  conversation(eni("prod-web-2"), eni("prod-app-2"), 8080, true, 4),
  conversation(eni("prod-app-1"), eni("prod-db-1"), 5432, true, 3),
  conversation(eni("prod-app-2"), eni("prod-db-1"), 5432, true, 3),
  conversation(eni("prod-web-2"), eni("prod-db-1"), 5432, false, 2),
  // Egress: private apps through the NAT gateway, a web instance straight out of the IGW.
  conversation(eni("prod-app-1"), services, 443, true, 3, "prod-public-a-nat"),
  conversation(eni("prod-app-2"), services, 443, true, 2, "prod-public-a-nat"),
  conversation(eni("prod-web-1"), services, 443, true, 1),
  // staging: only its REJECTs on staging-public-a are logged.
  conversation(scanners, eni("staging-web-1"), 22, false, 5),
  conversation(scanners, eni("staging-web-1"), 3389, false, 4),
  conversation(scanners, eni("staging-web-1"), 23, false, 3),
  conversation(scanners, eni("staging-web-1"), 5900, false, 2),
  conversation(webClients, eni("staging-web-1"), 443, true, 3),
  conversation(office, eni("staging-web-1"), 22, true, 1),
  conversation(eni("staging-web-1"), eni("staging-app-1"), 8080, true, 2),
];
