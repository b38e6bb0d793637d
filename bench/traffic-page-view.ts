/**
 * Issue 5's figures: Insights queries started and bytes scanned per traffic page view (the chart and
 * the top sources, last hour, whole VPC) on the demo world: cold (empty cache), warm (same view again
 * within the TTL), and a second viewer a few seconds later. Run: npm run bench:traffic
 */
import { DescribeVpcsCommand } from "@aws-sdk/client-ec2";
import { startAwsHarness } from "@/emulator/test-support/aws-harness";
import { buildDemoWorld } from "@/emulator/world/demo";
import { InsightsRunner } from "@/lib/aws/insights-runner";
import { formatUsd, insightsQueryCost } from "@/lib/cost";
import type { PanelEvent, PanelRequest } from "@/lib/traffic/contract";
import { runPanel } from "@/lib/traffic/run-panel";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
const HOUR = 3_600_000;
// 10 s into a minute: the second viewer (20 s later) falls in the same minute-aligned window.
const now = Math.floor(Date.now() / 60_000) * 60_000 - 50_000;
const harness = await startAwsHarness({
  world: buildDemoWorld({ now: new Date(now) }),
  simulator: { tickMs: HOUR },
});
const runner = new InsightsRunner({ logs: () => harness.logs });
const stats = async () =>
  ((await (await fetch(`${harness.emulator.url}/_flowscope/stats`)).json()) as Record<string, number>)[
    "logs:StartQuery"
  ] ?? 0;

try {
  const vpcs = await harness.ec2.send(
    new DescribeVpcsCommand({ Filters: [{ Name: "tag:Name", Values: ["prod"] }] }),
  );
  const vpc = vpcs.Vpcs?.[0]?.VpcId ?? "";
  const base = { region: "us-east-1", vpc, range: "1h" as const };
  const panels: PanelRequest[] = [
    { ...base, panel: "timeseries", metric: "bytes" },
    { ...base, panel: "top", dimension: "sources", metric: "bytes", limit: 10 },
  ];
  const view = async (label: string, at: number) => {
    const before = await stats();
    const events = await Promise.all(
      panels.map((request) =>
        runPanel(
          { ...request, region: "us-east-1" },
          { start: at - HOUR, end: at },
          {
            ec2: harness.ec2,
            logs: harness.logs,
            runner,
            userId: "bench",
            signal: new AbortController().signal,
            now: () => at,
            emit: () => {},
          },
        ),
      ),
    );
    const fresh = events.reduce(
      (n, e: PanelEvent) => n + ("stats" in e && !e.stats.cached ? e.stats.bytesScanned : 0),
      0,
    );
    const started = (await stats()) - before;
    const bytes = fresh.toLocaleString("en-US");
    const kinds = events.map((e) => e.type).join(", ");
    console.log(
      `${label.padEnd(28)} StartQuery ${started}, bytes scanned ${bytes} (≈${formatUsd(insightsQueryCost(fresh))}) [${kinds}]`,
    );
  };
  await view("cold (empty cache)", now);
  await view("warm (same view again)", now);
  await view("second viewer, 20 s later", now + 20_000);
} finally {
  await harness.close();
}
