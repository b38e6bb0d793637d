import { type DiagnosisTopology, instancesOf } from "./verdict";

/** One choice for the form's source/destination pickers: the value goes in the URL as typed. */
export type EndOption = { value: string; label: string };

const nameOf = (tags: { Key?: string; Value?: string }[] | undefined) =>
  tags?.find((tag) => tag.Key === "Name")?.Value;

/** Instances (Name + id), interfaces (id + description or instance, private IP), and "internet". */
export function endOptions(t: DiagnosisTopology): EndOption[] {
  const instances = instancesOf(t);
  const names = new Map(instances.map((i) => [i.InstanceId ?? "", nameOf(i.Tags)]));
  const fromInstances = instances.flatMap((i) => {
    if (!i.InstanceId) return [];
    const name = nameOf(i.Tags);
    const ip = i.PrivateIpAddress ?? "";
    return [{ value: i.InstanceId, label: [name, "instance", ip].filter(Boolean).join(" · ") }];
  });
  const fromInterfaces = (t.NetworkInterfaces ?? []).flatMap((eni) => {
    if (!eni.NetworkInterfaceId) return [];
    const instanceId = eni.Attachment?.InstanceId;
    const owner = instanceId ? `${names.get(instanceId) ?? instanceId} (${instanceId})` : undefined;
    const what = eni.Description || owner || "interface";
    const label = [what, eni.PrivateIpAddress ?? ""].filter(Boolean).join(" · ");
    return [
      { value: eni.NetworkInterfaceId, label: instanceId && eni.Description ? `${label} · ${owner}` : label },
    ];
  });
  return [{ value: "internet", label: "any host on the internet" }, ...fromInstances, ...fromInterfaces];
}
