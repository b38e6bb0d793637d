import { BadParam } from "@/components/traffic/bad-param";
import { SegmentedLinks } from "@/components/traffic/segmented-links";
import { Notice } from "@/components/ui/notice";
import { awsClients } from "@/lib/aws/clients";
import { describeAwsError } from "@/lib/aws/errors";
import { loadOverview } from "@/lib/aws/overview";
import { loadTrafficScope } from "@/lib/aws/traffic-scope";
import { resolveInstance } from "@/lib/flows/instance";
import { type FlowsPageState, flowsHref } from "@/lib/flows/search-params";
import type { VpcCoverage } from "@/lib/topology/coverage";
import { checkScope, defaultVpc, scopeChoices } from "@/lib/traffic/scope";
import { FilterForm } from "./filter-form";
import { FlowGroups } from "./flow-groups";
import { FlowsResults } from "./flows-results";
import { FlowsToolbar } from "./flows-toolbar";

/** Scope, range and filters of one VPC, then its records (or groups); the records query runs from the browser. */
export async function FlowsScreen({ state }: { state: FlowsPageState }) {
  const { region } = state;
  let vpcs: VpcCoverage[];
  try {
    vpcs = await loadOverview(region);
  } catch (err) {
    const e = describeAwsError(err);
    return (
      <Notice tone="error" title={`Could not read the VPCs of ${region}`}>
        {e.code}: {e.message}
      </Notice>
    );
  }
  const vpc = vpcs.find((v) => v.id === state.vpc);
  if (!vpc) {
    const first = defaultVpc(vpcs);
    if (!first)
      return <Notice title={`No VPCs in ${region}`}>This account has no VPCs in this region.</Notice>;
    const fix = { href: flowsHref({ ...state, vpc: first.id }), label: `Open ${first.name ?? first.id}` };
    const message = `vpc is not a VPC of this account in ${region}`;
    return <BadParam field="vpc" value={state.vpc} message={message} fix={fix} />;
  }
  const scope = checkScope(vpc, state);
  if (!scope.ok) {
    const fix = {
      href: flowsHref(state, { subnet: undefined, eni: undefined }),
      label: "Open the whole VPC",
    };
    return <BadParam field={scope.field} message={scope.message} fix={fix} />;
  }
  const resolved = { ...state, vpc: vpc.id };
  const instanceError = await checkInstance(resolved);
  const links = {
    flowLogs: `/flow-logs?region=${encodeURIComponent(region)}`,
    clearFilters: flowsHref({
      region,
      vpc: vpc.id,
      range: state.range,
      action: "ANY",
      view: state.view,
      group: state.group,
    }),
  };
  const views = [
    {
      key: "table",
      label: "Records",
      href: flowsHref(resolved, { view: "table" }),
      active: state.view === "table",
    },
    {
      key: "group",
      label: "Group by",
      href: flowsHref(resolved, { view: "group" }),
      active: state.view === "group",
    },
  ];
  const filterKey = flowsHref(resolved, { view: "table", group: "sources" });
  return (
    <div className="space-y-4">
      <FlowsToolbar state={resolved} choices={scopeChoices(vpcs, vpc)} />
      <FilterForm key={filterKey} state={resolved} serverError={instanceError} />
      <SegmentedLinks label="View" items={views} />
      {instanceError ? null : state.view === "table" ? (
        <FlowsResults state={resolved} links={links} />
      ) : (
        <FlowGroups state={resolved} links={links} />
      )}
    </div>
  );
}

/**
 * An instance filter that names no instance (or several) is a bad field, shown beside it; no query runs.
 * The scope is cached and shared with the records API, so this costs no extra EC2 call there.
 */
async function checkInstance(
  state: FlowsPageState & { vpc: string },
): Promise<{ field: string; message: string } | undefined> {
  if (state.instance === undefined) return undefined;
  try {
    const target = { vpcId: state.vpc, subnetId: state.subnet, eniId: state.eni };
    const { inventory } = await loadTrafficScope(awsClients(state.region).ec2, state.region, target);
    const resolved = resolveInstance(inventory, state.instance, state.vpc);
    return resolved.ok ? undefined : { field: "instance", message: `Instance: ${resolved.message}` };
  } catch {
    return undefined; // the records API reports AWS errors in its panel, with Retry
  }
}
