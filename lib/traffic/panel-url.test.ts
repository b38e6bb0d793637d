import { expect, test } from "vitest";
import type { PanelRequest } from "./contract";
import { panelUrl } from "./panel-url";

const base = { region: "us-east-1", vpc: "vpc-0a1b2c3d4e5f60001" } as const;

test.each<[string, PanelRequest, string]>([
  [
    "timeseries",
    { ...base, range: "1h", panel: "timeseries", metric: "bytes" },
    "region=us-east-1&vpc=vpc-0a1b2c3d4e5f60001&range=1h&panel=timeseries&metric=bytes",
  ],
  [
    "top with filters",
    {
      ...base,
      eni: "eni-0a1b2c3d4e5f60718",
      range: "6h",
      src: "10.0.0.0/16",
      dstPort: 22,
      panel: "top",
      dimension: "pairs",
      metric: "rejectedFlows",
      limit: 10,
    },
    "region=us-east-1&vpc=vpc-0a1b2c3d4e5f60001&eni=eni-0a1b2c3d4e5f60718&range=6h&src=10.0.0.0%2F16&dstPort=22&panel=top&dimension=pairs&metric=rejectedFlows&limit=10",
  ],
  [
    "custom range",
    { ...base, range: "custom", start: 1000, end: 2000, panel: "timeseries", metric: "flows" },
    "region=us-east-1&vpc=vpc-0a1b2c3d4e5f60001&range=custom&start=1000&end=2000&panel=timeseries&metric=flows",
  ],
  [
    "start and end dropped without range=custom (the API refuses them)",
    { ...base, range: "15m", start: 1000, end: 2000, panel: "timeseries", metric: "packets" },
    "region=us-east-1&vpc=vpc-0a1b2c3d4e5f60001&range=15m&panel=timeseries&metric=packets",
  ],
])("%s", (_name, request, query) => {
  expect(panelUrl(request)).toBe(`/api/traffic/panel?${query}`);
});
