import { flowLogField } from "./fields";

/** A flow-log record by field name; a field that is `-` (or absent) is undefined. */
export type FlowRecord = { readonly [field: string]: string | number | undefined };

const INTEGER = /^-?\d+$/;

const isNumeric = (name: string): boolean => {
  const type = flowLogField(name)?.type;
  return type === "int32" || type === "int64";
};

/** The record as one line in a format: values in the format's order, `-` for every missing value. */
export function formatRecord(fields: readonly string[], record: FlowRecord): string {
  return fields
    .map((name) => {
      const value = record[name];
      return value === undefined || value === "" ? "-" : String(value);
    })
    .join(" ");
}

/**
 * A line back into a record: split on runs of whitespace (AWS's own examples have a doubled space),
 * integer fields as numbers, `-` as undefined. Undefined when the token count does not match the
 * format or an integer field holds something else; fields outside FLOW_LOG_FIELDS stay strings.
 */
export function parseRecord(fields: readonly string[], line: string): FlowRecord | undefined {
  const tokens = line.trim().split(/\s+/);
  if (tokens.length !== fields.length) return undefined;
  const record: Record<string, string | number | undefined> = {};
  for (let i = 0; i < fields.length; i++) {
    const name = fields[i] ?? "";
    const token = tokens[i] ?? "-";
    if (token === "-") {
      record[name] = undefined;
    } else if (isNumeric(name)) {
      if (!INTEGER.test(token)) return undefined;
      record[name] = Number(token);
    } else {
      record[name] = token;
    }
  }
  return record;
}
