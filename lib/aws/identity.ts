import "server-only";
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { awsClients } from "./clients";

export type DataSource = { kind: "emulator" | "aws"; accountId?: string; error?: string };

let cached: { at: number; value: DataSource } | undefined;
const TTL_MS = 5 * 60_000;

/** Which account the dashboard reads, and whether it is the embedded emulator or real AWS. */
export async function dataSource(region: string): Promise<DataSource> {
  if (cached && Date.now() - cached.at < TTL_MS) return cached.value;
  const kind = process.env.FLOWSCOPE_SOURCE === "emulator" ? "emulator" : "aws";
  let value: DataSource;
  try {
    const id = await awsClients(region).sts.send(new GetCallerIdentityCommand({}));
    value = { kind, accountId: id.Account };
  } catch (err) {
    value = { kind, error: err instanceof Error ? err.message : String(err) };
    console.error(`[flowscope] STS GetCallerIdentity failed: ${value.error}`);
    return value; // not cached: the next page view tries again
  }
  cached = { at: Date.now(), value };
  return value;
}
