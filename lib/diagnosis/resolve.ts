import { parseCidr, parseIp } from "../net/ip";
import type { Instance, NetworkInterface, Subnet } from "../topology/types";
import { DiagnoseInputError, type DiagnosisTopology, instancesOf } from "./verdict";

/** An interface in the account, or an address outside it (the internet, on-premises, another account). */
export type End =
  | {
      kind: "eni";
      eni: NetworkInterface;
      id: string;
      ip: string;
      publicIp?: string;
      instance?: Instance;
      subnet?: Subnet;
      vpcId: string;
      /** The caller named the public address (traffic arrives through the internet gateway). */
      viaPublicIp: boolean;
    }
  | { kind: "external"; ip: string; label: string };

// A documentation address (RFC 5737) stands for "any host on the internet".
const INTERNET_IP = "198.51.100.10";

const publicIpOf = (eni: NetworkInterface, instance: Instance | undefined): string | undefined =>
  eni.Association?.PublicIp ??
  eni.PrivateIpAddresses?.find((a) => a.Primary)?.Association?.PublicIp ??
  (eni.Attachment?.DeviceIndex === 0 ? instance?.PublicIpAddress : undefined);

function eniEnd(t: DiagnosisTopology, eni: NetworkInterface, viaPublicIp: boolean): End {
  const instanceId = eni.Attachment?.InstanceId;
  const instance = instanceId ? instancesOf(t).find((i) => i.InstanceId === instanceId) : undefined;
  return {
    kind: "eni",
    eni,
    id: eni.NetworkInterfaceId ?? "",
    ip: eni.PrivateIpAddress ?? "",
    publicIp: publicIpOf(eni, instance),
    instance,
    subnet: (t.Subnets ?? []).find((s) => s.SubnetId === eni.SubnetId),
    vpcId: eni.VpcId ?? "",
    viaPublicIp,
  };
}

function primaryEniOf(t: DiagnosisTopology, instanceId: string): NetworkInterface | undefined {
  const enis = (t.NetworkInterfaces ?? []).filter((e) => e.Attachment?.InstanceId === instanceId);
  return enis.find((e) => e.Attachment?.DeviceIndex === 0) ?? enis[0];
}

function byIp(t: DiagnosisTopology, ip: string): End | undefined {
  for (const eni of t.NetworkInterfaces ?? []) {
    const privates = [eni.PrivateIpAddress, ...(eni.PrivateIpAddresses ?? []).map((a) => a.PrivateIpAddress)];
    if (privates.includes(ip)) return { ...eniEnd(t, eni, false), ip };
    const publics = [
      eni.Association?.PublicIp,
      ...(eni.PrivateIpAddresses ?? []).map((a) => a.Association?.PublicIp),
    ];
    if (publics.includes(ip)) return eniEnd(t, eni, true);
  }
  const instance = instancesOf(t).find((i) => i.PublicIpAddress === ip && i.InstanceId);
  const eni = instance?.InstanceId ? primaryEniOf(t, instance.InstanceId) : undefined;
  return eni ? eniEnd(t, eni, true) : undefined;
}

/** Resolves one end of the question; throws DiagnoseInputError for what names nothing. */
export function resolveEnd(t: DiagnosisTopology, text: string, role: "source" | "destination"): End {
  const value = text.trim();
  const field = role === "source" ? "from" : "to";
  if (value.toLowerCase() === "internet") {
    if (role === "destination")
      throw new DiagnoseInputError("the destination must be an instance, interface or IP", field);
    return { kind: "external", ip: INTERNET_IP, label: "internet" };
  }
  if (value.startsWith("i-")) {
    const eni = primaryEniOf(t, value);
    if (!eni) throw new DiagnoseInputError(`${role}: no interface attached to instance ${value}`, field);
    return eniEnd(t, eni, false);
  }
  if (value.startsWith("eni-")) {
    const eni = (t.NetworkInterfaces ?? []).find((e) => e.NetworkInterfaceId === value);
    if (!eni) throw new DiagnoseInputError(`${role}: no network interface ${value}`, field);
    return eniEnd(t, eni, false);
  }
  if (parseIp(value)) return byIp(t, value) ?? { kind: "external", ip: value, label: value };
  const cidr = role === "source" && value.includes("/") ? parseCidr(value) : undefined;
  if (cidr) {
    const ip = cidr.text.split("/")[0] ?? value;
    return byIp(t, ip) ?? { kind: "external", ip, label: value };
  }
  // An instance's Name tag, as people call their machines.
  const named = instancesOf(t).find((i) => i.Tags?.some((tag) => tag.Key === "Name" && tag.Value === value));
  const eni = named?.InstanceId ? primaryEniOf(t, named.InstanceId) : undefined;
  if (eni) return eniEnd(t, eni, false);
  throw new DiagnoseInputError(`cannot resolve ${role} "${text}"`, field);
}
