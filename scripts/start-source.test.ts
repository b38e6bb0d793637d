import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { StartOptions } from "./start-args";
import { chooseSource, imdsAllowed } from "./start-source";

const UNSET = [
  "AWS_PROFILE",
  "AWS_ACCESS_KEY_ID",
  "AWS_SECRET_ACCESS_KEY",
  "AWS_SESSION_TOKEN",
  "AWS_WEB_IDENTITY_TOKEN_FILE",
  "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
  "AWS_CONTAINER_CREDENTIALS_FULL_URI",
  "AWS_REGION",
  "AWS_DEFAULT_REGION",
];

const options: StartOptions = {
  port: 3000,
  emulatorPort: 4566,
  world: undefined,
  reset: false,
  demo: false,
  help: false,
};

describe("imdsAllowed", () => {
  it.each([
    [{}, false],
    [{ AWS_EC2_METADATA_DISABLED: "true" }, false],
    [{ FLOWSCOPE_USE_IMDS: "1" }, true],
    [{ FLOWSCOPE_USE_IMDS: "0" }, false],
    [{ AWS_EC2_METADATA_DISABLED: "false" }, true],
  ])("%j → %s", (env, allowed) => {
    expect(imdsAllowed(env)).toBe(allowed);
  });
});

describe("chooseSource", () => {
  beforeEach(() => {
    // A machine with no AWS configuration at all, whatever the developer's own.
    for (const name of UNSET) vi.stubEnv(name, undefined);
    vi.stubEnv("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/flowscope/credentials");
    vi.stubEnv("AWS_CONFIG_FILE", "/nonexistent/flowscope/config");
    vi.stubEnv("AWS_EC2_METADATA_DISABLED", "true");
  });

  afterEach(() => vi.unstubAllEnvs());

  it("uses the emulator when asked, without looking for credentials", async () => {
    vi.stubEnv("AWS_ACCESS_KEY_ID", "AKIAEXAMPLE");
    vi.stubEnv("AWS_SECRET_ACCESS_KEY", "secret");
    expect(await chooseSource({ ...options, demo: true })).toEqual({
      kind: "emulator",
      reason: "demo requested",
    });
    expect(await chooseSource({ ...options, world: "/w.json" })).toMatchObject({ kind: "emulator" });
  });

  it("falls back to the emulator when no credentials are found", async () => {
    expect(await chooseSource(options)).toEqual({ kind: "emulator", reason: "no AWS credentials found" });
  });

  it("uses AWS, in the configured region, when credentials are found", async () => {
    vi.stubEnv("AWS_ACCESS_KEY_ID", "AKIAEXAMPLE");
    vi.stubEnv("AWS_SECRET_ACCESS_KEY", "secret");
    vi.stubEnv("AWS_REGION", "eu-west-1");
    expect(await chooseSource(options)).toEqual({ kind: "aws", region: "eu-west-1" });
  });

  it("defaults the region to us-east-1", async () => {
    vi.stubEnv("AWS_ACCESS_KEY_ID", "AKIAEXAMPLE");
    vi.stubEnv("AWS_SECRET_ACCESS_KEY", "secret");
    expect(await chooseSource(options)).toEqual({ kind: "aws", region: "us-east-1" });
  });
});
