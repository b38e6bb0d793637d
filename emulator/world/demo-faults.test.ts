/**
 * Each planted fault of the demo world (README "Demo tour") shows in the simulated flow records as a
 * Logs Insights query finds it. Nothing here writes an outcome: the simulator decided every record
 * through lib/diagnosis from the world's configuration.
 */
import { DescribeFlowLogsCommand } from "@aws-sdk/client-ec2";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startAwsHarness } from "../test-support/aws-harness";
import {
  APP_SUBNETS,
  BROKEN_LOG,
  countsBy,
  type DemoHistory,
  demoHistory,
  list,
  PROD_CIDR,
  PROD_LOG,
} from "./demo-history.fixture";

let h: DemoHistory;
beforeAll(async () => {
  h = await demoHistory(6);
}, 60_000);
afterAll(() => h.data.close());

const byAction = async (filter: string) =>
  countsBy(await h.query(PROD_LOG, `filter ${filter} | stats count(*) as n by action`), "action");
const total = async (filter: string) =>
  (await h.query(PROD_LOG, `filter ${filter} | stats count(*) as n`)).reduce(
    (sum, r) => sum + Number(r.n),
    0,
  );
const fromAlb = () => `srcAddr in ${list(h.names.loadBalancer("prod-alb").map((e) => e.ip))}`;

describe("planted faults, as the flow records show them", () => {
  test("(a) app-sg lacks the ALB's health-check port: 8081 is REJECTED at every app instance, 8080 is not", async () => {
    const alb = h.names.loadBalancer("prod-alb");
    expect(alb).toHaveLength(3);
    for (const app of ["prod-app-1", "prod-app-2", "prod-app-3"]) {
      const eni = h.names.eni(app);
      const onApp = `interfaceId = '${eni.id}' and dstAddr = '${eni.ip}' and ${fromAlb()}`;
      expect(await byAction(`${onApp} and dstPort = 8081`), app).toEqual({ REJECT: expect.any(Number) });
      expect((await byAction(`${onApp} and dstPort = 8081`)).REJECT).toBeGreaterThan(100);
      expect(await byAction(`${onApp} and dstPort = 8080`), app).toEqual({ ACCEPT: expect.any(Number) });
    }
    // The ALB's own interfaces send the checks: ACCEPT on the way out, no answer ever comes back.
    const sent = await byAction(`interfaceId in ${list(alb.map((e) => e.id))} and dstPort = 8081`);
    expect(sent).toEqual({ ACCEPT: expect.any(Number) });
  });

  test("(b) prod-reports-nacl lacks the outbound ephemeral range: 5432 ACCEPTED in, replies REJECTED out", async () => {
    const db = h.names.eni("prod-reports-db");
    const onDb = `interfaceId = '${db.id}' and protocol = 6`;
    const requests = await byAction(
      `${onDb} and dstAddr = '${db.ip}' and dstPort = 5432 and isIpv4InSubnet(srcAddr, "${APP_SUBNETS}")`,
    );
    const replies = await byAction(
      `${onDb} and srcAddr = '${db.ip}' and srcPort = 5432 and isIpv4InSubnet(dstAddr, "${APP_SUBNETS}")`,
    );
    expect(requests).toEqual({ ACCEPT: expect.any(Number) });
    expect(replies).toEqual({ REJECT: expect.any(Number) });
    expect(replies.REJECT).toBeGreaterThan(20);
    // The primary in prod-db-a, under prod-db-nacl, answers the same clients.
    const primary = h.names.eni("prod-db-1");
    expect(
      await byAction(
        `interfaceId = '${primary.id}' and srcPort = 5432 and isIpv4InSubnet(dstAddr, "${APP_SUBNETS}")`,
      ),
    ).toEqual({ ACCEPT: expect.any(Number) });
  });

  test("(c) prod-app-c has no route to a NAT gateway: no egress records leave the VPC from it at all", async () => {
    const outside = `logStatus = "OK" and not isIpv4InSubnet(dstAddr, "${PROD_CIDR}")`;
    const enisOf = (subnet: string) => list(h.names.subnetEnis(subnet).map((e) => e.id));
    const egress = (subnet: string) => total(`interfaceId in ${enisOf(subnet)} and ${outside}`);
    expect(h.names.subnetEnis("prod-app-c").map((e) => e.ip)).toContain(h.names.eni("prod-app-3").ip);
    expect(await egress("prod-app-c")).toBe(0);
    expect(await egress("prod-app-a")).toBeGreaterThan(50);
    expect(await egress("prod-app-b")).toBeGreaterThan(50);
    // prod-app-3 is alive: the ALB's requests reach it.
    const app3 = h.names.eni("prod-app-3").id;
    expect(await byAction(`interfaceId = '${app3}' and dstPort = 8080 and ${fromAlb()}`)).toEqual({
      ACCEPT: expect.any(Number),
    });
  });

  test("(d) prod-batch-1 is stopped: its interface records nothing; the bastion's SSH gets no answer", async () => {
    const batch = h.names.eni("prod-batch-1");
    expect(await total(`interfaceId = '${batch.id}'`)).toBe(0);
    const bastion = h.names.eni("prod-bastion");
    const tries = await h.query(
      PROD_LOG,
      `filter dstAddr = '${batch.ip}' or srcAddr = '${batch.ip}' | stats count(*) as n by interfaceId, action`,
    );
    expect(tries.map((r) => r.interfaceId)).not.toContain(batch.id);
    expect(
      await byAction(`interfaceId = '${bastion.id}' and dstAddr = '${batch.ip}' and dstPort = 22`),
    ).toEqual({
      ACCEPT: expect.any(Number),
    });
    expect(await total(`dstAddr = '${bastion.ip}' and srcAddr = '${batch.ip}'`)).toBe(0);
    const instance = h.world.ec2?.Reservations?.flatMap((r) => r.Instances ?? []).find(
      (i) => i.InstanceId === h.names.instanceId("prod-batch-1"),
    );
    expect(instance?.State).toEqual({ Code: 80, Name: "stopped" });
  });

  test("(e) prod-web-legacy has no public IP behind an IGW route: nothing from the internet reaches it", async () => {
    const legacy = h.names.eni("prod-web-legacy");
    const fromInternet = await byAction(
      `dstAddr = '${legacy.ip}' and logStatus = "OK" and not isIpv4InSubnet(srcAddr, "${PROD_CIDR}")`,
    );
    expect(fromInternet).toEqual({});
    // Its flow log is alive: idle windows say NODATA.
    const statuses = await h.query(
      PROD_LOG,
      `filter interfaceId = '${legacy.id}' | stats count(*) as n by logStatus`,
    );
    expect(countsBy(statuses, "logStatus").NODATA).toBeGreaterThan(5);
  });

  test("(f) staging-app-1-all's role is not assumable by VPC Flow Logs: FAILED, Access error, no log group", async () => {
    expect(await h.data.store.getLogGroup(BROKEN_LOG)).toBeUndefined();
    await expect(h.query(BROKEN_LOG, "stats count(*)")).rejects.toMatchObject({
      code: "ResourceNotFoundException",
    });
    const aws = await startAwsHarness({ world: h.world });
    try {
      const failed = await aws.ec2.send(
        new DescribeFlowLogsCommand({ Filter: [{ Name: "deliver-log-status", Values: ["FAILED"] }] }),
      );
      expect(
        failed.FlowLogs?.map((f) => [f.LogGroupName, f.DeliverLogsStatus, f.DeliverLogsErrorMessage]),
      ).toEqual([[BROKEN_LOG, "FAILED", "Access error"]]);
      expect(failed.FlowLogs?.[0]?.ResourceId).toBe(h.names.eni("staging-app-1").id);
    } finally {
      await aws.close();
    }
  });
});
