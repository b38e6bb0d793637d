import { toLogFormat } from "../../lib/flow/format";
import type { World } from "../world/types";
import {
  acl,
  allOut,
  anywhere,
  attached,
  eni,
  flowLog,
  group,
  IGW_ATTACHED,
  instance,
  routes,
  subnet,
  tcp,
} from "./world-builders.fixture";

/** Epoch ms the tiny world's flow logs were created at (a whole hour, so windows align). */
export const TINY_CREATED = Date.parse("2026-03-02T09:00:00Z");

// biome-ignore format: a field list
export const ALL_FIELDS = [
  "version", "account-id", "interface-id", "srcaddr", "dstaddr", "srcport", "dstport", "protocol", "packets",
  "bytes", "start", "end", "action", "log-status", "vpc-id", "subnet-id", "instance-id", "tcp-flags", "type",
  "pkt-srcaddr", "pkt-dstaddr", "region", "az-id", "sublocation-type", "pkt-src-aws-service",
  "pkt-dst-aws-service", "flow-direction", "traffic-path", "ecs-task-id", "reject-reason", "instance-tag",
  "interface-type", "next-hop-interface-id",
];
// biome-ignore format: a field list
export const ACCEPT_FIELDS = ["interface-id", "srcaddr", "dstaddr", "dstport", "action", "log-status", "tcp-flags"];

/**
 * One VPC with planted faults: app-sg opens 9090 where web-sg's egress rule (and so the web tier)
 * expects 8080; the public subnet's NACL lets HTTPS and pings in but neither ephemeral ports nor ICMP
 * back out to the internet; subnet "iso" has no route out and subnet "bh" a blackhole one; one instance
 * is stopped and one interface detached.
 */
export function tinyWorld(): World {
  return {
    accountId: "111122223333",
    region: "us-east-1",
    ec2: {
      Vpcs: [{ VpcId: "vpc-1", CidrBlock: "10.20.0.0/16" }],
      Subnets: [
        subnet("subnet-pub", "10.20.0.0/24"),
        subnet("subnet-app", "10.20.1.0/24"),
        subnet("subnet-iso", "10.20.2.0/24"),
        subnet("subnet-bh", "10.20.3.0/24"),
      ],
      InternetGateways: [
        { InternetGatewayId: "igw-1", Attachments: [{ VpcId: "vpc-1", State: IGW_ATTACHED }] },
      ],
      NatGateways: [
        {
          NatGatewayId: "nat-1",
          SubnetId: "subnet-pub",
          VpcId: "vpc-1",
          State: "available",
          NatGatewayAddresses: [
            { NetworkInterfaceId: "eni-nat", PrivateIp: "10.20.0.10", PublicIp: "203.0.113.10" },
          ],
        },
      ],
      RouteTables: [
        routes("rtb-main", undefined, []),
        routes("rtb-pub", "subnet-pub", [
          { DestinationCidrBlock: "0.0.0.0/0", GatewayId: "igw-1", State: "active" },
        ]),
        routes("rtb-app", "subnet-app", [
          { DestinationCidrBlock: "0.0.0.0/0", NatGatewayId: "nat-1", State: "active" },
        ]),
        routes("rtb-bh", "subnet-bh", [
          { DestinationCidrBlock: "0.0.0.0/0", NatGatewayId: "nat-gone", State: "blackhole" },
        ]),
      ],
      NetworkAcls: [
        {
          NetworkAclId: "acl-pub",
          VpcId: "vpc-1",
          IsDefault: false,
          Associations: [{ SubnetId: "subnet-pub" }],
          Entries: [
            acl(100, false, "allow", "6", "0.0.0.0/0", [443, 443]),
            acl(110, false, "allow", "1", "0.0.0.0/0"),
            acl(120, false, "allow", "6", "0.0.0.0/0", [1024, 65535]),
            acl(130, false, "allow", "-1", "10.20.0.0/16"),
            acl(100, true, "allow", "6", "0.0.0.0/0", [80, 443]),
            acl(110, true, "allow", "-1", "10.20.0.0/16"),
          ],
        },
        {
          NetworkAclId: "acl-default",
          VpcId: "vpc-1",
          IsDefault: true,
          Entries: [acl(100, false, "allow", "-1", "0.0.0.0/0"), acl(100, true, "allow", "-1", "0.0.0.0/0")],
        },
      ],
      SecurityGroups: [
        {
          GroupId: "sg-web",
          VpcId: "vpc-1",
          IpPermissions: [
            tcp(443, { IpRanges: anywhere }),
            { IpProtocol: "icmp", FromPort: 8, ToPort: -1, IpRanges: anywhere },
          ],
          IpPermissionsEgress: [...allOut, tcp(8080, group("sg-app"))],
        },
        {
          GroupId: "sg-app",
          VpcId: "vpc-1",
          IpPermissions: [tcp(9090, group("sg-web"))],
          IpPermissionsEgress: allOut,
        },
        {
          GroupId: "sg-db",
          VpcId: "vpc-1",
          IpPermissions: [tcp(5432, group("sg-app"))],
          IpPermissionsEgress: allOut,
        },
      ],
      NetworkInterfaces: [
        eni("eni-web", "subnet-pub", "10.20.0.20", ["sg-web"], {
          ...attached("i-web"),
          Association: { PublicIp: "203.0.113.20" },
        }),
        eni("eni-nat", "subnet-pub", "10.20.0.10", [], {
          InterfaceType: "natGateway",
          RequesterManaged: true,
          Association: { PublicIp: "203.0.113.10" },
        }),
        eni("eni-app", "subnet-app", "10.20.1.30", ["sg-app"], attached("i-app")),
        eni("eni-db", "subnet-iso", "10.20.2.40", ["sg-db"], attached("i-db")),
        eni("eni-bh", "subnet-bh", "10.20.3.50", ["sg-app"], attached("i-bh")),
        eni("eni-off", "subnet-app", "10.20.1.60", ["sg-app"], attached("i-off")),
        eni("eni-free", "subnet-app", "10.20.1.70", ["sg-app"], { Status: "available" }),
      ],
      Reservations: [
        {
          Instances: [
            instance("i-web", "running"),
            instance("i-app", "running"),
            instance("i-db", "running"),
            instance("i-bh", "running"),
            instance("i-off", "stopped"),
          ],
        },
      ],
      FlowLogs: [
        flowLog("fl-all", "vpc-1", TINY_CREATED, {
          LogGroupName: "/tiny/all",
          TrafficType: "ALL",
          MaxAggregationInterval: 60,
          LogFormat: toLogFormat(ALL_FIELDS),
          TagFieldSpecifications: [{ ResourceType: "instance", TagKeys: ["Name"] }],
        }),
        flowLog("fl-rej", "subnet-pub", TINY_CREATED, {
          LogGroupName: "/tiny/rejects",
          TrafficType: "REJECT",
          MaxAggregationInterval: 600,
        }),
        flowLog("fl-acc", "eni-app", TINY_CREATED, {
          LogDestination: "arn:aws:logs:us-east-1:111122223333:log-group:/tiny/accepts:*",
          TrafficType: "ACCEPT",
          MaxAggregationInterval: 60,
          LogFormat: toLogFormat(ACCEPT_FIELDS),
        }),
        flowLog("fl-failed", "vpc-1", TINY_CREATED, {
          LogGroupName: "/tiny/failed",
          TrafficType: "ALL",
          DeliverLogsStatus: "FAILED",
        }),
        flowLog("fl-s3", "vpc-1", TINY_CREATED, {
          LogDestinationType: "s3",
          LogDestination: "arn:aws:s3:::bucket",
          TrafficType: "ALL",
        }),
      ],
    },
  };
}
