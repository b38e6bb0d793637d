/** The staging VPC: two AZs, a public web instance and a private app instance, no NAT gateway. */
import type { InstanceSpec, RouteTableSpec, SecurityGroupSpec, VpcSpec } from "./demo-spec";
import { AZ_A, AZ_B } from "./demo-spec";
import { ANYWHERE, anywhere, fromGroup, office, tcp } from "./demo-spec-rules";

export const STAGING_VPC: VpcSpec = {
  key: "staging",
  cidr: "10.1.0.0/16",
  subnets: [
    { key: "staging-public-a", tier: "public", az: AZ_A, cidr: "10.1.0.0/24" },
    { key: "staging-public-b", tier: "public", az: AZ_B, cidr: "10.1.1.0/24" },
    { key: "staging-private-a", tier: "app", az: AZ_A, cidr: "10.1.10.0/24" },
    { key: "staging-private-b", tier: "app", az: AZ_B, cidr: "10.1.11.0/24" },
  ],
  natSubnets: [],
};

/** The private subnets have no table of their own and use the main one (local route only). */
export const STAGING_ROUTE_TABLES: RouteTableSpec[] = [
  {
    key: "staging-public-rt",
    vpc: "staging",
    subnets: ["staging-public-a", "staging-public-b"],
    routes: [{ cidr: ANYWHERE, igw: true }],
  },
];

export const STAGING_SECURITY_GROUPS: SecurityGroupSpec[] = [
  {
    key: "staging-web-sg",
    vpc: "staging",
    description: "Staging web: HTTPS from anywhere, SSH from the offices",
    ingress: [tcp(443, ...anywhere("HTTPS from anywhere")), tcp(22, office("SSH from office networks"))],
  },
  {
    key: "staging-app-sg",
    vpc: "staging",
    description: "Staging app: 8080 from staging web",
    ingress: [tcp(8080, fromGroup("staging-web-sg", "App traffic from staging web"))],
  },
];

export const STAGING_INSTANCES: InstanceSpec[] = [
  {
    key: "staging-web-1",
    subnet: "staging-public-a",
    role: "web",
    instanceType: "t3.micro",
    groups: ["staging-web-sg"],
    publicIp: true,
  },
  {
    key: "staging-app-1",
    subnet: "staging-private-a",
    role: "app",
    instanceType: "t3.micro",
    groups: ["staging-app-sg"],
    publicIp: false,
  },
];
