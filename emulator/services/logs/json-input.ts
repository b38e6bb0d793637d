import { AwsError } from "../aws-error";

export const invalidParameter = (message: string): AwsError =>
  new AwsError("InvalidParameterException", message);

// AWS's wording for a model constraint that a request breaks.
const constraint = (value: unknown, member: string, rule: string): AwsError =>
  invalidParameter(
    `1 validation error detected: Value ${value === null ? "null" : `'${String(value)}'`} at '${member}' failed to satisfy constraint: Member must ${rule}`,
  );

interface Bounds {
  required?: boolean;
  min?: number;
  max?: number;
}

/** A JSON 1.1 request body, read member by member with the model's constraints. */
export class JsonInput {
  constructor(private readonly body: Record<string, unknown>) {}

  static parse(text: string): JsonInput {
    let value: unknown;
    try {
      value = text.trim() === "" ? {} : JSON.parse(text);
    } catch {
      throw new AwsError("SerializationException", "Request body is not valid JSON");
    }
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      throw new AwsError("SerializationException", "Request body must be a JSON object");
    }
    return new JsonInput(value as Record<string, unknown>);
  }

  has(name: string): boolean {
    return this.body[name] !== undefined && this.body[name] !== null;
  }

  string(name: string, bounds: Bounds & { pattern?: RegExp } = {}): string | undefined {
    const value = this.present(name, bounds.required);
    if (value === undefined) return undefined;
    if (typeof value !== "string") throw wrongType(name, "a string");
    if (bounds.min !== undefined && value.length < bounds.min)
      throw constraint(value, name, `have length greater than or equal to ${bounds.min}`);
    if (bounds.max !== undefined && value.length > bounds.max)
      throw constraint(value, name, `have length less than or equal to ${bounds.max}`);
    if (bounds.pattern && !bounds.pattern.test(value))
      throw constraint(value, name, `satisfy regular expression pattern: ${bounds.pattern.source}`);
    return value;
  }

  integer(name: string, bounds: Bounds = {}): number | undefined {
    const value = this.present(name, bounds.required);
    if (value === undefined) return undefined;
    if (typeof value !== "number" || !Number.isInteger(value)) throw wrongType(name, "an integer");
    if (bounds.min !== undefined && value < bounds.min)
      throw constraint(value, name, `have value greater than or equal to ${bounds.min}`);
    if (bounds.max !== undefined && value > bounds.max)
      throw constraint(value, name, `have value less than or equal to ${bounds.max}`);
    return value;
  }

  boolean(name: string): boolean | undefined {
    const value = this.present(name, false);
    if (value === undefined) return undefined;
    if (typeof value !== "boolean") throw wrongType(name, "a boolean");
    return value;
  }

  stringList(name: string, bounds: Bounds = {}): string[] | undefined {
    const value = this.present(name, bounds.required);
    if (value === undefined) return undefined;
    if (!Array.isArray(value) || value.some((v) => typeof v !== "string"))
      throw wrongType(name, "a list of strings");
    if (bounds.min !== undefined && value.length < bounds.min)
      throw constraint(`[${value.join(", ")}]`, name, `have length greater than or equal to ${bounds.min}`);
    if (bounds.max !== undefined && value.length > bounds.max)
      throw constraint(`[${value.join(", ")}]`, name, `have length less than or equal to ${bounds.max}`);
    return value as string[];
  }

  /** A member that must be one of `values` (AWS's enum constraint message). */
  oneOf<T extends string | number>(
    name: string,
    values: readonly T[],
    value: string | number | undefined,
  ): T | undefined {
    if (value === undefined) return undefined;
    const found = values.find((v) => v === value);
    if (found !== undefined) return found;
    throw constraint(value, name, `satisfy enum value set: [${values.join(", ")}]`);
  }

  private present(name: string, required = false): unknown {
    const value = this.body[name];
    if (value === undefined || value === null) {
      if (required) throw constraint(null, name, "not be null");
      return undefined;
    }
    return value;
  }
}

const wrongType = (name: string, what: string): AwsError =>
  new AwsError("SerializationException", `Member '${name}' must be ${what}`);

const GROUP_ARN = /^arn:aws[\w-]*:logs:[a-z0-9-]+:\d{12}:log-group:([^:]+)(?::\*)?$/;

/** A log group named by logGroupName or by logGroupIdentifier (a name or an ARN); exactly one. */
export function groupNameOf(input: JsonInput): string {
  const name = input.string("logGroupName", { min: 1, max: 512 });
  const identifier = input.string("logGroupIdentifier", { min: 1, max: 2048 });
  if (name !== undefined && identifier !== undefined) {
    throw invalidParameter("LogGroup name and LogGroup ARN are mutually exclusive parameters.");
  }
  const chosen = name ?? (identifier === undefined ? undefined : groupFromIdentifier(identifier));
  if (chosen === undefined) {
    throw invalidParameter("Either LogGroupName or LogGroupIdentifier must be specified.");
  }
  return chosen;
}

/** A name, or the name inside a log-group ARN. */
export function groupFromIdentifier(identifier: string): string {
  if (!identifier.startsWith("arn:")) return identifier;
  const match = GROUP_ARN.exec(identifier);
  if (!match?.[1]) throw invalidParameter(`Invalid log group identifier: ${identifier}`);
  return match[1];
}
