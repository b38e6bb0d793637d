import { redirect } from "next/navigation";
import { Suspense } from "react";
import { FlowsScreen } from "@/components/flows/flows-screen";
import { BadParam } from "@/components/traffic/bad-param";
import { defaultVpcId } from "@/components/traffic/traffic-screen";
import { Skeleton } from "@/components/ui/skeleton";
import { requireSession } from "@/lib/auth/guards";
import { parseFlowsPage } from "@/lib/flows/parse-page";
import { flowsHref } from "@/lib/flows/search-params";

export const metadata = { title: "Flows · Flowscope" };

export default async function FlowsPage({ searchParams }: PageProps<"/flows">) {
  // The layout checks too, but a soft navigation may render the page without it.
  await requireSession("/flows");
  const parsed = parseFlowsPage(await searchParams, Date.now());
  if (parsed.ok && !parsed.state.vpc) {
    // The Flows entry of the navigation carries no VPC: land on one, so the first view is its rejected flows.
    const vpc = await defaultVpcId(parsed.state.region);
    if (vpc) redirect(flowsHref({ ...parsed.state, vpc }));
  }
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Flows</h1>
      {parsed.ok ? (
        <Suspense
          key={`${parsed.state.region}/${parsed.state.vpc}`}
          fallback={<Skeleton rows={8} label="Loading the VPC" />}
        >
          <FlowsScreen state={parsed.state} />
        </Suspense>
      ) : (
        <BadParam
          field={parsed.field}
          value={parsed.value}
          message={parsed.message}
          fix={{ href: "/flows", label: "Open Flows with default settings" }}
        />
      )}
    </div>
  );
}
