/**
 * `npm run --silent diagnose -- --world FILE --from X --to Y --protocol tcp --port N [--json]`
 * Prints the verdict (JSON with --json) and exits 0 reachable, 1 blocked, 2 inconclusive, 64 bad input.
 */
import { readFile } from "node:fs/promises";
import type { World } from "@/emulator/world/types";
import { awsClients } from "@/lib/aws/clients";
import { diagnoseAccount } from "@/lib/aws/diagnose-account";
import { describeAwsError } from "@/lib/aws/errors";
import { InsightsRunner } from "@/lib/aws/insights-runner";
import { diagnose, resolveQuestion } from "@/lib/diagnosis/diagnose";
import { withEvidence } from "@/lib/diagnosis/evidence";
import { DiagnoseInputError, type Verdict } from "@/lib/diagnosis/verdict";
import { DIAGNOSE_USAGE, type DiagnoseArgs, parseDiagnoseArgs, UsageError } from "./diagnose-args";
import { summarize } from "./diagnose-summary";
import { topologyOf, worldEvidence } from "./diagnose-world";

const EX_USAGE = 64;
const EXIT = { reachable: 0, blocked: 1, inconclusive: 2 } as const;
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

async function fromWorld(args: DiagnoseArgs, now: number): Promise<Verdict> {
  const file = args.world ?? "";
  let world: World;
  try {
    world = JSON.parse(await readFile(file, "utf8")) as World;
  } catch (error) {
    throw new UsageError(
      `cannot read the world file ${file}: ${error instanceof Error ? error.message : error}`,
    );
  }
  const topology = topologyOf(world);
  const verdict = diagnose(topology, args.input);
  const question = resolveQuestion(topology, args.input);
  return withEvidence(verdict, worldEvidence(world, question, { start: args.start, end: args.end, now }));
}

async function fromAccount(args: DiagnoseArgs): Promise<Verdict> {
  const region = args.region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? "us-east-1";
  const runner = new InsightsRunner({ logs: (r) => awsClients(r).logs });
  const window = { start: args.start, end: args.end };
  return diagnoseAccount({ region, input: args.input, window, userId: "cli", runner });
}

async function main(): Promise<number> {
  const now = Date.now();
  let args: DiagnoseArgs;
  try {
    args = parseDiagnoseArgs(process.argv.slice(2), now);
    if (args.help) {
      process.stdout.write(`${DIAGNOSE_USAGE}\n`);
      return 0;
    }
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`diagnose: ${error.message}\n\n${DIAGNOSE_USAGE}\n`);
    return EX_USAGE;
  }
  try {
    const verdict = args.world ? await fromWorld(args, now) : await fromAccount(args);
    process.stdout.write(args.json ? `${JSON.stringify(verdict, null, 2)}\n` : `${summarize(verdict)}\n`);
    return EXIT[verdict.verdict];
  } catch (error) {
    if (error instanceof UsageError || error instanceof DiagnoseInputError) {
      process.stderr.write(`diagnose: ${error.message}\n`);
      return EX_USAGE;
    }
    const { code, message } = describeAwsError(error);
    process.stderr.write(`diagnose: ${code}: ${message}\n`);
    return EXIT.inconclusive;
  }
}

process.exitCode = await main();
