import { NormalizedSchema } from "@smithy/core/schema";
import { AwsError } from "../services/aws-error";

type SchemaRef = Parameters<typeof NormalizedSchema.of>[0];

/**
 * "ec2": EC2 query rules (member key = ec2QueryName, else capitalized xmlName; lists flattened as
 * `Key.N`). "query": awsQuery rules (member key = xmlName or member name; lists as `Key.member.N`
 * unless flattened).
 */
export type QueryFlavor = "ec2" | "query";

interface FormNode {
  value?: string;
  children: Map<string, FormNode>;
}

function buildTree(params: URLSearchParams): FormNode {
  const root: FormNode = { children: new Map() };
  for (const [key, value] of params) {
    let node = root;
    for (const part of key.split(".")) {
      let child = node.children.get(part);
      if (!child) {
        child = { children: new Map() };
        node.children.set(part, child);
      }
      node = child;
    }
    node.value = value;
  }
  return root;
}

/** Decodes a form-encoded query request (Filter.1.Name, VpcId.2, …) into the operation's input shape. */
export function decodeQueryInput(
  schema: SchemaRef,
  params: URLSearchParams,
  flavor: QueryFlavor = "ec2",
): Record<string, unknown> {
  const ns = NormalizedSchema.of(schema);
  return readStruct(ns, buildTree(params), "", flavor);
}

function memberKey(name: string, member: NormalizedSchema, flavor: QueryFlavor): string {
  const traits = member.getMergedTraits();
  if (flavor === "ec2") {
    if (typeof traits.ec2QueryName === "string") return traits.ec2QueryName;
    const key = traits.xmlName ?? name;
    return key.charAt(0).toUpperCase() + key.slice(1);
  }
  return traits.xmlName ?? name;
}

function readStruct(ns: NormalizedSchema, node: FormNode, path: string, flavor: QueryFlavor) {
  const out: Record<string, unknown> = {};
  for (const [name, member] of ns.structIterator()) {
    const key = memberKey(name, member, flavor);
    const child = node.children.get(key);
    if (!child) continue;
    const value = read(member, child, path + key, flavor);
    if (value !== undefined) out[name] = value;
  }
  return out;
}

function indexed(node: FormNode): FormNode[] {
  return [...node.children.entries()]
    .filter(([k]) => /^[1-9]\d*$/.test(k))
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([, child]) => child);
}

function read(ns: NormalizedSchema, node: FormNode, path: string, flavor: QueryFlavor): unknown {
  if (ns.isListSchema()) {
    const item = ns.getValueSchema();
    const flat = flavor === "ec2" || Boolean(ns.getMergedTraits().xmlFlattened);
    const itemKey = flavor === "ec2" ? "" : (item.getMergedTraits().xmlName ?? "member");
    const holder = flat ? node : node.children.get(itemKey);
    if (!holder) return [];
    return indexed(holder).map((child, i) => read(item, child, `${path}.${i + 1}`, flavor));
  }
  if (ns.isMapSchema()) {
    const holder = ns.getMergedTraits().xmlFlattened ? node : node.children.get("entry");
    const out: Record<string, unknown> = {};
    const keyName = ns.getKeySchema().getMergedTraits().xmlName ?? "key";
    const valueName = ns.getValueSchema().getMergedTraits().xmlName ?? "value";
    for (const entry of holder ? indexed(holder) : []) {
      const key = entry.children.get(keyName)?.value;
      const value = entry.children.get(valueName);
      if (key !== undefined && value)
        out[key] = read(ns.getValueSchema(), value, `${path}.${valueName}`, flavor);
    }
    return out;
  }
  if (ns.isStructSchema()) return readStruct(ns, node, `${path}.`, flavor);
  const raw = node.value;
  if (raw === undefined) return undefined;
  return readScalar(ns, raw, path);
}

function readScalar(ns: NormalizedSchema, raw: string, path: string): unknown {
  if (ns.isBooleanSchema()) {
    if (raw === "true" || raw === "false") return raw === "true";
    throw new AwsError(
      "InvalidParameterValue",
      `Value (${raw}) for parameter ${path} is invalid. Expecting a boolean.`,
    );
  }
  if (ns.isNumericSchema()) {
    const n = Number(raw);
    if (raw.trim() === "" || !Number.isFinite(n)) {
      throw new AwsError(
        "InvalidParameterValue",
        `Value (${raw}) for parameter ${path} is invalid. Expecting a number.`,
      );
    }
    return n;
  }
  if (ns.isTimestampSchema()) {
    const date = new Date(raw);
    if (Number.isNaN(date.getTime())) {
      throw new AwsError(
        "InvalidParameterValue",
        `Value (${raw}) for parameter ${path} is invalid. Expecting a timestamp.`,
      );
    }
    return date;
  }
  return raw;
}
