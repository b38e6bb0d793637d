import { Suspense } from "react";
import { FlowLogTable } from "@/components/overview/flow-log-table";
import { Notice } from "@/components/ui/notice";
import { Skeleton } from "@/components/ui/skeleton";
import { requireSession } from "@/lib/auth/guards";
import { describeAwsError } from "@/lib/aws/errors";
import { listFlowLogs } from "@/lib/aws/flow-logs";
import { parseRegionParam } from "@/lib/config/region-param";

export const metadata = { title: "Flow logs · Flowscope" };

async function FlowLogSection({ region }: { region: string }) {
  try {
    const logs = await listFlowLogs(region);
    if (logs.length === 0)
      return <Notice title={`No flow logs in ${region}`}>Nothing in this region is recorded yet.</Notice>;
    return <FlowLogTable logs={logs} />;
  } catch (err) {
    const e = describeAwsError(err);
    console.error(`[flowscope] flow logs ${region} failed: ${e.code}: ${e.message}`);
    return (
      <Notice tone="error" title="Could not list the flow logs">
        {e.code}: {e.message}
      </Notice>
    );
  }
}

export default async function FlowLogsPage({ searchParams }: PageProps<"/flow-logs">) {
  // The layout checks too, but a soft navigation may render the page without it.
  await requireSession("/flow-logs");
  const region = parseRegionParam((await searchParams).region);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Flow logs</h1>
      <p className="text-sm text-slate-600">
        Flow logs cannot be edited after creation. Deleting a VPC, subnet or interface deletes its flow logs;
        records already delivered stay in their destination. Ingestion into CloudWatch Logs is billed per GB.
      </p>
      {region.ok ? (
        <Suspense key={region.region} fallback={<Skeleton label="Loading flow logs" />}>
          <FlowLogSection region={region.region} />
        </Suspense>
      ) : (
        <Notice tone="error" title="Bad region in the URL">
          {region.message}
        </Notice>
      )}
    </div>
  );
}
