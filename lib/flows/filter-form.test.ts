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
  ])("%j sets %j", (values, expected) => {
    const check = checkFilterForm(values);
    expect(check.ok && check.patch).toMatchObject(expected);
  });
});
