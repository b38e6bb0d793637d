import { afterEach, describe, expect, it, vi } from "vitest";
import { buildDemoWorld } from "./demo";
import { cidrInside, ID_KINDS, inCidr, indexWorld, nullPaths, strings } from "./demo-test-utils";
import { parseWorld } from "./load";

const NOW = new Date("2026-06-01T12:00:00Z");
const world = buildDemoWorld({ seed: 7, now: NOW });
const ix = indexWorld(world);
const enis = [...ix.enis.values()];
const subnets = [...ix.subnets.values()];
const nameOf = (tags: { Key?: string; Value?: string }[] | undefined) =>
  tags?.find((t) => t.Key === "Name")?.Value;

describe("determinism", () => {
  afterEach(() => vi.restoreAllMocks());

  it.each([1, 7, 123456])("seed %i twice gives byte-identical JSON", (seed) => {
    expect(JSON.stringify(buildDemoWorld({ seed, now: NOW }))).toBe(
      JSON.stringify(buildDemoWorld({ seed, now: NOW })),
    );
  });

  it("uses neither Math.random nor the clock", () => {
    vi.spyOn(Math, "random").mockImplementation(() => {
      throw new Error("Math.random called");
    });
    vi.spyOn(Date, "now").mockImplementation(() => {
      throw new Error("Date.now called");
    });
    expect(() => buildDemoWorld({ seed: 3, now: NOW })).not.toThrow();
    expect(() => buildDemoWorld({})).not.toThrow();
  });

  it("gives other ids for another seed, the same ids for another now", () => {
    const vpcIds = (seed: number, now: Date) => buildDemoWorld({ seed, now }).ec2?.Vpcs?.map((v) => v.VpcId);
    expect(vpcIds(8, NOW)).not.toEqual(vpcIds(7, NOW));
    expect(vpcIds(7, new Date("2027-01-01T00:00:00Z"))).toEqual(vpcIds(7, NOW));
  });
});

describe("shapes", () => {
  it("passes the world loader's envelope check", () => {
    expect(parseWorld(JSON.parse(JSON.stringify(world)))).toEqual(world);
  });

  it("has no nulls (absent members are omitted)", () => {
    expect(nullPaths(world)).toEqual([]);
  });

  it("writes AWS-style ids: prefix, dash, 17 hex digits (AWS's own prefix lists keep their short ids)", () => {
    const ids = [...Object.entries(ID_KINDS)].flatMap(([, index]) => [...ix[index].keys()]);
    expect(ids.length).toBeGreaterThan(40);
    for (const id of ids.filter((i) => i !== "pl-63a5400a")) expect(id).toMatch(/^[a-z]+-[0-9a-f]{17}$/);
    expect(ix.prefixLists.get("pl-63a5400a")?.OwnerId).toBe("AWS");
  });

  it("writes timestamps as ISO 8601 strings", () => {
    const times = [...strings(world)].filter(([path]) => /(Time|Date)$/.test(path));
    expect(times.length).toBeGreaterThan(10);
    for (const [path, value] of times) {
      expect(value, path).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?\+00:00$/);
      expect(Date.parse(value), path).toBeLessThan(NOW.getTime());
    }
  });

  it("names the two VPCs and their subnets", () => {
    expect([...ix.vpcs.values()].map((v) => [nameOf(v.Tags), v.CidrBlock])).toEqual([
      ["prod", "10.0.0.0/16"],
      ["staging", "10.1.0.0/16"],
    ]);
    expect(subnets.map((s) => `${nameOf(s.Tags)} ${s.AvailabilityZone}/${s.AvailabilityZoneId}`)).toContain(
      "staging-private-b us-east-1b/use1-az2",
    );
  });
});

describe("referential integrity", () => {
  const refs = [...strings(world)].filter(([path]) => !path.startsWith("logs"));

  it("every id-shaped string names an existing resource of its kind", () => {
    const idRefs = refs.flatMap(([path, value]) => {
      const kind = /^([a-z]+)-[0-9a-f]{17}$/.exec(value)?.[1];
      return kind !== undefined && kind in ID_KINDS
        ? [[path, value, kind as keyof typeof ID_KINDS] as const]
        : [];
    });
    expect(idRefs.length).toBeGreaterThan(100);
    for (const [path, value, kind] of idRefs)
      expect(ix[ID_KINDS[kind]].has(value), `${path} = ${value}`).toBe(true);
  });

  it.each(enis.map((e) => [e.NetworkInterfaceId, e] as const))(
    "ENI %s agrees with its subnet, VPC and groups",
    (_, eni) => {
      const subnet = ix.subnets.get(eni.SubnetId ?? "");
      expect(subnet?.VpcId).toBe(eni.VpcId);
      expect([eni.AvailabilityZone, eni.AvailabilityZoneId]).toEqual([
        subnet?.AvailabilityZone,
        subnet?.AvailabilityZoneId,
      ]);
      expect(inCidr(eni.PrivateIpAddress ?? "", subnet?.CidrBlock ?? "")).toBe(true);
      for (const g of eni.Groups ?? []) expect(ix.groups.get(g.GroupId ?? "")?.VpcId).toBe(eni.VpcId);
      expect(eni.PrivateIpAddresses?.[0]?.PrivateIpAddress).toBe(eni.PrivateIpAddress);
    },
  );

  it.each(ix.instances.map((i) => [nameOf(i.Tags), i] as const))(
    "instance %s matches its ENI",
    (_, instance) => {
      const [nic, ...more] = instance.NetworkInterfaces ?? [];
      const eni = ix.enis.get(nic?.NetworkInterfaceId ?? "");
      expect(more).toEqual([]);
      expect(eni?.Attachment?.InstanceId).toBe(instance.InstanceId);
      expect([eni?.SubnetId, eni?.VpcId, eni?.PrivateIpAddress]).toEqual([
        instance.SubnetId,
        instance.VpcId,
        instance.PrivateIpAddress,
      ]);
      expect(eni?.Association?.PublicIp).toBe(instance.PublicIpAddress);
      expect(eni?.Groups).toEqual(instance.SecurityGroups);
      expect(instance.Placement?.AvailabilityZone).toBe(eni?.AvailabilityZone);
    },
  );

  it("subnets sit inside their VPC and count the addresses their ENIs use", () => {
    for (const s of subnets) {
      expect(cidrInside(s.CidrBlock ?? "", ix.vpcs.get(s.VpcId ?? "")?.CidrBlock ?? "")).toBe(true);
      expect(s.SubnetArn).toBe(`arn:aws:ec2:us-east-1:123456789012:subnet/${s.SubnetId}`);
      const used = enis.filter((e) => e.SubnetId === s.SubnetId).length;
      expect(s.AvailableIpAddressCount).toBe(251 - used);
    }
  });

  it("puts each subnet in exactly one network ACL of its own VPC", () => {
    const assocs = [...ix.acls.values()].flatMap((a) =>
      (a.Associations ?? []).map((s) => ({ ...s, vpc: a.VpcId })),
    );
    expect(assocs.map((a) => a.SubnetId).sort()).toEqual([...ix.subnets.keys()].sort());
    for (const a of assocs) expect(ix.subnets.get(a.SubnetId ?? "")?.VpcId).toBe(a.vpc);
    expect(new Set(assocs.map((a) => a.NetworkAclAssociationId)).size).toBe(assocs.length);
  });

  it("gives each VPC one default NACL, one main route table and an attached internet gateway", () => {
    for (const vpcId of ix.vpcs.keys()) {
      expect([...ix.acls.values()].filter((a) => a.VpcId === vpcId && a.IsDefault)).toHaveLength(1);
      const main = [...ix.routeTables.values()].filter((t) => t.Associations?.some((a) => a.Main));
      expect(main.filter((t) => t.VpcId === vpcId)).toHaveLength(1);
      expect([...ix.igws.values()].filter((g) => g.Attachments?.some((a) => a.VpcId === vpcId))).toHaveLength(
        1,
      );
    }
  });

  it("routes only to gateways of the same VPC, with at most one explicit table per subnet", () => {
    const explicit = [...ix.routeTables.values()].flatMap((t) =>
      (t.Associations ?? []).flatMap((a) => a.SubnetId ?? []),
    );
    expect(new Set(explicit).size).toBe(explicit.length);
    for (const table of ix.routeTables.values()) {
      for (const route of table.Routes ?? []) {
        const igw = ix.igws.get(route.GatewayId ?? "");
        if (igw) expect(igw.Attachments?.[0]?.VpcId).toBe(table.VpcId);
        if (route.NatGatewayId) expect(ix.nats.get(route.NatGatewayId)?.VpcId).toBe(table.VpcId);
      }
    }
  });

  it("backs each NAT gateway with a requester-managed ENI holding its addresses", () => {
    for (const nat of ix.nats.values()) {
      const [address] = nat.NatGatewayAddresses ?? [];
      const eni = ix.enis.get(address?.NetworkInterfaceId ?? "");
      expect([eni?.InterfaceType, eni?.RequesterManaged, eni?.SubnetId]).toEqual([
        "natGateway",
        true,
        nat.SubnetId,
      ]);
      expect([eni?.PrivateIpAddress, eni?.Association?.PublicIp]).toEqual([
        address?.PrivateIp,
        address?.PublicIp,
      ]);
      expect(eni?.Association?.AllocationId).toBe(address?.AllocationId);
    }
  });

  it("keeps security group references inside the VPC", () => {
    for (const sg of ix.groups.values()) {
      for (const perm of [...(sg.IpPermissions ?? []), ...(sg.IpPermissionsEgress ?? [])]) {
        for (const pair of perm.UserIdGroupPairs ?? [])
          expect(ix.groups.get(pair.GroupId ?? "")?.VpcId).toBe(sg.VpcId);
        if (perm.IpProtocol === "-1") expect(perm.FromPort).toBeUndefined();
      }
    }
  });
});
