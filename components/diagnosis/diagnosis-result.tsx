import { AwsErrorNotice } from "@/components/ui/aws-error-notice";
import { Notice } from "@/components/ui/notice";
import { diagnoseAccount } from "@/lib/aws/diagnose-account";
import { describeAwsError } from "@/lib/aws/errors";
import { insightsRunner } from "@/lib/aws/insights";
import { type DiagnoseParams, diagnoseHref } from "@/lib/diagnosis/search-params";
import {
  type DiagnoseInput,
  DiagnoseInputError,
  type DiagnosisTopology,
  type Verdict,
} from "@/lib/diagnosis/verdict";
import { EvidencePanel } from "./evidence-panel";
import { PathDiagram } from "./path-diagram";
import { AclRuleTable, SgRuleTable } from "./rule-table";

const VERDICT_TONE = {
  reachable: "bg-emerald-100 text-emerald-900",
  blocked: "bg-red-100 text-red-900",
  inconclusive: "bg-amber-100 text-amber-900",
} as const;

type Props = {
  topology: DiagnosisTopology;
  input: DiagnoseInput;
  window: { start: number; end: number };
  region: string;
  values: DiagnoseParams;
  userId: string;
};

/** Runs the diagnosis (configuration, then the flow-log evidence) and shows it. */
export async function DiagnosisResult({ topology, input, window, region, values, userId }: Props) {
  let verdict: Verdict;
  try {
    verdict = await diagnoseAccount({ region, input, window, userId, runner: insightsRunner(), topology });
  } catch (error) {
    if (error instanceof DiagnoseInputError)
      return (
        <Notice tone="error" title="Cannot diagnose this">
          {error.message}
        </Notice>
      );
    const e = describeAwsError(error);
    return <AwsErrorNotice title="Could not read the account" error={e} />;
  }
  return (
    <div className="space-y-6" data-testid="diagnosis">
      <p className="flex items-center gap-3">
        <span
          className={`rounded px-3 py-1 text-lg font-semibold uppercase ${VERDICT_TONE[verdict.verdict]}`}
          data-testid="verdict"
        >
          {verdict.verdict}
        </span>
        <a href={diagnoseHref(values)} className="text-sm text-sky-700 underline" data-testid="share-link">
          Shareable link
        </a>
      </p>
      {verdict.explanations.map((e) => {
        const acl = topology.NetworkAcls?.find((a) => a.NetworkAclId === e.resourceId);
        const group = topology.SecurityGroups?.find((g) => g.GroupId === e.resourceId);
        return (
          <section
            key={`${e.code}-${e.resourceId}-${e.path ?? ""}-${e.direction ?? ""}`}
            className="space-y-2 rounded-lg border border-red-200 p-4"
            data-testid="explanation"
          >
            <h2 className="font-mono text-sm font-semibold">
              {e.code} · {e.resourceId}
              {e.ruleNumber !== undefined ? ` · rule ${e.ruleNumber >= 32767 ? "*" : e.ruleNumber}` : ""}
            </h2>
            <p className="text-sm">{e.message}</p>
            <p className="text-sm">
              <span className="font-semibold">Fix: </span>
              {e.fix}
            </p>
            {e.awsCli && (
              <pre
                className="overflow-auto rounded bg-slate-900 p-2 text-xs text-slate-100"
                data-testid="aws-cli"
              >
                {e.awsCli}
              </pre>
            )}
            {acl && <AclRuleTable acl={acl} explanation={e} />}
            {group && <SgRuleTable group={group} explanation={e} />}
          </section>
        );
      })}
      <PathDiagram hops={verdict.hops} />
      {verdict.evidence && <EvidencePanel evidence={verdict.evidence} />}
    </div>
  );
}
