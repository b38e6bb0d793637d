import { AwsErrorNotice } from "@/components/ui/aws-error-notice";
import { Notice } from "@/components/ui/notice";
import { describeAwsError } from "@/lib/aws/errors";
import { loadOverview } from "@/lib/aws/overview";
import type { VpcCoverage } from "@/lib/topology/coverage";
import { hasFilters, withoutFilters } from "@/lib/traffic/filters";
import { addressLabels, checkScope, defaultVpc, scopeChoices } from "@/lib/traffic/scope";
import { type ResolvedTrafficState, type TrafficPageState, trafficHref } from "@/lib/traffic/search-params";
import { BadParam } from "./bad-param";
import { FilterChips } from "./filter-chips";
import { RangeBar } from "./range-bar";
import { ScopePicker } from "./scope-picker";
import { TrafficBoard } from "./traffic-board";

/** The VPC the Traffic entry opens on, or undefined (no VPC, or EC2 failed: the screen then says which). */
export async function defaultVpcId(region: string): Promise<string | undefined> {
  try {
    return defaultVpc(await loadOverview(region))?.id;
  } catch {
    return undefined;
  }
}

/** Scope, time range and filters of one VPC, then its panels; each panel queries from the browser. */
export async function TrafficScreen({ state }: { state: TrafficPageState }) {
  const { region } = state;
  let vpcs: VpcCoverage[];
  try {
    vpcs = await loadOverview(region);
  } catch (err) {
    const e = describeAwsError(err);
    console.error(`[flowscope] traffic ${region} failed: ${e.code}: ${e.message}`);
    return <AwsErrorNotice title={`Could not read the VPCs of ${region}`} error={e} />;
  }
  if (vpcs.length === 0)
    return (
      <Notice title={`No VPCs in ${region}`}>
        This account has no VPCs in this region. Pick another region above.
      </Notice>
    );
  const vpc = vpcs.find((v) => v.id === state.vpc);
  if (!vpc) {
    // Typically the region switcher: it keeps the other parameters, and VPC ids are per region.
    const first = defaultVpc(vpcs);
    const fix = first && {
      href: trafficHref({ ...state, vpc: first.id }),
      label: `Open ${first.name ?? first.id}`,
    };
    return (
      <BadParam
        field="vpc"
        value={state.vpc}
        message={`vpc is not a VPC of this account in ${region}`}
        fix={fix}
      />
    );
  }
  const scope = checkScope(vpc, state);
  if (!scope.ok) {
    const whole = trafficHref({ ...state, subnet: undefined, eni: undefined });
    return (
      <BadParam
        field={scope.field}
        message={scope.message}
        fix={{ href: whole, label: "Open the whole VPC" }}
      />
    );
  }

  const resolved: ResolvedTrafficState = { ...state, vpc: vpc.id };
  const links = {
    flowLogs: `/flow-logs?region=${encodeURIComponent(region)}`,
    clearFilters: hasFilters(resolved) ? trafficHref(withoutFilters(resolved)) : undefined,
  };
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-x-6 gap-y-3">
        <ScopePicker state={resolved} choices={scopeChoices(vpcs, vpc)} />
        <RangeBar state={resolved} />
      </div>
      <FilterChips state={resolved} addressLabels={addressLabels(vpc)} />
      <TrafficBoard state={resolved} links={links} />
    </div>
  );
}
