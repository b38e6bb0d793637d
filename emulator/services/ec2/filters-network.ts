import type { FilterTable } from "./filter-match";

// Filter names as the EC2 API reference documents them for each Describe call; values are paths in the
// AWS CLI member names. `tag:<key>` and `tag-key` are handled for every resource by filter-match.

/** Prefixes every filter name and value path, for families such as `ip-permission.*`. */
export const withPrefix = (
  name: string,
  path: string,
  table: Record<string, string>,
): Record<string, string> =>
  Object.fromEntries(Object.entries(table).map(([k, v]) => [`${name}${k}`, `${path}${v}`]));

const ipv6Associations = withPrefix("ipv6-cidr-block-association.", "Ipv6CidrBlockAssociationSet.", {
  "ipv6-cidr-block": "Ipv6CidrBlock",
  "association-id": "AssociationId",
  state: "Ipv6CidrBlockState.State",
});

export const vpcFilters: FilterTable = {
  cidr: "CidrBlock",
  "cidr-block-association.cidr-block": "CidrBlockAssociationSet.CidrBlock",
  "cidr-block-association.association-id": "CidrBlockAssociationSet.AssociationId",
  "cidr-block-association.state": "CidrBlockAssociationSet.CidrBlockState.State",
  "dhcp-options-id": "DhcpOptionsId",
  ...ipv6Associations,
  "ipv6-cidr-block-association.ipv6-pool": "Ipv6CidrBlockAssociationSet.Ipv6Pool",
  "is-default": "IsDefault",
  "owner-id": "OwnerId",
  state: "State",
  "vpc-id": "VpcId",
};

export const subnetFilters: FilterTable = {
  "availability-zone": "AvailabilityZone",
  availabilityZone: "AvailabilityZone", // older documented alias
  "availability-zone-id": "AvailabilityZoneId",
  "available-ip-address-count": "AvailableIpAddressCount",
  "cidr-block": "CidrBlock",
  cidr: "CidrBlock", // older documented aliases of cidr-block
  cidrBlock: "CidrBlock",
  "customer-owned-ipv4-pool": "CustomerOwnedIpv4Pool",
  "default-for-az": "DefaultForAz",
  defaultForAz: "DefaultForAz",
  "enable-dns64": "EnableDns64",
  "enable-lni-at-device-index": "EnableLniAtDeviceIndex",
  ...ipv6Associations,
  "ipv6-native": "Ipv6Native",
  "map-customer-owned-ip-on-launch": "MapCustomerOwnedIpOnLaunch",
  "map-public-ip-on-launch": "MapPublicIpOnLaunch",
  "outpost-arn": "OutpostArn",
  "owner-id": "OwnerId",
  ...withPrefix("private-dns-name-options-on-launch.", "PrivateDnsNameOptionsOnLaunch.", {
    "hostname-type": "HostnameType",
    "enable-resource-name-dns-a-record": "EnableResourceNameDnsARecord",
    "enable-resource-name-dns-aaaa-record": "EnableResourceNameDnsAAAARecord",
  }),
  state: "State",
  "subnet-arn": "SubnetArn",
  "subnet-id": "SubnetId",
  "vpc-id": "VpcId",
};

export const networkInterfaceFilters: FilterTable = {
  ...withPrefix("association.", "Association.", {
    "allocation-id": "AllocationId",
    "association-id": "AssociationId",
    "ip-owner-id": "IpOwnerId",
    "public-ip": "PublicIp",
    "public-dns-name": "PublicDnsName",
  }),
  "addresses.association.owner-id": "PrivateIpAddresses.Association.IpOwnerId",
  "addresses.association.public-ip": "PrivateIpAddresses.Association.PublicIp",
  "addresses.primary": "PrivateIpAddresses.Primary",
  "addresses.private-ip-address": "PrivateIpAddresses.PrivateIpAddress",
  ...withPrefix("attachment.", "Attachment.", {
    "attach-time": "AttachTime",
    "attachment-id": "AttachmentId",
    "delete-on-termination": "DeleteOnTermination",
    "device-index": "DeviceIndex",
    "instance-id": "InstanceId",
    "instance-owner-id": "InstanceOwnerId",
    status: "Status",
  }),
  "availability-zone": "AvailabilityZone",
  "availability-zone-id": "AvailabilityZoneId",
  description: "Description",
  "group-id": "Groups.GroupId",
  "ipv6-addresses.ipv6-address": "Ipv6Addresses.Ipv6Address",
  "interface-type": "InterfaceType",
  "mac-address": "MacAddress",
  "network-interface-id": "NetworkInterfaceId",
  "operator.managed": "Operator.Managed",
  "operator.principal": "Operator.Principal",
  "owner-id": "OwnerId",
  "private-dns-name": "PrivateDnsName",
  "private-ip-address": "PrivateIpAddresses.PrivateIpAddress",
  "requester-id": "RequesterId",
  "requester-managed": "RequesterManaged",
  "source-dest-check": "SourceDestCheck",
  status: "Status",
  "subnet-id": "SubnetId",
  "vpc-id": "VpcId",
};

const permissionFilters = {
  cidr: "IpRanges.CidrIp",
  "from-port": "FromPort",
  "group-id": "UserIdGroupPairs.GroupId",
  "group-name": "UserIdGroupPairs.GroupName",
  "ipv6-cidr": "Ipv6Ranges.CidrIpv6",
  "prefix-list-id": "PrefixListIds.PrefixListId",
  protocol: "IpProtocol",
  "to-port": "ToPort",
  "user-id": "UserIdGroupPairs.UserId",
};

export const securityGroupFilters: FilterTable = {
  description: "Description",
  ...withPrefix("egress.ip-permission.", "IpPermissionsEgress.", permissionFilters),
  "group-id": "GroupId",
  "group-name": "GroupName",
  ...withPrefix("ip-permission.", "IpPermissions.", permissionFilters),
  "owner-id": "OwnerId",
  "vpc-id": "VpcId",
};

export const networkAclFilters: FilterTable = {
  "association.association-id": "Associations.NetworkAclAssociationId",
  "association.network-acl-id": "Associations.NetworkAclId",
  "association.subnet-id": "Associations.SubnetId",
  default: "IsDefault",
  ...withPrefix("entry.", "Entries.", {
    cidr: "CidrBlock",
    "icmp.code": "IcmpTypeCode.Code",
    "icmp.type": "IcmpTypeCode.Type",
    "ipv6-cidr": "Ipv6CidrBlock",
    "port-range.from": "PortRange.From",
    "port-range.to": "PortRange.To",
    protocol: "Protocol",
    "rule-action": "RuleAction",
    egress: "Egress",
    "rule-number": "RuleNumber",
  }),
  "network-acl-id": "NetworkAclId",
  "owner-id": "OwnerId",
  "vpc-id": "VpcId",
};

export const routeTableFilters: FilterTable = {
  ...withPrefix("association.", "Associations.", {
    "gateway-id": "GatewayId",
    "route-table-association-id": "RouteTableAssociationId",
    "route-table-id": "RouteTableId",
    "subnet-id": "SubnetId",
    main: "Main",
  }),
  "owner-id": "OwnerId",
  "route-table-id": "RouteTableId",
  ...withPrefix("route.", "Routes.", {
    "destination-cidr-block": "DestinationCidrBlock",
    "destination-ipv6-cidr-block": "DestinationIpv6CidrBlock",
    "destination-prefix-list-id": "DestinationPrefixListId",
    "egress-only-internet-gateway-id": "EgressOnlyInternetGatewayId",
    "gateway-id": "GatewayId",
    "instance-id": "InstanceId",
    "nat-gateway-id": "NatGatewayId",
    "transit-gateway-id": "TransitGatewayId",
    origin: "Origin",
    state: "State",
    "vpc-peering-connection-id": "VpcPeeringConnectionId",
  }),
  "vpc-id": "VpcId",
};
