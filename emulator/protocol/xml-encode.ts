import { NormalizedSchema } from "@smithy/core/schema";

/** A world value that does not fit the output shape; `path` names it inside the world file. */
export class WorldShapeError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(`world ${path}: ${message}`);
    this.name = "WorldShapeError";
  }
}

type SchemaRef = Parameters<typeof NormalizedSchema.of>[0];

const XML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
  "\r": "&#13;",
};

export const escapeXml = (text: string): string => text.replace(/[&<>"'\r]/g, (c) => XML_ESCAPES[c] ?? c);

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Serializes the members of a structure (the world's JSON in the AWS CLI's member names) as XML
 * elements named by each member's xmlName trait, the way the SDK's XML deserializer reads them.
 * Members the shape does not know are left out, like AWS leaves out what its model lacks.
 */
export function encodeXmlMembers(schema: SchemaRef, value: unknown, path = ""): string {
  const ns = NormalizedSchema.of(schema);
  if (!isRecord(value)) throw new WorldShapeError(path || "(root)", "expected an object");
  let xml = "";
  for (const [memberName, member] of ns.structIterator()) {
    const memberValue = value[memberName];
    if (memberValue === undefined || memberValue === null) continue;
    const elementName = member.getMemberTraits().xmlName ?? memberName;
    xml += encodeValue(member, memberValue, elementName, path ? `${path}.${memberName}` : memberName);
  }
  return xml;
}

function encodeValue(ns: NormalizedSchema, value: unknown, name: string, path: string): string {
  if (ns.isListSchema()) {
    if (!Array.isArray(value)) throw new WorldShapeError(path, "expected an array");
    const item = ns.getValueSchema();
    const flattened = Boolean(ns.getMergedTraits().xmlFlattened);
    const itemName = flattened ? name : (item.getMergedTraits().xmlName ?? "member");
    const items = value
      .map((v, i) => (v === null || v === undefined ? "" : encodeValue(item, v, itemName, `${path}[${i}]`)))
      .join("");
    return flattened ? items : `<${name}>${items}</${name}>`;
  }
  if (ns.isStructSchema()) return `<${name}>${encodeXmlMembers(ns, value, path)}</${name}>`;
  if (ns.isMapSchema()) {
    if (!isRecord(value)) throw new WorldShapeError(path, "expected an object");
    const keyName = ns.getKeySchema().getMergedTraits().xmlName ?? "key";
    const valueSchema = ns.getValueSchema();
    const valueName = valueSchema.getMergedTraits().xmlName ?? "value";
    const entries = Object.entries(value).map(
      ([k, v]) =>
        `<entry><${keyName}>${escapeXml(k)}</${keyName}>${encodeValue(valueSchema, v, valueName, `${path}.${k}`)}</entry>`,
    );
    return `<${name}>${entries.join("")}</${name}>`;
  }
  return `<${name}>${escapeXml(encodeScalar(ns, value, path))}</${name}>`;
}

function encodeScalar(ns: NormalizedSchema, value: unknown, path: string): string {
  if (ns.isTimestampSchema()) {
    const date = value instanceof Date ? value : typeof value === "string" ? new Date(value) : undefined;
    if (!date || Number.isNaN(date.getTime()))
      throw new WorldShapeError(path, "expected an ISO 8601 timestamp");
    return date.toISOString();
  }
  if (ns.isBooleanSchema()) {
    if (typeof value !== "boolean") throw new WorldShapeError(path, "expected a boolean");
    return String(value);
  }
  if (ns.isNumericSchema() || ns.isBigIntegerSchema() || ns.isBigDecimalSchema()) {
    if (typeof value !== "number" && typeof value !== "bigint")
      throw new WorldShapeError(path, "expected a number");
    return String(value);
  }
  if (typeof value === "object") throw new WorldShapeError(path, "expected a scalar value");
  return String(value);
}
