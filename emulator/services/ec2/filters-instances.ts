import type { FilterTable } from "./filter-match";
import { withPrefix } from "./filters-network";

// DescribeInstances filters match one instance at a time. The instance is seen with its reservation
// under `$reservation`, for the reservation-level names (reservation-id, owner-id, requester-id).

const addressAssociation = {
  "allocation-id": "AllocationId",
  "association-id": "AssociationId",
  "carrier-ip": "CarrierIp",
  "customer-owned-ip": "CustomerOwnedIp",
  "ip-owner-id": "IpOwnerId",
  "public-dns-name": "PublicDnsName",
  "public-ip": "PublicIp",
};

const networkInterface: Record<string, string> = {
  ...withPrefix("addresses.association.", "PrivateIpAddresses.Association.", addressAssociation),
  "addresses.primary": "PrivateIpAddresses.Primary",
  "addresses.private-dns-name": "PrivateIpAddresses.PrivateDnsName",
  "addresses.private-ip-address": "PrivateIpAddresses.PrivateIpAddress",
  ...withPrefix("association.", "Association.", addressAssociation),
  ...withPrefix("attachment.", "Attachment.", {
    "attach-time": "AttachTime",
    "attachment-id": "AttachmentId",
    "delete-on-termination": "DeleteOnTermination",
    "device-index": "DeviceIndex",
    "network-card-index": "NetworkCardIndex",
    status: "Status",
  }),
  description: "Description",
  "group-id": "Groups.GroupId",
  "group-name": "Groups.GroupName",
  "ipv4-prefixes.ipv4-prefix": "Ipv4Prefixes.Ipv4Prefix",
  "ipv6-address": "Ipv6Addresses.Ipv6Address",
  "ipv6-addresses.ipv6-address": "Ipv6Addresses.Ipv6Address",
  "ipv6-addresses.is-primary-ipv6": "Ipv6Addresses.IsPrimaryIpv6",
  "ipv6-prefixes.ipv6-prefix": "Ipv6Prefixes.Ipv6Prefix",
  "mac-address": "MacAddress",
  "network-interface-id": "NetworkInterfaceId",
  "operator.managed": "Operator.Managed",
  "operator.principal": "Operator.Principal",
  "owner-id": "OwnerId",
  "private-dns-name": "PrivateDnsName",
  "private-ip-address": "PrivateIpAddress",
  "public-dns-name": "Association.PublicDnsName",
  status: "Status",
  "source-dest-check": "SourceDestCheck",
  "subnet-id": "SubnetId",
  "vpc-id": "VpcId",
  // Documented, though the instance's view of an interface does not carry these members.
  "deny-all-igw-traffic": "DenyAllIgwTraffic",
  "ipv6-native": "Ipv6Native",
  "outpost-arn": "OutpostArn",
  "requester-id": "RequesterId",
  "requester-managed": "RequesterManaged",
  "tag-key": "TagSet.Key",
  "tag-value": "TagSet.Value",
};

const record = (v: unknown): Record<string, unknown> =>
  typeof v === "object" && v !== null ? (v as Record<string, unknown>) : {};

export const instanceFilters: FilterTable = {
  affinity: "Placement.Affinity",
  architecture: "Architecture",
  "availability-zone": "Placement.AvailabilityZone",
  "availability-zone-id": "Placement.AvailabilityZoneId",
  ...withPrefix("block-device-mapping.", "BlockDeviceMappings.", {
    "attach-time": "Ebs.AttachTime",
    "delete-on-termination": "Ebs.DeleteOnTermination",
    "device-name": "DeviceName",
    status: "Ebs.Status",
    "volume-id": "Ebs.VolumeId",
  }),
  "boot-mode": "BootMode",
  "capacity-reservation-id": "CapacityReservationId",
  ...withPrefix("capacity-reservation-specification.", "CapacityReservationSpecification.", {
    "capacity-reservation-preference": "CapacityReservationPreference",
    "capacity-reservation-target.capacity-reservation-id": "CapacityReservationTarget.CapacityReservationId",
    "capacity-reservation-target.capacity-reservation-resource-group-arn":
      "CapacityReservationTarget.CapacityReservationResourceGroupArn",
  }),
  "client-token": "ClientToken",
  "current-instance-boot-mode": "CurrentInstanceBootMode",
  "dns-name": "PublicDnsName",
  "ebs-optimized": "EbsOptimized",
  "ena-support": "EnaSupport",
  "enclave-options.enabled": "EnclaveOptions.Enabled",
  "hibernation-options.configured": "HibernationOptions.Configured",
  "host-id": "Placement.HostId",
  hypervisor: "Hypervisor",
  "iam-instance-profile.arn": "IamInstanceProfile.Arn",
  "iam-instance-profile.id": "IamInstanceProfile.Id",
  "image-id": "ImageId",
  "instance-id": "InstanceId",
  "instance-lifecycle": "InstanceLifecycle",
  // The high byte of the state code is internal to AWS; the filter sees the low byte.
  "instance-state-code": (i) => {
    const code = record(i.State).Code;
    return typeof code === "number" ? code & 0xff : undefined;
  },
  "instance-state-name": "State.Name",
  "instance-type": "InstanceType",
  "instance.group-id": "SecurityGroups.GroupId",
  "instance.group-name": "SecurityGroups.GroupName",
  "ip-address": "PublicIpAddress",
  "ipv6-address": (i) => [i.Ipv6Address, ...pluckIpv6(i)],
  "kernel-id": "KernelId",
  "key-name": "KeyName",
  "launch-index": "AmiLaunchIndex",
  "launch-time": "LaunchTime",
  "maintenance-options.auto-recovery": "MaintenanceOptions.AutoRecovery",
  ...withPrefix("metadata-options.", "MetadataOptions.", {
    "http-endpoint": "HttpEndpoint",
    "http-protocol-ipv4": "HttpProtocolIpv4",
    "http-protocol-ipv6": "HttpProtocolIpv6",
    "http-put-response-hop-limit": "HttpPutResponseHopLimit",
    "http-tokens": "HttpTokens",
    "instance-metadata-tags": "InstanceMetadataTags",
    state: "State",
  }),
  "monitoring-state": "Monitoring.State",
  ...withPrefix("network-interface.", "NetworkInterfaces.", networkInterface),
  "network-interface.attachment.instance-id": (i) =>
    Array.isArray(i.NetworkInterfaces) && i.NetworkInterfaces.length > 0 ? i.InstanceId : undefined,
  "network-interface.attachment.instance-owner-id": (i) =>
    Array.isArray(i.NetworkInterfaces) && i.NetworkInterfaces.length > 0
      ? record(i.$reservation).OwnerId
      : undefined,
  "network-interface.availability-zone": "Placement.AvailabilityZone",
  "network-performance-options.bandwidth-weighting": "NetworkPerformanceOptions.BandwidthWeighting",
  "operator.managed": "Operator.Managed",
  "operator.principal": "Operator.Principal",
  "outpost-arn": "OutpostArn",
  "owner-id": "$reservation.OwnerId",
  "placement-group-name": "Placement.GroupName",
  "placement-partition-number": "Placement.PartitionNumber",
  platform: "Platform",
  "platform-details": "PlatformDetails",
  "private-dns-name": "PrivateDnsName",
  ...withPrefix("private-dns-name-options.", "PrivateDnsNameOptions.", {
    "enable-resource-name-dns-a-record": "EnableResourceNameDnsARecord",
    "enable-resource-name-dns-aaaa-record": "EnableResourceNameDnsAAAARecord",
    "hostname-type": "HostnameType",
  }),
  "private-ip-address": "PrivateIpAddress",
  "product-code": "ProductCodes.ProductCodeId",
  "product-code.type": "ProductCodes.ProductCodeType",
  "ramdisk-id": "RamdiskId",
  reason: "StateTransitionReason",
  "requester-id": "$reservation.RequesterId",
  "reservation-id": "$reservation.ReservationId",
  "root-device-name": "RootDeviceName",
  "root-device-type": "RootDeviceType",
  "source-dest-check": "SourceDestCheck",
  "spot-instance-request-id": "SpotInstanceRequestId",
  "state-reason-code": "StateReason.Code",
  "state-reason-message": "StateReason.Message",
  "subnet-id": "SubnetId",
  tenancy: "Placement.Tenancy",
  "tpm-support": "TpmSupport",
  "usage-operation": "UsageOperation",
  "usage-operation-update-time": "UsageOperationUpdateTime",
  "virtualization-type": "VirtualizationType",
  "vpc-id": "VpcId",
};

function pluckIpv6(i: Record<string, unknown>): unknown[] {
  const enis = Array.isArray(i.NetworkInterfaces) ? i.NetworkInterfaces : [];
  return enis.flatMap((eni) => {
    const addresses = record(eni).Ipv6Addresses;
    return Array.isArray(addresses) ? addresses.map((a) => record(a).Ipv6Address) : [];
  });
}
