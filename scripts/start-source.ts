import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { fromNodeProviderChain } from "@aws-sdk/credential-providers";
import type { StartOptions } from "./start-args";

export type SourceChoice = { kind: "emulator"; reason: string } | { kind: "aws"; region: string };

export const DEFAULT_AWS_REGION = "us-east-1";
const PROBE_TIMEOUT_MS = 5_000;

/**
 * The user opted in to the EC2 instance metadata service. Without that, nothing this script starts may
 * send a request to 169.254.169.254: on a laptop or CI box it only times out, and on some networks it is
 * not ours to ask.
 */
export function imdsAllowed(env: Readonly<Record<string, string | undefined>>): boolean {
  return env.FLOWSCOPE_USE_IMDS === "1" || env.AWS_EC2_METADATA_DISABLED === "false";
}

/** Emulator when asked for (or when no AWS credentials can be found), real AWS otherwise. */
export async function chooseSource(options: StartOptions): Promise<SourceChoice> {
  if (options.world) return { kind: "emulator", reason: `world file ${options.world}` };
  if (options.demo) return { kind: "emulator", reason: "demo requested" };
  const missing = await credentialsMissing();
  if (missing) return { kind: "emulator", reason: missing };
  return { kind: "aws", region: await resolveRegion() };
}

/** Why the SDK's default chain finds no credentials, or undefined when it does. */
async function credentialsMissing(): Promise<string | undefined> {
  const provider = fromNodeProviderChain();
  try {
    const credentials = await withTimeout(provider(), PROBE_TIMEOUT_MS, "AWS credential lookup");
    return credentials.accessKeyId ? undefined : "AWS credentials with an empty access key";
  } catch (error) {
    const message = error instanceof Error ? firstLine(error.message) : String(error);
    // The chain's own summary when no provider applies; anything else (a broken profile…) is worth showing.
    return /could not load credentials from any providers/i.test(message)
      ? "no AWS credentials found"
      : `no usable AWS credentials: ${message}`;
  }
}

/** The region the SDK would use (AWS_REGION, the profile's region), else us-east-1. */
async function resolveRegion(): Promise<string> {
  try {
    return await new STSClient({}).config.region();
  } catch {
    return DEFAULT_AWS_REGION;
  }
}

export interface AwsIdentity {
  account: string;
  arn: string;
}

/** STS GetCallerIdentity, for the banner: which account the dashboard is about to show. */
export async function awsIdentity(region: string): Promise<AwsIdentity> {
  const client = new STSClient({ region, maxAttempts: 2 });
  try {
    const out = await client.send(new GetCallerIdentityCommand({}), {
      abortSignal: AbortSignal.timeout(PROBE_TIMEOUT_MS * 2),
    });
    return { account: out.Account ?? "unknown", arn: out.Arn ?? "unknown" };
  } finally {
    client.destroy();
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms / 1000}s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function firstLine(text: string): string {
  return text.split("\n", 1)[0] ?? text;
}
