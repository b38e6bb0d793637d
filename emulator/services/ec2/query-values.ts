import { invalidParameterValue } from "../aws-error";

/** A non-empty string parameter, or undefined. */
export const str = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);

/** An enum parameter: undefined if absent, InvalidParameterValue (naming the valid values) if not one of them. */
export function oneOf<T extends string>(name: string, values: readonly T[], value: unknown): T | undefined {
  if (value === undefined) return undefined;
  const found = values.find((v) => v === value);
  if (found) return found;
  throw invalidParameterValue(
    `Value (${String(value)}) for parameter ${name} is invalid. Valid values: ${values.join(", ")}`,
  );
}
