/**
 * `npm run world:export -- [--region R] [--vpc vpc-…]… [--records-since 2h] [--max-records N] > world.json`
 * The world file goes to stdout, progress and warnings to stderr. Exits 64 on bad arguments, 1 when AWS
 * refuses or fails (with its error code and message).
 */
import { EC2Client } from "@aws-sdk/client-ec2";
import { awsClients } from "@/lib/aws/clients";
import { describeAwsError } from "@/lib/aws/errors";
import {
  parseWorldExportArgs,
  UsageError,
  WORLD_EXPORT_USAGE,
  type WorldExportArgs,
} from "./world-export-args";
import { exportWorld } from "./world-export-build";

const EX_USAGE = 64;
// The SDK's notice about future Node versions is not this command's business (npm start hides it too).
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

const log = (line: string) => process.stderr.write(`world:export: ${line}\n`);

async function main(): Promise<number> {
  let args: WorldExportArgs;
  let region: string;
  try {
    args = parseWorldExportArgs(process.argv.slice(2), Date.now());
    if (args.help) {
      process.stdout.write(`${WORLD_EXPORT_USAGE}\n`);
      return 0;
    }
    region = args.region ?? (await defaultRegion());
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`world:export: ${error.message}\n\n${WORLD_EXPORT_USAGE}\n`);
    return EX_USAGE;
  }
  if (process.env.AWS_ENDPOINT_URL) log(`reading from ${process.env.AWS_ENDPOINT_URL} (AWS_ENDPOINT_URL)`);
  try {
    const world = await exportWorld(awsClients(region), {
      region,
      vpcIds: args.vpcIds,
      recordsSince: args.recordsSince,
      maxRecords: args.maxRecords,
      log,
    });
    process.stdout.write(`${JSON.stringify(world, null, 2)}\n`);
  } catch (error) {
    const { code, message } = describeAwsError(error);
    const hint =
      code === "CredentialsProviderError"
        ? "No AWS credentials were found: configure them (aws configure, AWS_PROFILE, …), or set AWS_ENDPOINT_URL to export from an emulator."
        : message;
    log(`${code}: ${hint}`);
    return 1;
  }
  log("done. The file holds this account's network map, addresses and traffic: share it with care.");
  return 0;
}

/** The region the SDK would use on its own (AWS_REGION, the profile's region). */
async function defaultRegion(): Promise<string> {
  const client = new EC2Client({});
  try {
    return await client.config.region();
  } catch {
    throw new UsageError("no region configured: pass --region or set AWS_REGION");
  } finally {
    client.destroy();
  }
}

process.exitCode = await main();
