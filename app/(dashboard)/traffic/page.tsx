import { redirect } from "next/navigation";
import { Suspense } from "react";
import { BadParam } from "@/components/traffic/bad-param";
import { defaultVpcId, TrafficScreen } from "@/components/traffic/traffic-screen";
import { Skeleton } from "@/components/ui/skeleton";
import { requireSession } from "@/lib/auth/guards";
import { parseTrafficPage } from "@/lib/traffic/parse-page";
import { trafficHref } from "@/lib/traffic/search-params";

export const metadata = { title: "Traffic · Flowscope" };

export default async function TrafficPage({ searchParams }: PageProps<"/traffic">) {
  // The layout checks too, but a soft navigation may render the page without it.
  await requireSession("/traffic");
  const parsed = parseTrafficPage(await searchParams, Date.now());
  if (parsed.ok && !parsed.state.vpc) {
    // The Traffic entry of the navigation carries no VPC: land on one, so the first view is a chart.
    const vpc = await defaultVpcId(parsed.state.region);
    if (vpc) redirect(trafficHref({ ...parsed.state, vpc }));
  }
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Traffic</h1>
      {parsed.ok ? (
        <Suspense
          key={`${parsed.state.region}/${parsed.state.vpc}`}
          fallback={<Skeleton rows={8} label="Loading the VPC" />}
        >
          <TrafficScreen state={parsed.state} />
        </Suspense>
      ) : (
        <BadParam field={parsed.field} value={parsed.value} message={parsed.message} />
      )}
    </div>
  );
}
