/**
 * What runs in the production VPC and the security groups around it: an internet-facing ALB in front
 * of three app instances, a bastion, a PostgreSQL primary and replica, a reporting replica, a Redis
 * cluster, a stopped batch worker and a forgotten legacy web server. Planted faults: app-sg has no rule
 * for the ALB's health checks on 8081 (a); prod-batch-1 is stopped (d); prod-web-legacy sits in a
 * public subnet without a public IP (e).
 */
import type { CacheSpec, InstanceSpec, LoadBalancerSpec, SecurityGroupSpec } from "./demo-spec";
import { ANYWHERE, anywhere, fromGroup, office, tcp, udp } from "./demo-spec-rules";

export const PROD_SECURITY_GROUPS: SecurityGroupSpec[] = [
  {
    key: "alb-sg",
    vpc: "prod",
    description: "prod-alb: HTTP and HTTPS from the internet",
    ingress: [
      tcp(443, ...anywhere("HTTPS from anywhere")),
      tcp(80, ...anywhere("HTTP, redirected to HTTPS")),
    ],
  },
  {
    key: "bastion-sg",
    vpc: "prod",
    description: "Bastion host: SSH from the offices",
    ingress: [tcp(22, office("SSH from office networks"))],
  },
  {
    key: "app-sg",
    vpc: "prod",
    description: "App tier: 8080 from the load balancer, SSH from the bastion",
    // Fault (a): the target group's health checks use 8081, which no rule here admits.
    ingress: [
      tcp(8080, fromGroup("alb-sg", "Requests forwarded by prod-alb")),
      tcp(22, fromGroup("bastion-sg", "SSH from the bastion")),
    ],
    egress: [
      tcp(443, { cidr: ANYWHERE, description: "HTTPS out through the NAT gateways" }),
      tcp(80, { cidr: ANYWHERE, description: "Package mirrors" }),
      tcp(443, { prefixList: "s3", description: "S3 through the gateway endpoint" }),
      tcp(5432, fromGroup("db-sg", "PostgreSQL")),
      tcp(6379, fromGroup("cache-sg", "Redis")),
      udp(123, { cidr: ANYWHERE, description: "NTP" }),
    ],
  },
  {
    key: "batch-sg",
    vpc: "prod",
    description: "Batch workers: SSH from the bastion",
    ingress: [tcp(22, fromGroup("bastion-sg", "SSH from the bastion"))],
  },
  {
    key: "db-sg",
    vpc: "prod",
    description: "PostgreSQL: from the app tier and between replicas",
    ingress: [
      tcp(5432, fromGroup("app-sg", "PostgreSQL from the app tier")),
      tcp(5432, fromGroup("db-sg", "Replication")),
      tcp(22, fromGroup("bastion-sg", "SSH from the bastion")),
    ],
  },
  {
    key: "cache-sg",
    vpc: "prod",
    description: "Redis: from the app tier",
    ingress: [tcp(6379, fromGroup("app-sg", "Redis from the app tier"))],
  },
  {
    key: "legacy-web-sg",
    vpc: "prod",
    description: "Old marketing site: HTTPS from anywhere",
    ingress: [
      tcp(443, ...anywhere("HTTPS from anywhere")),
      tcp(22, fromGroup("bastion-sg", "SSH from the bastion")),
    ],
  },
];

const host = (
  key: string,
  subnet: string,
  role: InstanceSpec["role"],
  instanceType: string,
  group: string,
  extra: Partial<InstanceSpec> = {},
): InstanceSpec => ({ key, subnet, role, instanceType, groups: [group], publicIp: false, ...extra });

export const PROD_INSTANCES: InstanceSpec[] = [
  host("prod-bastion", "prod-public-a", "bastion", "t3.micro", "bastion-sg", { publicIp: true }),
  host("prod-app-1", "prod-app-a", "app", "m6i.large", "app-sg"),
  host("prod-app-2", "prod-app-b", "app", "m6i.large", "app-sg"),
  host("prod-app-3", "prod-app-c", "app", "m6i.large", "app-sg"),
  host("prod-batch-1", "prod-app-b", "batch", "c6i.xlarge", "batch-sg", { state: "stopped" }),
  host("prod-db-1", "prod-db-a", "db", "r6i.large", "db-sg"),
  host("prod-db-2", "prod-db-b", "db", "r6i.large", "db-sg"),
  host("prod-reports-db", "prod-db-c", "db", "r6i.large", "db-sg"),
  host("prod-web-legacy", "prod-public-c", "web", "t3.small", "legacy-web-sg"),
];

export const PROD_LOAD_BALANCERS: LoadBalancerSpec[] = [
  { key: "prod-alb", subnets: ["prod-public-a", "prod-public-b", "prod-public-c"], groups: ["alb-sg"] },
];

export const PROD_CACHES: CacheSpec[] = [
  { key: "prod-cache", subnets: ["prod-db-a", "prod-db-b"], groups: ["cache-sg"] },
];
