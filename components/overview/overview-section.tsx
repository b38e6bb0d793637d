import { AwsErrorNotice } from "@/components/ui/aws-error-notice";
import { Notice } from "@/components/ui/notice";
import { describeAwsError } from "@/lib/aws/errors";
import { loadOverview } from "@/lib/aws/overview";
import type { VpcCoverage } from "@/lib/topology/coverage";
import { VpcCoverageDetail } from "./vpc-coverage-detail";
import { VpcSummaryTable } from "./vpc-summary-table";

export async function OverviewSection({ region }: { region: string }) {
  let vpcs: VpcCoverage[];
  try {
    vpcs = await loadOverview(region);
  } catch (err) {
    const e = describeAwsError(err);
    console.error(`[flowscope] overview ${region} failed: ${e.code}: ${e.message}`);
    return <AwsErrorNotice title={`Could not read the VPCs of ${region}`} error={e} />;
  }
  if (vpcs.length === 0) {
    return (
      <Notice title={`No VPCs in ${region}`}>
        This account has no VPCs in this region. Pick another region above.
      </Notice>
    );
  }
  const uncovered = vpcs.flatMap((v) => v.subnets).filter((s) => s.traffic === "NONE").length;
  return (
    <div className="space-y-6">
      <VpcSummaryTable vpcs={vpcs} />
      {uncovered > 0 && (
        <Notice tone="warn" title={`${uncovered} subnet${uncovered === 1 ? "" : "s"} without any flow log`}>
          Traffic there leaves no record: no chart, no evidence for a diagnosis. Create a flow log on the
          subnet or its VPC.
        </Notice>
      )}
      {vpcs.map((v) => (
        <VpcCoverageDetail key={v.id} vpc={v} />
      ))}
    </div>
  );
}
