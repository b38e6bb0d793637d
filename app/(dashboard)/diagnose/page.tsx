import { Suspense } from "react";
import { DiagnoseForm } from "@/components/diagnosis/diagnose-form";
import { DiagnosisResult } from "@/components/diagnosis/diagnosis-result";
import { AwsErrorNotice } from "@/components/ui/aws-error-notice";
import { Notice } from "@/components/ui/notice";
import { Skeleton } from "@/components/ui/skeleton";
import { auth } from "@/lib/auth/auth";
import { requireSession } from "@/lib/auth/guards";
import { awsClients } from "@/lib/aws/clients";
import { liveTopology } from "@/lib/aws/diagnosis-topology";
import { describeAwsError } from "@/lib/aws/errors";
import { parseRegionParam } from "@/lib/config/region-param";
import { endOptions } from "@/lib/diagnosis/pickers";
import { type DiagnoseQuery, parseDiagnoseParams } from "@/lib/diagnosis/search-params";
import type { DiagnosisTopology } from "@/lib/diagnosis/verdict";

export const metadata = { title: "Diagnose · Flowscope" };

async function DiagnoseScreen({ query, region }: { query: DiagnoseQuery; region: string }) {
  let topology: DiagnosisTopology;
  // The runner shares Logs Insights capacity fairly per signed-in user.
  const user = (await auth())?.user;
  const userId = user?.email ?? user?.name ?? "anonymous";
  try {
    topology = await liveTopology(awsClients(region).ec2);
  } catch (error) {
    const e = describeAwsError(error);
    return <AwsErrorNotice title="Could not read the account" error={e} />;
  }
  return (
    <div className="space-y-6">
      <DiagnoseForm values={query.values} ends={endOptions(topology)} />
      {query.kind === "bad" && (
        <Notice tone="error" title="Check the question">
          {query.message}
        </Notice>
      )}
      {query.kind === "ok" && (
        <DiagnosisResult
          topology={topology}
          input={query.input}
          window={{ start: query.start, end: query.end }}
          region={region}
          values={query.values}
          userId={userId}
        />
      )}
    </div>
  );
}

export default async function DiagnosePage({ searchParams }: PageProps<"/diagnose">) {
  // The layout checks too, but a soft navigation may render the page without it.
  await requireSession("/diagnose");
  const params = await searchParams;
  const region = parseRegionParam(params.region);
  const query = parseDiagnoseParams(params, Date.now());
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Diagnose</h1>
      <p className="text-sm text-slate-600">
        Why is traffic not reaching my instance? Security groups, network ACLs, routes and instance state,
        evaluated both ways, joined with what the flow logs recorded for the same traffic.
      </p>
      {region.ok ? (
        <Suspense key={JSON.stringify(query.values)} fallback={<Skeleton label="Diagnosing" />}>
          <DiagnoseScreen query={query} region={region.region} />
        </Suspense>
      ) : (
        <Notice tone="error" title="Bad region in the URL">
          {region.message}
        </Notice>
      )}
    </div>
  );
}
