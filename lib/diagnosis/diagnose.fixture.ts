import type { DiagnosisTopology } from "./verdict";

const allowAll = (egress: boolean) => ({
  RuleNumber: 100,
  Egress: egress,
  RuleAction: "allow",
  Protocol: "-1",
  CidrBlock: "0.0.0.0/0",
});

/**
 * One VPC (10.0.0.0/16) with an attached internet gateway: web (10.0.1.10, public 203.0.113.10) in
 * subnet-a serving TCP 443 and ping, app (10.0.2.20, private) in subnet-b. Every test edits a fresh copy.
 */
export function tinyWorld(): DiagnosisTopology {
  return {
    Vpcs: [{ VpcId: "vpc-1", CidrBlock: "10.0.0.0/16" }],
    Subnets: [
      { SubnetId: "subnet-a", VpcId: "vpc-1", CidrBlock: "10.0.1.0/24" },
      { SubnetId: "subnet-b", VpcId: "vpc-1", CidrBlock: "10.0.2.0/24" },
    ],
    InternetGateways: [{ InternetGatewayId: "igw-1", Attachments: [{ VpcId: "vpc-1", State: "available" }] }],
    NatGateways: [{ NatGatewayId: "nat-1", VpcId: "vpc-1", SubnetId: "subnet-a", State: "available" }],
    RouteTables: [
      {
        RouteTableId: "rtb-main",
        VpcId: "vpc-1",
        Associations: [{ Main: true }],
        Routes: [
          { DestinationCidrBlock: "10.0.0.0/16", GatewayId: "local", State: "active" },
          { DestinationCidrBlock: "0.0.0.0/0", GatewayId: "igw-1", State: "active" },
        ],
      },
    ],
    NetworkAcls: [
      {
        NetworkAclId: "acl-default",
        VpcId: "vpc-1",
        IsDefault: true,
        Entries: [allowAll(false), allowAll(true)],
      },
    ],
    SecurityGroups: [
      {
        GroupId: "sg-web",
        VpcId: "vpc-1",
        IpPermissions: [
          { IpProtocol: "tcp", FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: "0.0.0.0/0" }] },
          { IpProtocol: "icmp", FromPort: -1, ToPort: -1, IpRanges: [{ CidrIp: "0.0.0.0/0" }] },
        ],
        IpPermissionsEgress: [{ IpProtocol: "-1", IpRanges: [{ CidrIp: "0.0.0.0/0" }] }],
      },
      {
        GroupId: "sg-app",
        VpcId: "vpc-1",
        IpPermissions: [
          { IpProtocol: "tcp", FromPort: 8080, ToPort: 8080, UserIdGroupPairs: [{ GroupId: "sg-web" }] },
        ],
        IpPermissionsEgress: [{ IpProtocol: "-1", IpRanges: [{ CidrIp: "0.0.0.0/0" }] }],
      },
    ],
    NetworkInterfaces: [
      {
        NetworkInterfaceId: "eni-web",
        SubnetId: "subnet-a",
        VpcId: "vpc-1",
        PrivateIpAddress: "10.0.1.10",
        Association: { PublicIp: "203.0.113.10" },
        Attachment: { InstanceId: "i-web", DeviceIndex: 0, Status: "attached" },
        Groups: [{ GroupId: "sg-web" }],
        SourceDestCheck: true,
      },
      {
        NetworkInterfaceId: "eni-app",
        SubnetId: "subnet-b",
        VpcId: "vpc-1",
        PrivateIpAddress: "10.0.2.20",
        Attachment: { InstanceId: "i-app", DeviceIndex: 0, Status: "attached" },
        Groups: [{ GroupId: "sg-app" }],
      },
    ],
    Reservations: [
      {
        Instances: [
          { InstanceId: "i-web", State: { Name: "running" }, PublicIpAddress: "203.0.113.10" },
          { InstanceId: "i-app", State: { Name: "running" }, Tags: [{ Key: "Name", Value: "app" }] },
        ],
      },
    ],
  };
}
