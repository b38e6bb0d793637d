/**
 * The demo world's spec at a scale: `scale` VPCs in all (at least the two of the demo), the ones beyond
 * prod and staging generated as healthy copies of a service VPC with about 200 interfaces each, most of
 * them Lambda interfaces that are idle most of the time. Every second one has a VPC-level flow log into
 * one shared log group, so coverage gaps show too.
 */
import { AZ_A, AZ_B, AZ_C, type DemoSpec, SCALE_PUBLIC_POOL, type SubnetSpec, type Tier } from "./demo-spec";
import { DELIVERY_ROLE_NAME, DEMO_FLOW_LOGS, DEMO_ROLES, DEMO_TRAFFIC } from "./demo-spec-logs";
import { PROD_ENDPOINTS, PROD_NACLS, PROD_ROUTE_TABLES, PROD_VPC } from "./demo-spec-prod";
import {
  PROD_CACHES,
  PROD_INSTANCES,
  PROD_LOAD_BALANCERS,
  PROD_SECURITY_GROUPS,
} from "./demo-spec-prod-hosts";
import {
  ANYWHERE,
  anywhere,
  fromGroup,
  OFFICE_PREFIX_LIST,
  office,
  S3_PREFIX_LIST,
  tcp,
} from "./demo-spec-rules";
import {
  STAGING_INSTANCES,
  STAGING_ROUTE_TABLES,
  STAGING_SECURITY_GROUPS,
  STAGING_VPC,
} from "./demo-spec-staging";

/** The largest scale: service VPC n uses 10.(n+1).0.0/16. */
export const MAX_SCALE = 250;
export const SCALE_LOG_GROUP = "/flowscope/scale/vpc-flow-logs";
/** Lambda interfaces per service VPC: with the 13 other interfaces, 204 per VPC. */
const FUNCTION_ENIS = 191;

/** The demo's two VPCs. */
export const DEMO_SPEC: DemoSpec = {
  vpcs: [PROD_VPC, STAGING_VPC],
  prefixLists: [OFFICE_PREFIX_LIST, S3_PREFIX_LIST],
  endpoints: PROD_ENDPOINTS,
  routeTables: [...PROD_ROUTE_TABLES, ...STAGING_ROUTE_TABLES],
  nacls: PROD_NACLS,
  securityGroups: [...PROD_SECURITY_GROUPS, ...STAGING_SECURITY_GROUPS],
  instances: [...PROD_INSTANCES, ...STAGING_INSTANCES],
  loadBalancers: PROD_LOAD_BALANCERS,
  caches: PROD_CACHES,
  functions: [],
  roles: DEMO_ROLES,
  flowLogs: DEMO_FLOW_LOGS,
  traffic: DEMO_TRAFFIC,
};

export function demoSpec(scale = 1): DemoSpec {
  if (!Number.isInteger(scale) || scale < 1 || scale > MAX_SCALE)
    throw new Error(`scale must be an integer from 1 to ${MAX_SCALE}, got ${scale}`);
  const spec: DemoSpec = structuredClone(DEMO_SPEC);
  for (let n = 1; n <= scale - 2; n++) addServiceVpc(spec, n);
  return spec;
}

function addServiceVpc(spec: DemoSpec, n: number): void {
  const k = `svc-${String(n).padStart(3, "0")}`;
  const net = `10.${n + 1}`;
  const azs = [AZ_A, AZ_B, AZ_C];
  const subnet = (tier: Tier, i: number, third: number): SubnetSpec => ({
    key: `${k}-${tier}-${"abc"[i]}`,
    tier,
    az: azs[i] ?? AZ_A,
    cidr: `${net}.${third + i}.0/24`,
  });
  const tiers = (tier: Tier, third: number) => azs.map((_, i) => subnet(tier, i, third));
  const [pub, app, db] = [tiers("public", 0), tiers("app", 16), tiers("db", 32)];
  const keys = (subnets: SubnetSpec[]) => subnets.map((s) => s.key);
  spec.vpcs.push({
    key: k,
    cidr: `${net}.0.0/16`,
    subnets: [...pub, ...app, ...db],
    natSubnets: keys(pub),
    publicPool: SCALE_PUBLIC_POOL,
  });
  spec.routeTables.push(
    { key: `${k}-public-rt`, vpc: k, subnets: keys(pub), routes: [{ cidr: ANYWHERE, igw: true }] },
    ...app.map((s, i) => ({
      key: `${s.key}-rt`,
      vpc: k,
      subnets: [s.key],
      routes: [{ cidr: ANYWHERE, nat: pub[i]?.key ?? "" }],
    })),
    { key: `${k}-db-rt`, vpc: k, subnets: keys(db), routes: [] },
  );
  const sg = (name: string) => `${k}-${name}-sg`;
  spec.securityGroups.push(
    { key: sg("alb"), vpc: k, description: "Load balancer", ingress: [tcp(443, ...anywhere("HTTPS"))] },
    { key: sg("bastion"), vpc: k, description: "Bastion", ingress: [tcp(22, office("SSH"))] },
    {
      key: sg("app"),
      vpc: k,
      description: "App tier",
      ingress: [tcp(8080, fromGroup(sg("alb"), "From the ALB")), tcp(22, fromGroup(sg("bastion"), "SSH"))],
    },
    { key: sg("lambda"), vpc: k, description: "Lambda functions", ingress: [] },
    {
      key: sg("db"),
      vpc: k,
      description: "PostgreSQL",
      ingress: [tcp(5432, fromGroup(sg("app"), "App tier"), fromGroup(sg("lambda"), "Functions"))],
    },
    {
      key: sg("cache"),
      vpc: k,
      description: "Redis",
      ingress: [tcp(6379, fromGroup(sg("app"), "App tier"))],
    },
  );
  const instance = (
    key: string,
    s: SubnetSpec | undefined,
    role: "bastion" | "app" | "db",
    group: string,
  ) => ({
    key,
    subnet: s?.key ?? "",
    role,
    instanceType: role === "db" ? "r6i.large" : "m6i.large",
    groups: [sg(group)],
    publicIp: role === "bastion",
  });
  spec.instances.push(
    instance(`${k}-bastion`, pub[0], "bastion", "bastion"),
    ...app.map((s, i) => instance(`${k}-app-${i + 1}`, s, "app", "app")),
    ...db.slice(0, 2).map((s, i) => instance(`${k}-db-${i + 1}`, s, "db", "db")),
  );
  spec.loadBalancers.push({ key: `${k}-alb`, subnets: keys(pub), groups: [sg("alb")] });
  spec.caches.push({ key: `${k}-cache`, subnets: keys(db).slice(0, 1), groups: [sg("cache")] });
  spec.functions.push({
    key: `${k}-worker`,
    subnets: keys(app),
    groups: [sg("lambda")],
    count: FUNCTION_ENIS,
  });
  if (n % 2 === 1)
    spec.flowLogs.push({
      key: `${k}-vpc-all`,
      resource: { vpc: k },
      trafficType: "ALL",
      logGroupName: SCALE_LOG_GROUP,
      fields: DEMO_FLOW_LOGS[0]?.fields ?? [],
      maxAggregationInterval: 600,
      role: DELIVERY_ROLE_NAME,
    });
}
