import { paginateGetManagedPrefixListEntries } from "@aws-sdk/client-ec2";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  describeCases,
  expectedItems,
  type Harness,
  listAll,
  loadSmallWorld,
  normalize,
  startHarness,
} from "../../test-support/ec2-harness";

// The SDK is the oracle: every list the emulator serializes must come back through the real
// @aws-sdk/client-ec2 paginators exactly as the world file has it.

const world = loadSmallWorld();
let h: Harness;
let onePerPage: Harness;

beforeAll(async () => {
  h = await startHarness(world);
  onePerPage = await startHarness(world, 1);
});
afterAll(async () => {
  await h.emulator.close();
  await onePerPage.emulator.close();
});

describe("full lists through the SDK's paginators", () => {
  test.each(describeCases)("$action returns the world's $worldKey (default page size 5)", async (c) => {
    const expected = expectedItems(world, c.worldKey);
    expect(expected.length).toBeGreaterThan(1);
    const { items, pages } = await listAll(h.ec2, c);
    expect(normalize(items)).toEqual(expected);
    expect(pages).toBe(Math.max(1, Math.ceil(expected.length / 5)));
  });

  test.each(describeCases)("$action pages one item at a time when the default page is 1", async (c) => {
    const expected = expectedItems(world, c.worldKey);
    const { items, pages } = await listAll(onePerPage.ec2, c);
    expect(normalize(items)).toEqual(expected);
    expect(pages).toBe(expected.length);
  });

  test.each(describeCases)("$action honours the smallest MaxResults AWS allows", async (c) => {
    const expected = expectedItems(world, c.worldKey);
    const { items, pages } = await listAll(onePerPage.ec2, c, {}, c.minPage);
    expect(normalize(items)).toEqual(expected);
    expect(pages).toBe(Math.ceil(expected.length / c.minPage));
  });
});

describe("id lists", () => {
  test.each(describeCases)("$action with two ids returns those two, in world order", async (c) => {
    const all = expectedItems(world, c.worldKey) as Record<string, unknown>[];
    const ids =
      c.action === "DescribeInstances"
        ? ["i-0a1b2c3d4e5f60007", "i-0a1b2c3d4e5f60001"]
        : [all[all.length - 1]?.[c.idField], all[0]?.[c.idField]].map(String);
    const { items } = await listAll(h.ec2, c, { [c.idMember]: ids });
    if (c.action === "DescribeInstances") {
      const instances = (normalize(items) as { Instances: { InstanceId: string }[] }[]).flatMap(
        (r) => r.Instances,
      );
      expect(instances.map((i) => i.InstanceId)).toEqual([...ids].reverse());
    } else {
      expect(normalize(items)).toEqual([all[0], all[all.length - 1]]);
    }
  });
});

describe("GetManagedPrefixListEntries", () => {
  const lists = world.ec2?.ManagedPrefixLists ?? [];
  test.each(lists.map((pl) => [pl.PrefixListName, pl] as const))("entries of %s", async (_name, pl) => {
    for (const harness of [h, onePerPage]) {
      const entries: unknown[] = [];
      let pages = 0;
      const input = { PrefixListId: pl.PrefixListId };
      for await (const page of paginateGetManagedPrefixListEntries({ client: harness.ec2 }, input)) {
        pages++;
        entries.push(...(page.Entries ?? []));
      }
      expect(entries).toEqual(pl.Entries);
      expect(pages).toBe(harness === h ? 1 : pl.Entries?.length);
    }
  });
});
