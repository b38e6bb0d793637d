import type { FlowRecord } from "../../lib/flow/record";
import type { Tag } from "../../lib/topology/types";
import type { TagResource } from "./targets";
import type { Eni } from "./topology";

const tagValue = (tags: readonly Tag[] | undefined, key: string | undefined): string | undefined =>
  key === undefined ? undefined : tags?.find((t) => t.Key === key)?.Value;

/**
 * instance-tag, interface-tag, asg-tag (and their -2) for the keys a flow log's TagFieldSpecifications
 * name. The world has no Auto Scaling groups, so asg-tag stays `-`.
 */
export function tagFields(eni: Eni, keys: Partial<Record<TagResource, string[]>>): FlowRecord {
  const instance = eni.instance?.Tags;
  return {
    "instance-tag": tagValue(instance, keys.instance?.[0]),
    "instance-tag-2": tagValue(instance, keys.instance?.[1]),
    "interface-tag": tagValue(eni.tags, keys["network-interface"]?.[0]),
    "interface-tag-2": tagValue(eni.tags, keys["network-interface"]?.[1]),
  };
}
