import { describe, expect, test } from "vitest";
import { checkFilterForm } from "./filter-form";

describe("checkFilterForm", () => {
  test.each([
    [{ src: "10.0.0.0/99" }, "src"],
    [{ src: "not-an-ip" }, "src"],
    [{ dst: "10.0.0.1/33" }, "dst"],
    [{ srcPort: "70000" }, "srcPort"],
    [{ dstPort: "30-20" }, "dstPort"],
    [{ dstPort: "ssh" }, "dstPort"],
    [{ protocol: "tcpx" }, "protocol"],
    [{ protocol: "300" }, "protocol"],
    [{ tcpFlags: "SYNN" }, "tcpFlags"],
    [{ srcService: "s3" }, "srcService"],
    [{ dstService: "S 3" }, "dstService"],
    [{ q: "dstPort = 22 | fields @message" }, "q"],
    [{ trafficPath: "0" }, "trafficPath"],
    [{ trafficPath: "x" }, "trafficPath"],
    [{ pktSrc: "10.0.0.0/99" }, "pktSrc"],
    [{ pktDst: "host" }, "pktDst"],
    [{ q: "(dstPort = 22" }, "q"],
  ])("%j is rejected, naming %s", (values, field) => {
    const check = checkFilterForm(values);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.field).toBe(field);
  });

  test.each([
    [{ src: "10.0.0.0/16" }, { src: "10.0.0.0/16" }],
    [{ dstPort: " 22 " }, { dstPort: "22" }],
    [{ dstPort: "1024-65535" }, { dstPort: "1024-65535" }],
    [{ protocol: "UDP" }, { protocol: 17 }],
    [{ protocol: "6" }, { protocol: 6 }],
    [
      { action: "ANY", logStatus: "NODATA" },
      { action: "ANY", logStatus: "NODATA" },
    ],
    [{ src: "" }, { src: undefined }],
    [
      { tcpFlags: "syn ack", dstService: "S3", flowDirection: "ingress" },
      { tcpFlags: 18, dstService: "S3", flowDirection: "ingress" },
    ],
    [{ q: " dstPort = 22 " }, { q: "dstPort = 22" }],
    [{ q: "" }, { q: undefined }],
    [
      { trafficPath: "8", pktSrc: "10.0.0.0/16", pktDst: "10.1.2.3" },
      { trafficPath: 8, pktSrc: "10.0.0.0/16", pktDst: "10.1.2.3" },
    ],
  ])("%j sets %j", (values, expected) => {
    const check = checkFilterForm(values);
    expect(check.ok && check.patch).toMatchObject(expected);
  });
});
