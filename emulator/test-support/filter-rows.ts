import type { Filter } from "@aws-sdk/client-ec2";
import { afterAll, beforeAll, expect, test } from "vitest";
import type { World, WorldEc2, WorldEc2Key } from "../world/types";
import { describeCase, type Harness, listAll, normalize, startHarness, withFilters } from "./ec2-harness";

export type Item<K extends WorldEc2Key> = NonNullable<WorldEc2[K]>[number];
type Tags = { Key?: string; Value?: string }[];

export const tag = (item: { Tags?: Tags; TagSet?: Tags }, key: string): string | undefined =>
  (item.Tags ?? item.TagSet)?.find((t) => t.Key === key)?.Value;

export const vpcProd = "vpc-0a1b2c3d4e5f60001";
export const vpcStg = "vpc-0a1b2c3d4e5f60002";
/** Ids in the small world follow `prefix-0a1b2c3d4e5f6NNNN`. */
export const wid = (prefix: string, n: number) => `${prefix}-0a1b2c3d4e5f6${String(n).padStart(4, "0")}`;

export interface FilterRow {
  action: string;
  label: string;
  filters: Filter[];
  expected: unknown[];
}

export const toFilters = (f: Record<string, string[]>): Filter[] =>
  Object.entries(f).map(([Name, Values]) => ({ Name, Values }));

/** Rows of filters, each with the same selection written as a predicate over the world's items. */
export function filterRows<K extends WorldEc2Key>(
  world: World,
  action: string,
  key: K,
  cases: [Record<string, string[]>, (item: Item<K>) => boolean][],
): FilterRow[] {
  const items: Item<K>[] = world.ec2?.[key] ?? [];
  return cases.map(([f, keep]) => ({
    action,
    label: JSON.stringify(f),
    filters: toFilters(f),
    expected: normalize(items.filter(keep)) as unknown[],
  }));
}

/** Registers one test per row: the SDK's answer must be exactly the world's items the predicate keeps. */
export function testFilterRows(world: World, table: readonly FilterRow[]): void {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(world);
  });
  afterAll(() => h.emulator.close());
  test.each(table)("$action $label", async ({ action, filters, expected }) => {
    expect(expected.length).toBeGreaterThan(0);
    const c = describeCase(action);
    const { items } = await listAll(h.ec2, c, withFilters(c, filters));
    expect(normalize(items)).toEqual(expected);
  });
}
