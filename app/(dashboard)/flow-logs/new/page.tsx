import Link from "next/link";
import { Suspense } from "react";
import { Notice } from "@/components/ui/notice";
import { Skeleton } from "@/components/ui/skeleton";
import { FlowLogWizard } from "@/components/wizard/wizard";
import { requireSession } from "@/lib/auth/guards";
import { hasRole } from "@/lib/auth/roles";
import { describeAwsError } from "@/lib/aws/errors";
import { loadOverview } from "@/lib/aws/overview";
import { deliveryRoleOptions, logGroupOptions, wizardContext } from "@/lib/aws/wizard-options";
import { parseRegionParam } from "@/lib/config/region-param";
import type { WizardState } from "@/lib/flow-log-wizard/state";

export const metadata = { title: "Create a flow log · Flowscope" };

const PREFILL_TYPES = ["VPC", "Subnet", "NetworkInterface"] as const;

function prefillOf(type: unknown, ids: unknown): Partial<WizardState> | undefined {
  const resourceType = PREFILL_TYPES.find((t) => t === type);
  if (!resourceType || typeof ids !== "string") return undefined;
  return {
    resourceType,
    resourceIds: ids.split(",").filter((id) => /^(vpc|subnet|eni)-[0-9a-f]+$/.test(id)),
  };
}

async function WizardSection({ region, prefill }: { region: string; prefill?: Partial<WizardState> }) {
  try {
    const ctx = await wizardContext(region);
    const [vpcs, roles, logGroups] = await Promise.all([
      loadOverview(region),
      deliveryRoleOptions(ctx),
      logGroupOptions(region),
    ]);
    return <FlowLogWizard options={{ ctx, vpcs, roles, logGroups }} prefill={prefill} />;
  } catch (err) {
    const e = describeAwsError(err);
    return (
      <Notice tone="error" title="Could not load what the wizard needs">
        {e.code}: {e.message}
      </Notice>
    );
  }
}

export default async function NewFlowLogPage({ searchParams }: PageProps<"/flow-logs/new">) {
  const session = await requireSession("/flow-logs/new");
  const params = await searchParams;
  const region = parseRegionParam(params.region);
  return (
    <div className="space-y-4">
      <div>
        <Link
          href={`/flow-logs${region.ok ? `?region=${region.region}` : ""}`}
          className="text-sm text-sky-700 hover:underline"
        >
          ← Flow logs
        </Link>
        <h1 className="text-2xl font-semibold">Create a flow log{region.ok ? ` in ${region.region}` : ""}</h1>
        <p className="text-sm text-slate-600">
          Flow logs cannot be edited after creation; each step says what a choice hides.
        </p>
      </div>
      {!hasRole(session.user.role, "operator") ? (
        <Notice tone="warn" title="You can't create flow logs">
          Creating flow logs needs the operator or admin role; you are signed in as a{" "}
          {session.user.role ?? "viewer"}. Ask an administrator, or browse the{" "}
          <Link href="/flow-logs" className="underline">
            inventory
          </Link>{" "}
          read-only.
        </Notice>
      ) : region.ok ? (
        <Suspense
          key={region.region}
          fallback={<Skeleton label="Loading the topology, roles and log groups" rows={8} />}
        >
          <WizardSection region={region.region} prefill={prefillOf(params.type, params.ids)} />
        </Suspense>
      ) : (
        <Notice tone="error" title="Bad region in the URL">
          {region.message}
        </Notice>
      )}
    </div>
  );
}
