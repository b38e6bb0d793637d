import "server-only";
import { diagnose, resolveQuestion } from "@/lib/diagnosis/diagnose";
import { withEvidence } from "@/lib/diagnosis/evidence";
import type { DiagnoseInput, DiagnosisTopology, Verdict } from "@/lib/diagnosis/verdict";
import { awsClients } from "./clients";
import { diagnosisEvidence } from "./diagnosis-evidence";
import { liveTopology } from "./diagnosis-topology";
import type { InsightsRunner } from "./insights-runner";

export type DiagnoseAccountOptions = {
  region: string;
  input: DiagnoseInput;
  window: { start: number; end: number };
  userId: string;
  runner: InsightsRunner;
  /** Already loaded (the page loads it for its pickers); read from EC2 otherwise. */
  topology?: DiagnosisTopology;
};

/**
 * The verdict for one question against the account the SDK reaches: configuration first, then the
 * flow-log evidence for the same 5-tuple. The page, the API and the CLI all answer through this.
 */
export async function diagnoseAccount(opts: DiagnoseAccountOptions): Promise<Verdict> {
  const { ec2 } = awsClients(opts.region);
  const topology = opts.topology ?? (await liveTopology(ec2));
  const configuration = diagnose(topology, opts.input);
  const ctx = { ec2, runner: opts.runner, region: opts.region, userId: opts.userId, now: Date.now() };
  const evidence = await diagnosisEvidence(resolveQuestion(topology, opts.input), opts.window, ctx);
  return withEvidence(configuration, evidence);
}
