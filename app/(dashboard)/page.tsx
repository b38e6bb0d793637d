import { Suspense } from "react";
import { OverviewSection } from "@/components/overview/overview-section";
import { Notice } from "@/components/ui/notice";
import { Skeleton } from "@/components/ui/skeleton";
import { requireSession } from "@/lib/auth/guards";
import { parseRegionParam } from "@/lib/config/region-param";

export const metadata = { title: "Overview · Flowscope" };

export default async function OverviewPage({ searchParams }: PageProps<"/">) {
  // The layout checks too, but a soft navigation may render the page without it.
  await requireSession("/");
  const region = parseRegionParam((await searchParams).region);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Overview</h1>
        <p className="text-sm text-slate-600">
          VPCs{region.ok ? ` in ${region.region}` : ""} and which of their subnets and interfaces a flow log
          records. Deleting a VPC, subnet or interface also deletes its flow logs.
        </p>
      </div>
      {region.ok ? (
        <Suspense key={region.region} fallback={<Skeleton rows={6} label="Loading VPCs" />}>
          <OverviewSection region={region.region} />
        </Suspense>
      ) : (
        <Notice tone="error" title="Bad region in the URL">
          {region.message}
        </Notice>
      )}
    </div>
  );
}
