import { beforeEach, describe, expect, it, vi } from "vitest";

const auth = vi.hoisted(() => vi.fn());
vi.mock("@/lib/auth/auth", () => ({ auth }));

const { GET } = await import("./route");

const VPC = "vpc-0123456789abcdef0";
const now = Date.now();
const call = (query: string) =>
  GET(new Request(`http://flowscope.test/api/traffic/panel?${query}`), { params: Promise.resolve({}) });

beforeEach(() => {
  auth.mockReset();
  auth.mockResolvedValue({ user: { name: "ann", role: "viewer" }, expires: "2099-01-01T00:00:00Z" });
});

describe("GET /api/traffic/panel: who may ask", () => {
  it("answers 401 JSON without a session", async () => {
    auth.mockResolvedValue(null);
    const res = await call(`panel=timeseries&vpc=${VPC}`);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: "unauthorized" });
  });
});

describe("GET /api/traffic/panel: 400 naming the field", () => {
  it.each([
    ["no panel", `vpc=${VPC}`, "panel"],
    ["unknown panel", `panel=pie&vpc=${VPC}`, "panel"],
    ["no vpc", "panel=timeseries", "vpc"],
    ["malformed vpc", "panel=timeseries&vpc=vpc-xyz", "vpc"],
    ["subnet id of the wrong kind", `panel=timeseries&vpc=${VPC}&subnet=sg-0123456789abcdef0`, "subnet"],
    ["malformed eni", `panel=timeseries&vpc=${VPC}&eni=eni-1`, "eni"],
    ["bad region", `panel=timeseries&vpc=${VPC}&region=moon-base-1x`, "region"],
    ["unknown range", `panel=timeseries&vpc=${VPC}&range=2w`, "range"],
    ["custom without start", `panel=timeseries&vpc=${VPC}&range=custom&end=${now}`, "start"],
    ["custom without end", `panel=timeseries&vpc=${VPC}&range=custom&start=${now - 1000}`, "end"],
    ["end before start", `panel=timeseries&vpc=${VPC}&range=custom&start=${now}&end=${now - 60_000}`, "end"],
    [
      "more than 31 days",
      `panel=timeseries&vpc=${VPC}&range=custom&start=${now - 32 * 86_400_000}&end=${now}`,
      "start",
    ],
    [
      "end in the future",
      `panel=timeseries&vpc=${VPC}&range=custom&start=${now - 60_000}&end=${now + 3_600_000}`,
      "end",
    ],
    [
      "start that is not a number",
      `panel=timeseries&vpc=${VPC}&range=custom&start=yesterday&end=${now}`,
      "start",
    ],
    ["start without range=custom", `panel=timeseries&vpc=${VPC}&range=1h&start=${now - 1000}`, "start"],
    ["bad series metric", `panel=timeseries&vpc=${VPC}&metric=rejectedFlows`, "metric"],
    ["top without dimension", `panel=top&vpc=${VPC}`, "dimension"],
    ["unknown dimension", `panel=top&vpc=${VPC}&dimension=countries`, "dimension"],
    ["bad top metric", `panel=top&vpc=${VPC}&dimension=sources&metric=flows`, "metric"],
    ["limit above 50", `panel=top&vpc=${VPC}&dimension=sources&limit=51`, "limit"],
    ["limit 0", `panel=top&vpc=${VPC}&dimension=sources&limit=0`, "limit"],
    ["src that is no address", `panel=timeseries&vpc=${VPC}&src=10.0.0.300`, "src"],
    [
      "dst with a query injection",
      `panel=timeseries&vpc=${VPC}&dst=${encodeURIComponent('1.2.3.4" | stats')}`,
      "dst",
    ],
    ["port above 65535", `panel=timeseries&vpc=${VPC}&dstPort=70000`, "dstPort"],
    ["negative port", `panel=timeseries&vpc=${VPC}&dstPort=-1`, "dstPort"],
    ["protocol above 255", `panel=timeseries&vpc=${VPC}&protocol=256`, "protocol"],
    ["lower-case action", `panel=timeseries&vpc=${VPC}&action=reject`, "action"],
    ["a parameter given twice", `panel=timeseries&vpc=${VPC}&vpc=${VPC}`, "vpc"],
  ])("%s", async (_, query, field) => {
    const res = await call(query);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: string; field: string; message: string };
    expect(body).toMatchObject({ error: "bad_request", field });
    expect(body.message).toContain(field);
  });
});
