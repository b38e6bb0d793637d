import { describe, expect, it } from "vitest";
import { appEnv, EMULATOR_CREDENTIALS } from "./start-env";

/** Next's types make NODE_ENV a required variable; these tables do without it. */
const asEnv = (vars: Record<string, string>) => vars as Readonly<Record<string, string>> as NodeJS.ProcessEnv;

const common = { port: 3210, authSecret: "s3cret", dataDir: "/srv/flowscope" };

describe("appEnv", () => {
  it("points the SDK at the emulator with dummy keys, whatever the user's AWS settings", () => {
    const env = appEnv(
      asEnv({
        PATH: "/bin",
        PORT: "9999",
        AWS_PROFILE: "prod",
        AWS_SESSION_TOKEN: "t",
        AWS_ACCESS_KEY_ID: "AKIAREAL",
        AWS_ENDPOINT_URL_EC2: "https://ec2.example",
        AWS_DEFAULT_REGION: "ap-south-1",
      }),
      { ...common, source: { kind: "emulator", endpoint: "http://127.0.0.1:4577", region: "us-east-1" } },
    );
    expect(env).toEqual({
      PATH: "/bin",
      NEXT_TELEMETRY_DISABLED: "1",
      AUTH_SECRET: "s3cret",
      AUTH_URL: "http://localhost:3210",
      AUTH_TRUST_HOST: "true",
      FLOWSCOPE_DATA_DIR: "/srv/flowscope",
      FLOWSCOPE_SOURCE: "emulator",
      AWS_REGION: "us-east-1",
      AWS_ENDPOINT_URL: "http://127.0.0.1:4577",
      AWS_EC2_METADATA_DISABLED: "true",
      ...EMULATOR_CREDENTIALS,
    });
  });

  it("leaves the user's AWS settings alone for real AWS", () => {
    const env = appEnv(asEnv({ AWS_PROFILE: "prod", AWS_ENDPOINT_URL_EC2: "https://vpce.example" }), {
      ...common,
      source: { kind: "aws", region: "eu-west-1" },
    });
    expect(env).toMatchObject({
      AWS_PROFILE: "prod",
      AWS_ENDPOINT_URL_EC2: "https://vpce.example",
      AWS_REGION: "eu-west-1",
      FLOWSCOPE_SOURCE: "aws",
    });
    expect(env.AWS_ENDPOINT_URL).toBeUndefined();
    expect(env.AWS_ACCESS_KEY_ID).toBeUndefined();
  });
});
