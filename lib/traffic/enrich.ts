import { ipInCidr, isPrivateIp, parseIp } from "@/lib/net/ip";
import { nameTag } from "@/lib/topology/tags";
import type { Instance, NetworkInterface, Subnet, Vpc } from "@/lib/topology/types";
import type { Enrichment } from "./contract";

/** The EC2 shapes enrichment reads (lib/aws/vpc-inventory loads them). */
export interface EnrichmentSource {
  vpcs: readonly Vpc[];
  subnets: readonly Subnet[];
  interfaces: readonly NetworkInterface[];
  instances: readonly Instance[];
}

export interface EnrichmentIndex {
  interface(id: string): Enrichment;
  /** `service`: the pkt-*-aws-service value of the record, where the format has it. */
  address(ip: string, service?: string): Enrichment;
}

const SERVICE_NAMES: Readonly<Record<string, string>> = {
  AMAZON: "Amazon (AWS network)",
  API_GATEWAY: "Amazon API Gateway",
  CLOUDFRONT: "Amazon CloudFront",
  DYNAMODB: "Amazon DynamoDB",
  EC2: "Amazon EC2",
  EC2_INSTANCE_CONNECT: "EC2 Instance Connect",
  GLOBALACCELERATOR: "AWS Global Accelerator",
  ROUTE53: "Amazon Route 53",
  ROUTE53_HEALTHCHECKS: "Route 53 health checks",
  ROUTE53_RESOLVER: "Route 53 Resolver",
  S3: "Amazon S3",
};

/** "S3" → "Amazon S3"; other codes as AWS spells them. */
export const awsServiceName = (code: string): string => SERVICE_NAMES[code] ?? code;

const short = (id: string): string => (id.length > 12 ? `${id.slice(0, 12)}…` : id);

function subnetLabel(subnet: Subnet | undefined, id: string | undefined): string | undefined {
  if (!id) return undefined;
  return nameTag(subnet?.Tags) ?? id;
}

function addressesOf(eni: NetworkInterface): string[] {
  const privates = (eni.PrivateIpAddresses ?? []).flatMap((p) => [
    ...(p.PrivateIpAddress ? [p.PrivateIpAddress] : []),
    ...(p.Association?.PublicIp ? [p.Association.PublicIp] : []),
  ]);
  return [
    ...(eni.PrivateIpAddress ? [eni.PrivateIpAddress] : []),
    ...(eni.Association?.PublicIp ? [eni.Association.PublicIp] : []),
    ...privates,
    ...(eni.Ipv6Addresses ?? []).flatMap((a) => (a.Ipv6Address ? [a.Ipv6Address] : [])),
  ];
}

/** Labels for interfaces and addresses: the instance's Name and type, the subnet, "internet", an AWS service. */
export function buildEnrichmentIndex(source: EnrichmentSource): EnrichmentIndex {
  const subnets = new Map(source.subnets.flatMap((s) => (s.SubnetId ? [[s.SubnetId, s] as const] : [])));
  const instances = new Map(
    source.instances.flatMap((i) => (i.InstanceId ? [[i.InstanceId, i] as const] : [])),
  );
  const enis = new Map(
    source.interfaces.flatMap((e) => (e.NetworkInterfaceId ? [[e.NetworkInterfaceId, e] as const] : [])),
  );
  const byAddress = new Map<string, NetworkInterface>();
  for (const eni of source.interfaces)
    for (const ip of addressesOf(eni)) byAddress.set(parseIp(ip)?.toString() ?? ip, eni);

  const interfaceEnrichment = (id: string): Enrichment => {
    const eni = enis.get(id);
    if (!eni) return { label: id, kind: "interface", resourceId: id };
    const where = subnetLabel(subnets.get(eni.SubnetId ?? ""), eni.SubnetId);
    const suffix = where ? ` in ${where}` : "";
    const instanceId = eni.Attachment?.InstanceId;
    const instance = instanceId ? instances.get(instanceId) : undefined;
    if (instanceId) {
      const name = nameTag(instance?.Tags) ?? nameTag(eni.TagSet);
      const details = [short(instanceId), instance?.InstanceType].filter(Boolean).join(", ");
      return {
        label: `${name ? `${name} (${details})` : details}${suffix}`,
        kind: "instance",
        resourceId: instanceId,
      };
    }
    const what = nameTag(eni.TagSet) ?? (eni.Description || eni.InterfaceType || "interface");
    return { label: `${what} (${short(id)})${suffix}`, kind: "interface", resourceId: id };
  };

  const address = (ip: string, service?: string): Enrichment => {
    if (service && service !== "-") return { label: awsServiceName(service), kind: "aws-service" };
    const eni = byAddress.get(parseIp(ip)?.toString() ?? ip);
    if (eni?.NetworkInterfaceId) return interfaceEnrichment(eni.NetworkInterfaceId);
    const subnet = source.subnets.find((s) =>
      [s.CidrBlock, ...(s.Ipv6CidrBlockAssociationSet ?? []).map((a) => a.Ipv6CidrBlock)].some(
        (cidr) => cidr !== undefined && ipInCidr(ip, cidr),
      ),
    );
    if (subnet?.SubnetId)
      return {
        label: subnetLabel(subnet, subnet.SubnetId) ?? subnet.SubnetId,
        kind: "subnet",
        resourceId: subnet.SubnetId,
      };
    const vpc = source.vpcs.find((v) =>
      [v.CidrBlock, ...(v.CidrBlockAssociationSet ?? []).map((a) => a.CidrBlock)].some(
        (cidr) => cidr !== undefined && ipInCidr(ip, cidr),
      ),
    );
    if (vpc?.VpcId) return { label: nameTag(vpc.Tags) ?? vpc.VpcId, kind: "vpc", resourceId: vpc.VpcId };
    if (!parseIp(ip)) return { label: ip, kind: "unknown" };
    if (isPrivateIp(ip)) return { label: "private address outside the account's VPCs", kind: "unknown" };
    return { label: "internet", kind: "internet" };
  };

  return { interface: interfaceEnrichment, address };
}
