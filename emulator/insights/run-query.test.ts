import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { StoreError } from "../store/errors";
import { EventStore } from "../store/event-store";
import { MalformedQueryError } from "./errors";
import { logRecordFields, runQuery } from "./run-query";

const FLOW =
  "2 123456789010 eni-1235b8ca123456789 172.31.16.139 172.31.16.21 20641 22 6 20 4249 1418530010 1418530070 ACCEPT OK";
const ADDRESSES = [
  "10.1.2.3",
  "192.0.2.255",
  "2001:db8::1",
  "2001:db8:0:ffff::1",
  "::ffff:10.1.2.3",
  "fe80::1",
  "256.1.1.1",
  "010.1.1.1",
  "1.2.3",
  "not-an-ip",
  "",
];

let store: EventStore;
beforeAll(async () => {
  store = await EventStore.open(":memory:");
  await store.createLogGroup({
    logGroupName: "g",
    creationTime: 1,
    arn: "arn:aws:logs:us-east-1:123456789012:log-group:g:*",
  });
  await store.append(
    "g",
    "s",
    [
      { timestamp: 1418530010000, message: FLOW },
      ...ADDRESSES.map((a, i) => ({ timestamp: 1418530020000 + i, message: `ip=${a}` })),
    ],
    1418530100000,
  );
});
afterAll(() => store.close());

const run = (queryString: string, logGroupNames = ["g"]) =>
  runQuery(store, { logGroupNames, startTime: 1418530000, endTime: 1418540000, queryString });

const values = async (queryString: string) =>
  (await run(queryString)).rows.map((row) =>
    Object.fromEntries(row.filter((f) => f.field !== "@ptr").map((f) => [f.field, f.value])),
  );

describe("runQuery", () => {
  it("refuses malformed queries with their position, and unknown log groups", async () => {
    await expect(run("fields a\n| stats avg(")).rejects.toMatchObject({
      name: "MalformedQueryError",
      line: 2,
      column: 13,
    });
    await expect(run("filter @message like /(?<=x)y/")).rejects.toBeInstanceOf(MalformedQueryError);
    await expect(run("filter @message like /(?<=x)y/")).rejects.toMatchObject({ line: 1, column: 22 });
    await expect(run('filter isIpv4InSubnet(@message, "10.0.0.0/33")')).rejects.toMatchObject({ column: 33 });
    await expect(run("fields @message", ["g", "missing"])).rejects.toBeInstanceOf(StoreError);
  });

  it("computes the IP functions for IPv4 and IPv6 as node:net and CIDR math would", async () => {
    const rows = await values(
      'parse @message "ip=*" as a | filter ispresent(a) | fields a, isValidIp(a) as ip, isValidIpV4(a) as v4, isValidIpV6(a) as v6, isIpInSubnet(a, "2001:db8::/32") as in6, isIpv4InSubnet(a, "10.0.0.0/8") as in4, isIpInSubnet(a, "192.0.2.128/25") as inNet | sort @timestamp asc',
    );
    expect(rows).toEqual([
      { a: "10.1.2.3", ip: "1", v4: "1", v6: "0", in6: "0", in4: "1", inNet: "0" },
      { a: "192.0.2.255", ip: "1", v4: "1", v6: "0", in6: "0", in4: "0", inNet: "1" },
      { a: "2001:db8::1", ip: "1", v4: "0", v6: "1", in6: "1", in4: "0", inNet: "0" },
      { a: "2001:db8:0:ffff::1", ip: "1", v4: "0", v6: "1", in6: "1", in4: "0", inNet: "0" },
      { a: "::ffff:10.1.2.3", ip: "1", v4: "0", v6: "1", in6: "0", in4: "0", inNet: "0" },
      { a: "fe80::1", ip: "1", v4: "0", v6: "1", in6: "0", in4: "0", inNet: "0" },
      ...["256.1.1.1", "010.1.1.1", "1.2.3", "not-an-ip", ""].map((a) => ({
        a,
        ip: "0",
        v4: "0",
        v6: "0",
        in6: "0",
        in4: "0",
        inNet: "0",
      })),
    ]);
    const dynamic = await values(
      'parse @message "ip=*" as a | filter isIpInSubnet(a, concat("2001:db8:0:", "ffff::/64")) | fields a',
    );
    expect(dynamic).toEqual([{ a: "2001:db8:0:ffff::1" }]);
  });

  it("formats values as Insights returns them", async () => {
    const [row] = await values(
      "filter ispresent(srcAddr) | fields @timestamp, @ingestionTime, bytes / 2 as half, bytes / 3 as third, bytes * 1.0 as same, trim('  x  ') as t, replace(action, 'CC', 'x') as r, strcontains(action, 'EPT') as c, isblank('   ') as b, log(1) as l, sqrt(-1) as nan",
    );
    expect(row).toEqual({
      "@timestamp": "2014-12-14 04:06:50.000",
      "@ingestionTime": "2014-12-14 04:08:20.000",
      half: "2124.5",
      third: String(4249 / 3),
      same: "4249",
      t: "x",
      r: "AxEPT",
      c: "1",
      b: "1",
      l: "0",
    });
  });

  it("maps an event to GetLogRecord fields", async () => {
    const [row] = (await run("filter ispresent(srcAddr) | fields @ptr")).rows;
    const record = await store.getByPointer(row?.find((f) => f.field === "@ptr")?.value ?? "");
    expect(record && logRecordFields(record)).toMatchObject({
      "@timestamp": "1418530010000",
      "@log": "123456789012:g",
      "@logStream": "s",
      srcAddr: "172.31.16.139",
      bytes: "4249",
      startTime: "1418530010",
    });
  });
});
