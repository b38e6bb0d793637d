import { stringLiteral } from "@/lib/insights/escape";

/** The few inventory fields read here (lib/aws/vpc-inventory.ts holds more). */
type Instance = { InstanceId?: string; Tags?: readonly { Key?: string; Value?: string }[] };
type NetworkInterface = { NetworkInterfaceId?: string; Attachment?: { InstanceId?: string } };

export type InstanceResolution =
  | { ok: true; instanceId: string; interfaceIds: string[] }
  | { ok: false; message: string };

const nameOf = (instance: Instance): string | undefined =>
  instance.Tags?.find((tag) => tag.Key === "Name")?.Value;

/** An instance id (`i-…`) or Name tag → the VPC's interfaces attached to it; a Name must be unambiguous. */
export function resolveInstance(
  inventory: { instances: readonly Instance[]; interfaces: readonly NetworkInterface[] },
  text: string,
  vpcId: string,
): InstanceResolution {
  const matches = inventory.instances.filter((i) => i.InstanceId === text || nameOf(i) === text);
  const [instance, other] = matches;
  if (!instance?.InstanceId) return { ok: false, message: `No instance ${text} in ${vpcId}.` };
  if (other)
    return {
      ok: false,
      message: `${matches.length} instances in ${vpcId} are named ${text}: use the i-… id.`,
    };
  const instanceId = instance.InstanceId;
  const interfaceIds = inventory.interfaces
    .filter((e) => e.Attachment?.InstanceId === instanceId && e.NetworkInterfaceId)
    .map((e) => e.NetworkInterfaceId ?? "");
  if (interfaceIds.length === 0)
    return { ok: false, message: `Instance ${text} has no interfaces in ${vpcId}.` };
  return { ok: true, instanceId, interfaceIds };
}

/**
 * The instance's interfaces as an expert-filter clause ANDed with the user's own, so each flow log's
 * format names the field (interface-id) its own way.
 */
export function withInstance(q: string | undefined, interfaceIds: readonly string[]): string {
  const clause = `interfaceId in [${interfaceIds.map(stringLiteral).join(", ")}]`;
  return q === undefined ? clause : `(${q}) and ${clause}`;
}

export type InstanceError = {
  type: "error";
  code: "instance_not_found";
  field: "instance";
  message: string;
  retryable: false;
};

/**
 * The request's expert expression with its instance filter folded in, or the error event naming the
 * instance field when the inventory has no such instance (or several of that name).
 */
export function expertWithInstance(
  inventory: Parameters<typeof resolveInstance>[0],
  request: { instance?: string; q?: string; vpc: string },
): { ok: true; expert: string | undefined } | { ok: false; event: InstanceError } {
  if (request.instance === undefined) return { ok: true, expert: request.q };
  const instance = resolveInstance(inventory, request.instance, request.vpc);
  if (!instance.ok)
    return {
      ok: false,
      event: {
        type: "error",
        code: "instance_not_found",
        field: "instance",
        message: instance.message,
        retryable: false,
      },
    };
  return { ok: true, expert: withInstance(request.q, instance.interfaceIds) };
}
