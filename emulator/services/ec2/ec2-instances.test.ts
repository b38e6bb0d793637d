import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  describeCase,
  type Harness,
  listAll,
  loadSmallWorld,
  normalize,
  startHarness,
} from "../../test-support/ec2-harness";
import { type Item, tag, toFilters, vpcProd, vpcStg, wid } from "../../test-support/filter-rows";

// DescribeInstances filters apply per instance; a reservation keeps its matching instances and drops
// out when none is left.

const world = loadSmallWorld();
const reservations = world.ec2?.Reservations ?? [];
type Reservation = Item<"Reservations">;
type Instance = NonNullable<Reservation["Instances"]>[number];
let h: Harness;
beforeAll(async () => {
  h = await startHarness(world);
});
afterAll(() => h.emulator.close());

const expectedFor = (keep: (i: Instance, r: Reservation) => boolean) =>
  normalize(
    reservations
      .map((r) => ({ ...r, Instances: (r.Instances ?? []).filter((i) => keep(i, r)) }))
      .filter((r) => r.Instances.length > 0),
  ) as unknown[];

const enis = (i: Instance) => i.NetworkInterfaces ?? [];
const cases: [Record<string, string[]>, (i: Instance, r: Reservation) => boolean][] = [
  [{ "instance-id": [wid("i", 2)] }, (i) => i.InstanceId === wid("i", 2)],
  [{ "instance-state-name": ["running"] }, (i) => i.State?.Name === "running"],
  // 272 = 16 with AWS's internal high byte set: the filter sees the low byte.
  [{ "instance-state-code": ["16"] }, (i) => ((i.State?.Code ?? 0) & 0xff) === 16],
  [
    { "instance-state-name": ["running"], "vpc-id": [vpcProd] },
    (i) => i.State?.Name === "running" && i.VpcId === vpcProd,
  ],
  [{ "vpc-id": [vpcStg] }, (i) => i.VpcId === vpcStg],
  [{ "subnet-id": [wid("subnet", 3)] }, (i) => i.SubnetId === wid("subnet", 3)],
  [{ "private-ip-address": ["10.0.12.*"] }, (i) => i.PrivateIpAddress?.startsWith("10.0.12.") === true],
  [
    { "network-interface.subnet-id": [wid("subnet", 3)] },
    (i) => enis(i).some((n) => n.SubnetId === wid("subnet", 3)),
  ],
  [{ "network-interface.network-interface-id": [wid("eni", 4)] }, (i) => i.InstanceId === wid("i", 3)],
  [{ "network-interface.addresses.private-ip-address": ["10.0.11.12"] }, (i) => i.InstanceId === wid("i", 3)],
  [{ "network-interface.group-id": [wid("sg", 7)] }, (i) => i.InstanceId === wid("i", 7)],
  [
    { "instance.group-id": [wid("sg", 2)] },
    (i) => i.SecurityGroups?.some((g) => g.GroupId === wid("sg", 2)) === true,
  ],
  [{ "instance-type": ["m5.*"] }, (i) => i.InstanceType?.startsWith("m5.") === true],
  [{ "availability-zone": ["us-east-1b"] }, (i) => i.Placement?.AvailabilityZone === "us-east-1b"],
  [{ "tag:role": ["web"] }, (i) => tag(i, "role") === "web"],
  [{ "tag-key": ["role"], "tag:env": ["staging"] }, (i) => tag(i, "env") === "staging"],
  [{ "reservation-id": [wid("r", 1)] }, (_i, r) => r.ReservationId === wid("r", 1)],
  [{ "requester-id": ["940372691376"] }, (_i, r) => r.RequesterId === "940372691376"],
  [{ "owner-id": ["123456789012"] }, () => true],
  [{ architecture: ["arm64"] }, (i) => i.Architecture === "arm64"],
  [{ "ip-address": ["203.0.113.2?"] }, (i) => /^203\.0\.113\.2\d$/.test(i.PublicIpAddress ?? "")],
  [{ "dns-name": ["ec2-203-0-113-125.*"] }, (i) => i.InstanceId === wid("i", 6)],
  [{ "image-id": ["ami-0fedcba9876543210"] }, (i) => i.ImageId === "ami-0fedcba9876543210"],
  [{ "launch-time": ["2026-05-01*"] }, (i) => i.LaunchTime?.startsWith("2026-05-01") === true],
  [{ "key-name": ["staging-key"] }, (i) => i.KeyName === "staging-key"],
  [{ "block-device-mapping.volume-id": [wid("vol", 5)] }, (i) => i.InstanceId === wid("i", 5)],
];

describe("DescribeInstances filters", () => {
  test.each(cases.map(([f, keep]) => ({ label: JSON.stringify(f), f, keep })))(
    "$label",
    async ({ f, keep }) => {
      const expected = expectedFor(keep);
      expect(expected.length).toBeGreaterThan(0);
      const { items } = await listAll(h.ec2, describeCase("DescribeInstances"), { Filters: toFilters(f) });
      expect(normalize(items)).toEqual(expected);
    },
  );

  test("instance ids select instances inside a shared reservation", async () => {
    const { items } = await listAll(h.ec2, describeCase("DescribeInstances"), { InstanceIds: [wid("i", 2)] });
    expect(normalize(items)).toEqual(expectedFor((i) => i.InstanceId === wid("i", 2)));
  });
});

describe("filters that match nothing", () => {
  test.each([
    [{ "vpc-id": ["vpc-0a1b2c3d4e5f69999"] }],
    [{ "tag:Name": ["prod-vpc"], "tag:env": ["staging"] }],
    [{ "tag:Name": ["PROD-*"] }],
    [{ "tag:Name": ["prod\\*"] }],
    [{ "tag:Missing": ["*"] }],
  ])("%j", async (f) => {
    const { items } = await listAll(h.ec2, describeCase("DescribeVpcs"), { Filters: toFilters(f) });
    expect(items).toEqual([]);
  });
});
