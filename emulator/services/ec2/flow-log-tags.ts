import { invalidParameterValue } from "../aws-error";
import { oneOf, str } from "./query-values";

type Input = Record<string, unknown>;

/** TagSpecifications: only `vpc-flow-log` tags the flow log itself; keys are 1–128 characters, not `aws:`. */
export function tags(input: Input): { Key: string; Value: string }[] {
  const specs = Array.isArray(input.TagSpecifications) ? (input.TagSpecifications as Input[]) : [];
  return specs.flatMap((spec) => {
    if (spec.ResourceType !== "vpc-flow-log") {
      throw invalidParameterValue(
        `'${String(spec.ResourceType)}' is not a valid taggable resource type for this operation.`,
      );
    }
    const list = Array.isArray(spec.Tags) ? (spec.Tags as Input[]) : [];
    return list.map((tag) => {
      const key = str(tag.Key);
      if (key === undefined || key.length > 128 || key.toLowerCase().startsWith("aws:")) {
        throw invalidParameterValue(`Tag key '${String(tag.Key ?? "")}' is not valid.`);
      }
      return { Key: key, Value: typeof tag.Value === "string" ? tag.Value : "" };
    });
  });
}

/** TagFieldSpecifications (2026 model): 1–3 entries, each a resource type with 1–2 tag keys of 1–128 characters. */
export function tagFieldSpecifications(input: Input): Input[] | undefined {
  if (!Array.isArray(input.TagFieldSpecifications)) return undefined;
  const specs = input.TagFieldSpecifications as Input[];
  if (specs.length > 3) throw invalidParameterValue("TagFieldSpecifications takes at most 3 entries.");
  for (const spec of specs) {
    oneOf(
      "TagFieldSpecification.ResourceType",
      ["network-interface", "instance", "auto-scaling-group"],
      spec.ResourceType,
    );
    const keys: unknown[] = Array.isArray(spec.TagKeys) ? spec.TagKeys : [];
    if (
      keys.length < 1 ||
      keys.length > 2 ||
      keys.some((k) => typeof k !== "string" || k.length < 1 || k.length > 128)
    ) {
      throw invalidParameterValue("Each TagFieldSpecification takes 1 or 2 tag keys of 1 to 128 characters.");
    }
  }
  return specs;
}
