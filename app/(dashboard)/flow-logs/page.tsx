import Link from "next/link";
import { Suspense } from "react";
import { CoverageGaps } from "@/components/flow-logs/coverage-gaps";
import { InventoryTable } from "@/components/flow-logs/inventory-table";
import { RecentChanges } from "@/components/flow-logs/recent-changes";
import { Notice } from "@/components/ui/notice";
import { Skeleton } from "@/components/ui/skeleton";
import { readAudit } from "@/lib/audit/audit-log";
import { requireSession } from "@/lib/auth/guards";
import { hasRole } from "@/lib/auth/roles";
import { awsClients } from "@/lib/aws/clients";
import { describeAwsError } from "@/lib/aws/errors";
import { loadTopology } from "@/lib/aws/topology";
import { parseRegionParam } from "@/lib/config/region-param";
import { computeCoverage, type VpcCoverage } from "@/lib/topology/coverage";

export const metadata = { title: "Flow logs · Flowscope" };

function resourceNames(vpcs: VpcCoverage[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const vpc of vpcs) {
    if (vpc.name) names.set(vpc.id, vpc.name);
    for (const subnet of vpc.subnets) {
      if (subnet.name) names.set(subnet.id, subnet.name);
      for (const eni of subnet.interfaces) names.set(eni.id, eni.label);
    }
  }
  return names;
}

async function InventorySection({ region, canEdit }: { region: string; canEdit: boolean }) {
  try {
    const raw = await loadTopology(awsClients(region).ec2);
    const vpcs = computeCoverage(raw);
    const logs = [...raw.FlowLogs].sort((a, b) =>
      String(b.CreationTime ?? "").localeCompare(String(a.CreationTime ?? "")),
    );
    return (
      <div className="space-y-6">
        {logs.length === 0 ? (
          <Notice title={`No flow logs in ${region}`}>Nothing in this region is recorded yet.</Notice>
        ) : (
          <InventoryTable logs={logs} names={resourceNames(vpcs)} region={region} canDelete={canEdit} />
        )}
        <section className="space-y-2">
          <h2 className="text-lg font-semibold">Coverage gaps</h2>
          <p className="text-sm text-slate-600">
            Resources that no delivering flow log records (on the resource itself or inherited from its subnet
            or VPC); a flow log whose delivery FAILED records nothing.
          </p>
          <CoverageGaps vpcs={vpcs} region={region} canCreate={canEdit} />
        </section>
      </div>
    );
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
  const session = await requireSession("/flow-logs");
  const params = await searchParams;
  const region = parseRegionParam(params.region);
  const canEdit = hasRole(session.user.role, "operator");
  const created = typeof params.created === "string" ? params.created : undefined;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">Flow logs</h1>
        {canEdit ? (
          <Link
            href={`/flow-logs/new?step=resources${region.ok ? `&region=${region.region}` : ""}`}
            className="rounded bg-sky-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-800"
          >
            Create flow log
          </Link>
        ) : (
          <span className="text-sm text-slate-500" data-testid="read-only">
            Read-only: creating and deleting flow logs needs the operator role.
          </span>
        )}
      </div>
      <p className="text-sm text-slate-600">
        Flow logs cannot be edited after creation: delete and create again. Deleting a VPC, subnet or
        interface deletes its flow logs; records already delivered stay in their destination. Ingestion into
        CloudWatch Logs is billed per GB.
      </p>
      {created && (
        <Notice title="Flow log created">
          {created.split(",").join(", ")}: records arrive after the aggregation interval plus the delivery
          delay (about 5–10 minutes on AWS).
        </Notice>
      )}
      {region.ok ? (
        <Suspense key={region.region} fallback={<Skeleton label="Loading flow logs" />}>
          <InventorySection region={region.region} canEdit={canEdit} />
        </Suspense>
      ) : (
        <Notice tone="error" title="Bad region in the URL">
          {region.message}
        </Notice>
      )}
      <section className="space-y-2">
        <h2 className="text-lg font-semibold">Recent changes</h2>
        <RecentChanges entries={readAudit(50)} />
      </section>
    </div>
  );
}
