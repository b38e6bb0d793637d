/**
 * Issue 9 item 5 and issue 10 item 3: signed-in users browsing the VPC traffic and flows pages against
 * the emulator (npm start --demo), each view = the page's HTML plus the API calls its client makes,
 * with think time between views. Reports p50/p95 of views and of each request kind, errors, and the
 * Insights queries started (the emulator's logs:StartQuery count) per 100 views.
 *   npm run bench:load [-- --duration 180 --users 50]      one run, cache on; exit 1 on any error
 *   npm run bench:load -- --matrix [--duration 60]          1, 10, 50 users × cache on/off (issue 10)
 */
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { DescribeVpcsCommand, EC2Client } from "@aws-sdk/client-ec2";
import { type RunningApp, startApp } from "./lib/app";
import { BENCH_DATA, type Figure, progress, saveSection } from "./lib/figures";
import { CookieJar, signIn } from "./lib/session";
import { fmt, percentile } from "./lib/stats";
import { type PageView, pickView, viewCatalog } from "./lib/views";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
const log = progress("load");
const { values } = parseArgs({
  options: {
    duration: { type: "string", default: "180" },
    users: { type: "string", default: "50" },
    matrix: { type: "boolean", default: false },
    "think-ms": { type: "string", default: "3000-8000" },
  },
});
const duration = Number(values.duration) * 1000;
const [thinkMin, thinkMax] = (values["think-ms"] ?? "").split("-").map(Number) as [number, number];
const PORT = Number(process.env.FLOWSCOPE_BENCH_APP_PORT ?? 3391);
const EMULATOR_PORT = Number(process.env.FLOWSCOPE_BENCH_EMULATOR_PORT ?? 4691);
const MAX_USERS = 50;
const password = randomBytes(12).toString("base64url");
const accounts = Array.from({ length: MAX_USERS }, (_, i) => ({
  username: `load${i + 1}`,
  role: "viewer",
  password: `${password}-${i + 1}`,
}));

interface Sample {
  kind: "view" | "page" | "api";
  ms: number;
}

interface RunResult {
  users: number;
  cache: "on" | "off";
  views: number;
  errors: string[];
  samples: Sample[];
  startQueries: number;
  perUser: boolean;
}

async function startQueries(app: RunningApp): Promise<number> {
  const stats = (await (await fetch(`${app.emulatorUrl}/_flowscope/stats`)).json()) as Record<string, number>;
  return stats["logs:StartQuery"] ?? 0;
}

/** GET with the session; the body read to the end (the panels stream NDJSON). Throws on a non-2xx. */
async function get(app: RunningApp, jar: CookieJar, path: string): Promise<number> {
  const started = performance.now();
  const res = await fetch(`${app.url}${path}`, { headers: { cookie: jar.header() }, redirect: "manual" });
  const body = await res.text();
  if (res.status >= 300) throw new Error(`${res.status} ${path}`);
  if (path.startsWith("/api/") && body.includes('"type":"error"'))
    throw new Error(`error event from ${path}: ${body.slice(0, 200)}`);
  return performance.now() - started;
}

/** One view: the HTML, then the client's API calls in parallel (as the browser does after hydration). */
async function view(app: RunningApp, jar: CookieJar, v: PageView, samples: Sample[]): Promise<void> {
  const started = performance.now();
  samples.push({ kind: "page", ms: await get(app, jar, v.page) });
  const apis = await Promise.all(v.apis.map((api) => get(app, jar, api)));
  for (const ms of apis) samples.push({ kind: "api", ms });
  samples.push({ kind: "view", ms: performance.now() - started });
}

async function sessions(app: RunningApp, users: number): Promise<{ jars: CookieJar[]; perUser: boolean }> {
  const first = await signIn(app.url, accounts[0]?.username ?? "", accounts[0]?.password ?? "");
  if (first) {
    const jars = [first];
    for (const a of accounts.slice(1, users)) {
      const jar = await signIn(app.url, a.username, a.password);
      if (!jar) throw new Error(`${a.username} could not sign in`);
      jars.push(jar);
    }
    return { jars, perUser: true };
  }
  const admin = await signIn(app.url, "admin", password);
  if (!admin) throw new Error("admin could not sign in");
  log("FLOWSCOPE_LOCAL_USERS is not supported by this build: every user shares the admin session");
  return { jars: Array.from({ length: users }, () => admin), perUser: false };
}

async function run(
  app: RunningApp,
  users: number,
  cache: "on" | "off",
  ms: number,
  catalog: ReturnType<typeof viewCatalog>,
): Promise<RunResult> {
  const { jars, perUser } = await sessions(app, users);
  const before = await startQueries(app);
  const samples: Sample[] = [];
  const errors: string[] = [];
  let views = 0;
  const deadline = Date.now() + ms;
  const think = () => thinkMin + Math.random() * (thinkMax - thinkMin);
  await Promise.all(
    jars.map(async (jar, i) => {
      // Users arrive spread over the first think time, not all in the same millisecond.
      await new Promise((resolve) => setTimeout(resolve, (i / users) * thinkMin));
      while (Date.now() < deadline) {
        try {
          await view(app, jar, pickView(catalog, Math.random()), samples);
          views++;
        } catch (error) {
          errors.push(error instanceof Error ? error.message : String(error));
        }
        await new Promise((resolve) => setTimeout(resolve, think()));
      }
    }),
  );
  const started = (await startQueries(app)) - before;
  log(`${users} users, cache ${cache}: ${views} views, ${errors.length} errors, ${started} StartQuery`);
  return { users, cache, views, errors, samples, startQueries: started, perUser };
}

/** StartQuery for one view on a cold cache, then the same view again (warm). */
async function coldWarm(app: RunningApp, v: PageView): Promise<{ cold: number; warm: number }> {
  const jar = (await sessions(app, 1)).jars[0] ?? new CookieJar();
  const a = await startQueries(app);
  await view(app, jar, v, []);
  const b = await startQueries(app);
  await view(app, jar, v, []);
  const c = await startQueries(app);
  return { cold: b - a, warm: c - b };
}

async function withApp<T>(cache: "on" | "off", fn: (app: RunningApp) => Promise<T>): Promise<T> {
  const dataDir = join(BENCH_DATA, "app");
  rmSync(dataDir, { recursive: true, force: true });
  log(`starting the app (cache ${cache})…`);
  const app = await startApp({
    port: PORT,
    emulatorPort: EMULATOR_PORT,
    dataDir,
    log,
    env: {
      FLOWSCOPE_ADMIN_PASSWORD: password,
      FLOWSCOPE_LOCAL_USERS: JSON.stringify(accounts),
      FLOWSCOPE_INSIGHTS_CACHE: cache,
    },
  });
  try {
    return await fn(app);
  } finally {
    await app.stop();
  }
}

async function catalogFor(app: RunningApp) {
  const ec2 = new EC2Client({
    endpoint: app.emulatorUrl,
    region: "us-east-1",
    credentials: { accessKeyId: "AKIDBENCH", secretAccessKey: "bench" },
  });
  const vpc = async (name: string) =>
    (await ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: "tag:Name", Values: [name] }] }))).Vpcs?.[0]
      ?.VpcId ?? "";
  return viewCatalog({ prod: await vpc("prod"), staging: await vpc("staging") });
}

const q = (samples: Sample[], kind: Sample["kind"]) => {
  const ms = samples.filter((s) => s.kind === kind).map((s) => s.ms);
  return `p50 ${fmt(percentile(ms, 0.5), 0)} ms, p95 ${fmt(percentile(ms, 0.95), 0)} ms`;
};

function figure(r: RunResult): Figure {
  const per100 = r.views > 0 ? (r.startQueries / r.views) * 100 : Number.NaN;
  return {
    name: `${r.users} user${r.users > 1 ? "s" : ""}, cache ${r.cache}: ${r.views} views`,
    value: `view ${q(r.samples, "view")}; page HTML ${q(r.samples, "page")}; API ${q(r.samples, "api")}`,
    baseline: `${r.errors.length} errors; ${fmt(per100, 1)} StartQuery per 100 views (${r.startQueries} started)`,
    target: "zero errors",
    met: r.errors.length === 0,
  };
}

const started = Date.now();
const results: RunResult[] = [];
let coldWarmFigures: Figure[] = [];
let appPeak = Number.NaN;
const scenarios = values.matrix
  ? [
      { users: 1, short: true },
      { users: 10, short: true },
      { users: 50, short: false },
    ]
  : [{ users: Number(values.users), short: false }];
const shortMs = Math.min(duration, 15_000);
for (const cache of values.matrix ? (["on", "off"] as const) : (["on"] as const)) {
  await withApp(cache, async (app) => {
    const catalog = await catalogFor(app);
    if (cache === "on" && values.matrix) {
      const traffic = catalog[0]?.view;
      const flows = catalog.find((c) => c.view.page.startsWith("/flows"))?.view;
      coldWarmFigures = [traffic, flows]
        .flatMap((v) => {
          if (!v) return [];
          return [v];
        })
        .map(() => ({ name: "", value: "" }));
      const figures: Figure[] = [];
      for (const v of [traffic, flows]) {
        if (!v) continue;
        const { cold, warm } = await coldWarm(app, v);
        figures.push({
          name: `${v.page.split("?")[0]} view (${v.panels} panel${v.panels > 1 ? "s" : ""}): StartQuery per view`,
          value: `cold ${cold}, warm ${warm}`,
          target: `cold ≤ ${v.panels}, warm 0`,
          met: cold <= v.panels && warm === 0,
        });
      }
      coldWarmFigures = figures;
    }
    for (const s of scenarios) {
      const ms = values.matrix && (s.short || cache === "off") ? shortMs : duration;
      results.push(await run(app, s.users, cache, ms, catalog));
    }
    if (cache === "on") appPeak = app.appPeakMb();
  });
}

const errors = results.flatMap((r) => r.errors);
const perUser = results.every((r) => r.perUser);
saveSection({
  id: values.matrix ? "load" : "load-only",
  title: values.matrix
    ? "3. Dashboard under load (npm start --demo, emulator with its default 300 ms query floor)"
    : `Issue 9 load test: ${values.users} signed-in users for ${duration / 1000} s (npm run bench:load)`,
  figures: [...coldWarmFigures, ...results.map(figure)],
  notes: [
    `Each user ${perUser ? "signs in as their own viewer account (FLOWSCOPE_LOCAL_USERS)" : "shares the admin session (this build has no FLOWSCOPE_LOCAL_USERS)"}, opens a view drawn from ${"traffic and flows pages"} weighted by popularity (bench/lib/views.ts), waits for the page HTML and then its panels' API calls (NDJSON read to the end), then thinks ${thinkMin / 1000}–${thinkMax / 1000} s.`,
    `Durations: ${values.matrix ? `50 users cache on ${duration / 1000} s, other runs ${shortMs / 1000} s` : `${duration / 1000} s`}. StartQuery counted by the emulator (GET /_flowscope/stats). Cache off = FLOWSCOPE_INSIGHTS_CACHE=off (identical queries in flight are still joined).`,
    "p50/p95 by nearest rank over all samples; a view's time is HTML + the slowest of its parallel API calls.",
    ...(errors.length > 0 ? [`errors (first 5): ${errors.slice(0, 5).join("; ")}`] : []),
  ],
  seconds: (Date.now() - started) / 1000,
});
if (Number.isFinite(appPeak))
  saveSection({
    id: "memory-app",
    title: "6b. Memory: the app",
    figures: [
      { name: "Next.js server after the cache-on load runs", value: `peak RSS ${fmt(appPeak, 0)} MB` },
    ],
    notes: ["VmHWM of the largest process under npm start other than the emulator."],
  });
if (errors.length > 0) {
  console.error(`load: ${errors.length} errors`);
  process.exit(1);
}
