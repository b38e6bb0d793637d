import { afterEach, expect, test, vi } from "vitest";
import { parseRegionParam } from "./region-param";

afterEach(() => vi.unstubAllEnvs());

test.each([
  { input: undefined, ok: true, region: "eu-west-1" },
  { input: "", ok: true, region: "eu-west-1" },
  { input: "us-east-2", ok: true, region: "us-east-2" },
  { input: ["ap-southeast-2", "us-east-1"], ok: true, region: "ap-southeast-2" },
  { input: "us-gov-west-1", ok: true, region: "us-gov-west-1" },
  { input: "US-EAST-1", ok: false },
  { input: "us-east-1; rm -rf /", ok: false },
  { input: "../../etc", ok: false },
  { input: "x".repeat(100), ok: false },
])("region $input → ok=$ok", ({ input, ok, region }) => {
  vi.stubEnv("AWS_REGION", "eu-west-1");
  const parsed = parseRegionParam(input);
  expect(parsed.ok).toBe(ok);
  if (parsed.ok) expect(parsed.region).toBe(region);
  else expect(parsed).toMatchObject({ field: "region", message: expect.stringContaining("region") });
});
