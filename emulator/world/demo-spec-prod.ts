/**
 * The production VPC's network: three AZs of public, app and database subnets, a NAT gateway per AZ,
 * an S3 gateway endpoint, and the network ACLs. Two planted faults live here (README "Demo tour"):
 * prod-app-c-rt has no route to a NAT gateway, and prod-reports-nacl has no outbound ephemeral rule.
 */
import {
  AZ_A,
  AZ_B,
  AZ_C,
  type GatewayEndpointSpec,
  type NaclSpec,
  type RouteTableSpec,
  type VpcSpec,
} from "./demo-spec";
import { ANYWHERE, naclRule as rule } from "./demo-spec-rules";

export const PROD_VPC: VpcSpec = {
  key: "prod",
  cidr: "10.0.0.0/16",
  subnets: [
    { key: "prod-public-a", tier: "public", az: AZ_A, cidr: "10.0.0.0/24" },
    { key: "prod-public-b", tier: "public", az: AZ_B, cidr: "10.0.1.0/24" },
    { key: "prod-public-c", tier: "public", az: AZ_C, cidr: "10.0.2.0/24" },
    { key: "prod-app-a", tier: "app", az: AZ_A, cidr: "10.0.16.0/24" },
    { key: "prod-app-b", tier: "app", az: AZ_B, cidr: "10.0.17.0/24" },
    { key: "prod-app-c", tier: "app", az: AZ_C, cidr: "10.0.18.0/24" },
    { key: "prod-db-a", tier: "db", az: AZ_A, cidr: "10.0.32.0/24" },
    { key: "prod-db-b", tier: "db", az: AZ_B, cidr: "10.0.33.0/24" },
    { key: "prod-db-c", tier: "db", az: AZ_C, cidr: "10.0.34.0/24" },
  ],
  natSubnets: ["prod-public-a", "prod-public-b", "prod-public-c"],
};

const PUBLIC = "10.0.0.0/22";
const APP = "10.0.16.0/22";
const DB = "10.0.32.0/22";

export const PROD_ENDPOINTS: GatewayEndpointSpec[] = [{ key: "prod-s3", vpc: "prod", prefixList: "s3" }];

const s3 = { prefixList: "s3", endpoint: "prod-s3" } as const;

export const PROD_ROUTE_TABLES: RouteTableSpec[] = [
  {
    key: "prod-public-rt",
    vpc: "prod",
    subnets: ["prod-public-a", "prod-public-b", "prod-public-c"],
    routes: [{ cidr: ANYWHERE, igw: true }],
  },
  {
    key: "prod-app-a-rt",
    vpc: "prod",
    subnets: ["prod-app-a"],
    routes: [{ cidr: ANYWHERE, nat: "prod-public-a" }, s3],
  },
  {
    key: "prod-app-b-rt",
    vpc: "prod",
    subnets: ["prod-app-b"],
    routes: [{ cidr: ANYWHERE, nat: "prod-public-b" }, s3],
  },
  // Fault (c): recreated for AZ c and only the local route was kept.
  { key: "prod-app-c-rt", vpc: "prod", subnets: ["prod-app-c"], routes: [] },
  { key: "prod-db-rt", vpc: "prod", subnets: ["prod-db-a", "prod-db-b", "prod-db-c"], routes: [s3] },
];

/** Databases take PostgreSQL and Redis from the app tier, SSH from the public tier (the bastion). */
const dbInbound = [
  rule(100, "in", "allow", "6", APP, [5432, 5432]),
  rule(110, "in", "allow", "6", APP, [6379, 6379]),
  rule(120, "in", "allow", "6", DB, [5432, 5432]),
  rule(130, "in", "allow", "6", PUBLIC, [22, 22]),
  rule(140, "in", "allow", "6", ANYWHERE, [1024, 65535]),
];

export const PROD_NACLS: NaclSpec[] = [
  {
    key: "prod-app-nacl",
    vpc: "prod",
    subnets: ["prod-app-a", "prod-app-b", "prod-app-c"],
    entries: [
      rule(100, "in", "allow", "6", PUBLIC, [8080, 8081]),
      rule(110, "in", "allow", "6", PUBLIC, [22, 22]),
      rule(120, "in", "allow", "6", ANYWHERE, [1024, 65535]),
      rule(130, "in", "allow", "17", ANYWHERE, [1024, 65535]),
      rule(100, "out", "allow", "6", ANYWHERE, [443, 443]),
      rule(110, "out", "allow", "6", ANYWHERE, [80, 80]),
      rule(120, "out", "allow", "6", DB, [5432, 5432]),
      rule(130, "out", "allow", "6", DB, [6379, 6379]),
      rule(140, "out", "allow", "6", ANYWHERE, [1024, 65535]),
      rule(150, "out", "allow", "17", ANYWHERE, [123, 123]),
    ],
  },
  {
    key: "prod-db-nacl",
    vpc: "prod",
    subnets: ["prod-db-a", "prod-db-b"],
    entries: [
      ...dbInbound,
      rule(100, "out", "allow", "6", DB, [5432, 5432]),
      rule(110, "out", "allow", "6", ANYWHERE, [443, 443]),
      rule(120, "out", "allow", "6", "10.0.0.0/16", [1024, 65535]),
    ],
  },
  {
    // Fault (b): written for the reporting replica from the inbound side only; replies have no rule.
    key: "prod-reports-nacl",
    vpc: "prod",
    subnets: ["prod-db-c"],
    entries: [
      ...dbInbound,
      rule(100, "out", "allow", "6", DB, [5432, 5432]),
      rule(110, "out", "allow", "6", ANYWHERE, [443, 443]),
    ],
  },
];
