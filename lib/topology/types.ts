/**
 * The subset of EC2's Describe* shapes (AWS CLI JSON member names) that the topology model reads.
 * Every member is optional, as in AWS's own model: parsers must handle any missing key.
 */
export type Tag = { Key?: string; Value?: string };

export type Vpc = {
  VpcId?: string;
  CidrBlock?: string;
  CidrBlockAssociationSet?: { CidrBlock?: string; CidrBlockState?: { State?: string } }[];
  Ipv6CidrBlockAssociationSet?: { Ipv6CidrBlock?: string; Ipv6CidrBlockState?: { State?: string } }[];
  State?: string;
  IsDefault?: boolean;
  OwnerId?: string;
  Tags?: Tag[];
};

export type Subnet = {
  SubnetId?: string;
  VpcId?: string;
  CidrBlock?: string;
  Ipv6CidrBlockAssociationSet?: { Ipv6CidrBlock?: string }[];
  AvailabilityZone?: string;
  AvailabilityZoneId?: string;
  MapPublicIpOnLaunch?: boolean;
  State?: string;
  Tags?: Tag[];
};

export type NetworkInterface = {
  NetworkInterfaceId?: string;
  SubnetId?: string;
  VpcId?: string;
  AvailabilityZone?: string;
  InterfaceType?: string;
  Description?: string;
  Status?: string;
  RequesterManaged?: boolean;
  SourceDestCheck?: boolean;
  PrivateIpAddress?: string;
  PrivateIpAddresses?: {
    PrivateIpAddress?: string;
    Primary?: boolean;
    Association?: { PublicIp?: string };
  }[];
  Ipv6Addresses?: { Ipv6Address?: string }[];
  Association?: { PublicIp?: string; IpOwnerId?: string };
  Attachment?: { InstanceId?: string; Status?: string; DeviceIndex?: number };
  Groups?: { GroupId?: string; GroupName?: string }[];
  TagSet?: Tag[];
};

export type Instance = {
  InstanceId?: string;
  InstanceType?: string;
  State?: { Name?: string; Code?: number };
  SubnetId?: string;
  VpcId?: string;
  PrivateIpAddress?: string;
  PublicIpAddress?: string;
  Tags?: Tag[];
};

export type Reservation = { Instances?: Instance[] };

export type FlowLog = {
  FlowLogId?: string;
  ResourceId?: string;
  TrafficType?: string;
  LogDestinationType?: string;
  LogDestination?: string;
  LogGroupName?: string;
  LogFormat?: string;
  MaxAggregationInterval?: number;
  FlowLogStatus?: string;
  DeliverLogsStatus?: string;
  DeliverLogsErrorMessage?: string;
  DeliverLogsPermissionArn?: string;
  CreationTime?: Date | string;
  Tags?: Tag[];
};

/** What the topology loader fetched for one account and region. */
export type RawTopology = {
  Vpcs: Vpc[];
  Subnets: Subnet[];
  NetworkInterfaces: NetworkInterface[];
  Reservations: Reservation[];
  FlowLogs: FlowLog[];
};

export type IpPermission = {
  IpProtocol?: string;
  FromPort?: number;
  ToPort?: number;
  IpRanges?: { CidrIp?: string; Description?: string }[];
  Ipv6Ranges?: { CidrIpv6?: string; Description?: string }[];
  UserIdGroupPairs?: { GroupId?: string; UserId?: string; Description?: string }[];
  PrefixListIds?: { PrefixListId?: string; Description?: string }[];
};

export type SecurityGroup = {
  GroupId?: string;
  GroupName?: string;
  Description?: string;
  VpcId?: string;
  IpPermissions?: IpPermission[];
  IpPermissionsEgress?: IpPermission[];
  Tags?: Tag[];
};

export type NetworkAclEntry = {
  RuleNumber?: number;
  Egress?: boolean;
  RuleAction?: string;
  Protocol?: string;
  CidrBlock?: string;
  Ipv6CidrBlock?: string;
  PortRange?: { From?: number; To?: number };
  IcmpTypeCode?: { Type?: number; Code?: number };
};

export type NetworkAcl = {
  NetworkAclId?: string;
  VpcId?: string;
  IsDefault?: boolean;
  Entries?: NetworkAclEntry[];
  Associations?: { NetworkAclAssociationId?: string; NetworkAclId?: string; SubnetId?: string }[];
  Tags?: Tag[];
};

export type Route = {
  DestinationCidrBlock?: string;
  DestinationIpv6CidrBlock?: string;
  DestinationPrefixListId?: string;
  GatewayId?: string;
  NatGatewayId?: string;
  TransitGatewayId?: string;
  VpcPeeringConnectionId?: string;
  NetworkInterfaceId?: string;
  InstanceId?: string;
  EgressOnlyInternetGatewayId?: string;
  LocalGatewayId?: string;
  CarrierGatewayId?: string;
  CoreNetworkArn?: string;
  Origin?: string;
  State?: string;
};

export type RouteTable = {
  RouteTableId?: string;
  VpcId?: string;
  Routes?: Route[];
  Associations?: { Main?: boolean; SubnetId?: string; GatewayId?: string; RouteTableId?: string }[];
  Tags?: Tag[];
};

export type ManagedPrefixList = {
  PrefixListId?: string;
  PrefixListName?: string;
  AddressFamily?: string;
  Entries?: { Cidr?: string; Description?: string }[];
};
