/**
 * What the demo world contains, as data. The builders turn this into AWS shapes; a richer world adds
 * rows here (and scenarios in demo-events.ts) rather than code.
 */

export interface AzSpec {
  name: string;
  id: string;
}

export const AZ_A: AzSpec = { name: "us-east-1a", id: "use1-az1" };
export const AZ_B: AzSpec = { name: "us-east-1b", id: "use1-az2" };

export type Tier = "public" | "private";

export interface SubnetSpec {
  /** Also the subnet's Name tag. */
  key: string;
  tier: Tier;
  az: AzSpec;
  cidr: string;
}

export interface VpcSpec {
  /** Also the VPC's Name tag and its Environment tag. */
  key: string;
  cidr: string;
  subnets: SubnetSpec[];
  /** Public subnets that hold a NAT gateway; the VPC's private subnets route 0.0.0.0/0 to the first. */
  natSubnets: string[];
}

export const DEMO_VPCS: VpcSpec[] = [
  {
    key: "prod",
    cidr: "10.0.0.0/16",
    subnets: [
      { key: "prod-public-a", tier: "public", az: AZ_A, cidr: "10.0.0.0/24" },
      { key: "prod-public-b", tier: "public", az: AZ_B, cidr: "10.0.1.0/24" },
      { key: "prod-private-a", tier: "private", az: AZ_A, cidr: "10.0.10.0/24" },
      { key: "prod-private-b", tier: "private", az: AZ_B, cidr: "10.0.11.0/24" },
    ],
    natSubnets: ["prod-public-a"],
  },
  {
    key: "staging",
    cidr: "10.1.0.0/16",
    subnets: [
      { key: "staging-public-a", tier: "public", az: AZ_A, cidr: "10.1.0.0/24" },
      { key: "staging-public-b", tier: "public", az: AZ_B, cidr: "10.1.1.0/24" },
      { key: "staging-private-a", tier: "private", az: AZ_A, cidr: "10.1.10.0/24" },
      { key: "staging-private-b", tier: "private", az: AZ_B, cidr: "10.1.11.0/24" },
    ],
    natSubnets: [],
  },
];

/** RFC 5737 documentation ranges, split by who uses them so that the roles never overlap. */
export const ADDRESS_POOLS = {
  /** Public IPv4 addresses AWS assigns to the demo's instances and Elastic IPs. */
  awsPublic: "203.0.113.0/25",
  /** Internet hosts the private instances reach through the NAT gateway (APIs, package mirrors). */
  externalServices: "203.0.113.128/25",
  /** Legitimate internet users of the web tier. */
  webClients: "192.0.2.0/25",
  /** Internet scanners probing for SSH, RDP, telnet, VNC. */
  scanners: "198.51.100.128/25",
} as const;

export interface PrefixListSpec {
  key: string;
  name: string;
  maxEntries: number;
  entries: { Cidr: string; Description: string }[];
}

export const OFFICE_PREFIX_LIST: PrefixListSpec = {
  key: "office-cidrs",
  name: "office-cidrs",
  maxEntries: 10,
  entries: [
    { Cidr: "198.51.100.0/28", Description: "HQ office" },
    { Cidr: "192.0.2.240/28", Description: "Branch office" },
  ],
};

export type SourceSpec =
  | { cidr: string; description?: string }
  | { cidrV6: string; description?: string }
  | { group: string; description?: string }
  | { prefixList: string; description?: string };

export interface RuleSpec {
  protocol: "tcp" | "udp" | "icmp" | "-1";
  from?: number;
  to?: number;
  sources: SourceSpec[];
}

export interface SecurityGroupSpec {
  /** Also the GroupName and the Name tag. */
  key: string;
  vpc: string;
  description: string;
  ingress: RuleSpec[];
}

const tcp = (port: number, ...sources: SourceSpec[]): RuleSpec => ({
  protocol: "tcp",
  from: port,
  to: port,
  sources,
});
const anywhere = (description: string): SourceSpec[] => [
  { cidr: "0.0.0.0/0", description },
  { cidrV6: "::/0", description },
];

/** Custom security groups; every VPC also gets its "default" group (see demo-security.ts). */
export const DEMO_SECURITY_GROUPS: SecurityGroupSpec[] = [
  {
    key: "web-sg",
    vpc: "prod",
    description: "Web tier: HTTP and HTTPS from the internet",
    ingress: [
      tcp(443, ...anywhere("HTTPS from anywhere")),
      tcp(80, ...anywhere("HTTP from anywhere (redirects to HTTPS)")),
      tcp(22, { group: "bastion-sg", description: "SSH from the bastion" }),
    ],
  },
  {
    key: "bastion-sg",
    vpc: "prod",
    description: "Bastion host: SSH from the offices",
    ingress: [tcp(22, { prefixList: "office-cidrs", description: "SSH from office networks" })],
  },
  {
    key: "app-sg",
    vpc: "prod",
    description: "App tier: 8080 from the web tier, SSH from the bastion",
    ingress: [
      tcp(8080, { group: "web-sg", description: "App traffic from the web tier" }),
      tcp(22, { group: "bastion-sg", description: "SSH from the bastion" }),
    ],
  },
  {
    key: "db-sg",
    vpc: "prod",
    description: "Database: PostgreSQL from the app tier",
    ingress: [tcp(5432, { group: "app-sg", description: "PostgreSQL from the app tier" })],
  },
  {
    key: "staging-web-sg",
    vpc: "staging",
    description: "Staging web: HTTPS from anywhere, SSH from the offices",
    ingress: [
      tcp(443, ...anywhere("HTTPS from anywhere")),
      tcp(22, { prefixList: "office-cidrs", description: "SSH from office networks" }),
    ],
  },
  {
    key: "staging-app-sg",
    vpc: "staging",
    description: "Staging app: 8080 from staging web",
    ingress: [tcp(8080, { group: "staging-web-sg", description: "App traffic from staging web" })],
  },
];

export type InstanceRole = "bastion" | "web" | "app" | "db";

export interface InstanceSpec {
  /** Also the Name tag. */
  key: string;
  subnet: string;
  role: InstanceRole;
  instanceType: "t3.micro" | "t3.small" | "t3.medium" | "m6i.large" | "r6i.large";
  groups: string[];
  publicIp: boolean;
}

const instance = (
  key: string,
  subnet: string,
  role: InstanceRole,
  instanceType: InstanceSpec["instanceType"],
  group: string,
  publicIp: boolean,
): InstanceSpec => ({ key, subnet, role, instanceType, groups: [group], publicIp });

export const DEMO_INSTANCES: InstanceSpec[] = [
  instance("prod-bastion", "prod-public-a", "bastion", "t3.micro", "bastion-sg", true),
  instance("prod-web-1", "prod-public-a", "web", "t3.small", "web-sg", true),
  instance("prod-web-2", "prod-public-b", "web", "t3.small", "web-sg", true),
  instance("prod-app-1", "prod-private-a", "app", "m6i.large", "app-sg", false),
  instance("prod-app-2", "prod-private-b", "app", "m6i.large", "app-sg", false),
  instance("prod-db-1", "prod-private-a", "db", "r6i.large", "db-sg", false),
  instance("staging-web-1", "staging-public-a", "web", "t3.micro", "staging-web-sg", true),
  instance("staging-app-1", "staging-private-a", "app", "t3.micro", "staging-app-sg", false),
];
