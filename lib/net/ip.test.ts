import { describe, expect, test } from "vitest";
import { ipInCidr, isIpv4, isIpv6, isPrivateIp, parseCidr, parseIp } from "./ip";

describe("parseIp", () => {
  test.each([
    ["10.0.1.25", "ipv4"],
    ["2001:db8::1", "ipv6"],
    ["::ffff:10.0.0.1", "ipv6"],
    [" 10.0.0.1 ", "ipv4"],
    ["10.1", undefined],
    ["256.0.0.1", undefined],
    ["10.0.0.0/8", undefined],
    ["", undefined],
    ["not-an-ip", undefined],
  ])("%s → %s", (text, kind) => {
    expect(parseIp(text)?.kind()).toBe(kind);
  });
});

describe("parseCidr", () => {
  test.each([
    ["10.0.0.0/16", "10.0.0.0/16"],
    ["100.68.0.18/18", "100.68.0.0/18"],
    ["10.0.1.25", "10.0.1.25/32"],
    ["0.0.0.0/0", "0.0.0.0/0"],
    ["2001:db8::/32", "2001:db8::/32"],
    ["::/0", "::/0"],
    ["10.0.0.0/33", undefined],
    ["10.0.0.0/-1", undefined],
    ["10.0.0.0/", undefined],
    ["10.0.0.0/1a", undefined],
    ["2001:db8::/129", undefined],
  ])("%s → %s", (text, canonical) => {
    expect(parseCidr(text)?.text).toBe(canonical);
  });
});

describe("ipInCidr", () => {
  test.each([
    ["10.0.1.25", "10.0.0.0/16", true],
    ["10.1.1.25", "10.0.0.0/16", false],
    ["203.0.113.9", "0.0.0.0/0", true],
    ["2001:db8::1", "0.0.0.0/0", false],
    ["10.0.0.1", "::/0", false],
    ["2001:db8::1", "2001:db8::/32", true],
    ["2001:db9::1", "2001:db8::/32", false],
    ["10.0.0.1", "garbage", false],
    ["garbage", "10.0.0.0/8", false],
  ])("%s in %s: %s", (ip, cidr, expected) => {
    expect(ipInCidr(ip, cidr)).toBe(expected);
  });
});

test.each([
  ["10.0.0.1", true, true, false],
  ["172.16.5.4", true, true, false],
  ["100.64.1.1", true, true, false],
  ["169.254.169.254", true, true, false],
  ["203.0.113.9", false, true, false],
  ["fd00::1", true, false, true],
  ["2600:1f18::1", false, false, true],
])("%s private=%s v4=%s v6=%s", (ip, priv, v4, v6) => {
  expect([isPrivateIp(ip), isIpv4(ip), isIpv6(ip)]).toEqual([priv, v4, v6]);
});
