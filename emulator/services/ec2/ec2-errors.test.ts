import {
  DescribeImagesCommand,
  DescribeSubnetsCommand,
  DescribeVpcsCommand,
  EC2ServiceException,
  GetManagedPrefixListEntriesCommand,
} from "@aws-sdk/client-ec2";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  describeCase,
  describeCases,
  type Harness,
  listAll,
  loadSmallWorld,
  startHarness,
  withFilters,
} from "../../test-support/ec2-harness";

const world = loadSmallWorld();
let h: Harness;
beforeAll(async () => {
  h = await startHarness(world);
});
afterAll(() => h.emulator.close());

const rejectsWith = async (promise: Promise<unknown>, name: string, message?: RegExp) => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(EC2ServiceException);
  expect(error).toMatchObject({ name, $metadata: { httpStatusCode: 400 } });
  if (message) expect((error as Error).message).toMatch(message);
};

const maxResultsBounds: Record<string, [number, number]> = {
  DescribeRouteTables: [5, 100],
  DescribeManagedPrefixLists: [1, 100],
  DescribeFlowLogs: [1, 1000],
};

const idCodes: Record<string, [prefix: string, notFound: string, malformed: string] | undefined> = {
  DescribeVpcs: ["vpc", "InvalidVpcID.NotFound", "InvalidVpcID.Malformed"],
  DescribeSubnets: ["subnet", "InvalidSubnetID.NotFound", "InvalidSubnetID.Malformed"],
  DescribeNetworkInterfaces: [
    "eni",
    "InvalidNetworkInterfaceID.NotFound",
    "InvalidNetworkInterfaceID.Malformed",
  ],
  DescribeSecurityGroups: ["sg", "InvalidGroup.NotFound", "InvalidGroupId.Malformed"],
  DescribeNetworkAcls: ["acl", "InvalidNetworkAclID.NotFound", "InvalidNetworkAclID.Malformed"],
  DescribeRouteTables: ["rtb", "InvalidRouteTableID.NotFound", "InvalidRouteTableId.Malformed"],
  DescribeInstances: ["i", "InvalidInstanceID.NotFound", "InvalidInstanceID.Malformed"],
  DescribeInternetGateways: [
    "igw",
    "InvalidInternetGatewayID.NotFound",
    "InvalidInternetGatewayId.Malformed",
  ],
  DescribeNatGateways: ["nat", "NatGatewayNotFound", "NatGatewayMalformed"],
  DescribeManagedPrefixLists: ["pl", "InvalidPrefixListID.NotFound", "InvalidPrefixListId.Malformed"],
};

describe.each(describeCases)("$action", (c) => {
  const [min, max] = maxResultsBounds[c.action] ?? [5, 1000];

  test("an unknown filter name is InvalidParameterValue", async () => {
    const input = withFilters(c, [{ Name: "no-such-filter", Values: ["x"] }]);
    await rejectsWith(
      listAll(h.ec2, c, input),
      "InvalidParameterValue",
      /The filter 'no-such-filter' is invalid/,
    );
  });

  test(`MaxResults outside ${min}–${max} is InvalidParameterValue`, async () => {
    if (min > 1) await rejectsWith(listAll(h.ec2, c, {}, min - 1), "InvalidParameterValue", /maxResults/);
    await rejectsWith(listAll(h.ec2, c, {}, max + 1), "InvalidParameterValue", /maxResults/);
  });

  test("an invalid NextToken is InvalidParameterValue", async () => {
    await rejectsWith(listAll(h.ec2, c, { NextToken: "not-a-token" }), "InvalidParameterValue", /NextToken/);
  });

  const codes = idCodes[c.action];
  if (codes) {
    const [prefix, notFound, malformed] = codes;
    test(`unknown ids are ${notFound}, malformed ids ${malformed}`, async () => {
      const unknown = `${prefix}-0a1b2c3d4e5f69999`;
      await rejectsWith(listAll(h.ec2, c, { [c.idMember]: [unknown] }), notFound, new RegExp(unknown));
      await rejectsWith(listAll(h.ec2, c, { [c.idMember]: ["bogus"] }), malformed, /bogus/);
    });
  } else {
    test("unknown ids are left out, not an error", async () => {
      const { items } = await listAll(h.ec2, c, { [c.idMember]: ["fl-0a1b2c3d4e5f69999"] });
      expect(items).toEqual([]);
    });
  }

  test("a region other than the world's sees an empty account", async () => {
    const other = h.clientsFor("eu-west-1");
    expect((await listAll(other.ec2, c)).items).toEqual([]);
    const known = (world.ec2?.[c.worldKey]?.[0] ?? {}) as Record<string, unknown>;
    const id = c.action === "DescribeInstances" ? "i-0a1b2c3d4e5f60001" : String(known[c.idField]);
    if (codes) await rejectsWith(listAll(other.ec2, c, { [c.idMember]: [id] }), codes[1]);
  });
});

describe("request errors", () => {
  test.each([
    ["DescribeInstances", "InstanceIds", "instancesSet"],
    ["DescribeNetworkInterfaces", "NetworkInterfaceIds", "networkInterfaceIdSet"],
  ])("%s refuses %s together with MaxResults", async (action, idMember, set) => {
    const c = describeCase(action);
    const id = action === "DescribeInstances" ? "i-0a1b2c3d4e5f60001" : "eni-0a1b2c3d4e5f60001";
    await rejectsWith(
      listAll(h.ec2, c, { [idMember]: [id] }, 5),
      "InvalidParameterCombination",
      new RegExp(set),
    );
  });

  test("a NextToken from another query is refused", async () => {
    const first = await h.ec2.send(new DescribeSubnetsCommand({ MaxResults: 5 }));
    expect(first.NextToken).toBeDefined();
    const other = new DescribeSubnetsCommand({
      NextToken: first.NextToken,
      Filters: [{ Name: "state", Values: ["available"] }],
    });
    await rejectsWith(h.ec2.send(other), "InvalidParameterValue");
    const again = await h.ec2.send(new DescribeSubnetsCommand({ MaxResults: 5, NextToken: first.NextToken }));
    expect(again.Subnets?.length).toBe(2);
  });

  test("an action the emulator does not implement is InvalidAction", async () => {
    await rejectsWith(h.ec2.send(new DescribeImagesCommand({})), "InvalidAction", /DescribeImages/);
  });

  test("DryRun answers DryRunOperation", async () => {
    const error = await h.ec2.send(new DescribeVpcsCommand({ DryRun: true })).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "DryRunOperation", $metadata: { httpStatusCode: 412 } });
  });

  test.each([
    ["pl-0a1b2c3d4e5f69999", "InvalidPrefixListID.NotFound"],
    ["bogus", "InvalidPrefixListId.Malformed"],
    ["", "MissingParameter"],
  ])("GetManagedPrefixListEntries of '%s' is %s", async (id, code) => {
    await rejectsWith(h.ec2.send(new GetManagedPrefixListEntriesCommand({ PrefixListId: id })), code);
  });
});
