/**
 * Issue 10 item 4: first-load JavaScript per route (every script the page loads in Chromium, gzip) and
 * the Lighthouse performance score of the VPC traffic page, signed in, against npm start --demo.
 * Without a Chromium it says so and records the figures as skipped. Run: npm run bench -- --only page
 */
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { DescribeVpcsCommand, EC2Client } from "@aws-sdk/client-ec2";
import { chromium } from "@playwright/test";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { installedBrowser } from "@/scripts/find-browser";
import { startApp } from "./lib/app";
import { BENCH_DATA, type Figure, progress, saveSection } from "./lib/figures";
import { signIn } from "./lib/session";
import { fmt, median } from "./lib/stats";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
const log = progress("page");
const PORT = Number(process.env.FLOWSCOPE_BENCH_APP_PORT ?? 3391);
const EMULATOR_PORT = Number(process.env.FLOWSCOPE_BENCH_EMULATOR_PORT ?? 4691);
const LIGHTHOUSE_RUNS = 3;
const JS_BUDGET_KB = 180;

const browser = installedBrowser();
if (!browser) {
  saveSection({
    id: "page",
    title: "4. Page weight and speed",
    figures: [],
    notes: [
      "SKIPPED: no Chromium found (/usr/bin/chromium or Playwright's). Install one and run npm run bench again.",
    ],
  });
  process.exit(0);
}

const password = randomBytes(12).toString("base64url");
const dataDir = join(BENCH_DATA, "app");
rmSync(dataDir, { recursive: true, force: true });
log("starting the app…");
const app = await startApp({
  port: PORT,
  emulatorPort: EMULATOR_PORT,
  dataDir,
  log,
  env: { FLOWSCOPE_ADMIN_PASSWORD: password },
});
const figures: Figure[] = [];
const notes: string[] = [];
try {
  const jar = await signIn(app.url, "admin", password);
  if (!jar) throw new Error("admin could not sign in");
  const ec2 = new EC2Client({
    endpoint: app.emulatorUrl,
    region: "us-east-1",
    credentials: { accessKeyId: "AKIDBENCH", secretAccessKey: "bench" },
  });
  const vpcs = await ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: "tag:Name", Values: ["prod"] }] }));
  const vpc = vpcs.Vpcs?.[0]?.VpcId ?? "";
  const routes = [
    "/",
    `/traffic?vpc=${vpc}&range=1h`,
    `/flows?vpc=${vpc}&range=1h`,
    "/diagnose",
    "/flow-logs",
  ];

  // First-load JS: every script response while the page loads and settles, fetched again and gzipped.
  const pw = await chromium.launch({ executablePath: browser.executablePath, args: browser.args });
  try {
    const context = await pw.newContext();
    const cookies = jar
      .header()
      .split("; ")
      .map((pair) => {
        const eq = pair.indexOf("=");
        return { name: pair.slice(0, eq), value: pair.slice(eq + 1), domain: "localhost", path: "/" };
      });
    await context.addCookies(cookies);
    const page = await context.newPage();
    for (const route of ["/signin", ...routes]) {
      const scripts = new Set<string>();
      page.on("response", (res) => {
        if (res.request().resourceType() === "script") scripts.add(res.url());
      });
      await page.goto(`${app.url}${route}`, { waitUntil: "networkidle" });
      page.removeAllListeners("response");
      let raw = 0;
      let gz = 0;
      for (const url of scripts) {
        const body = Buffer.from(await (await fetch(url)).arrayBuffer());
        raw += body.length;
        gz += gzipSync(body).length;
      }
      const kb = gz / 1024;
      figures.push({
        name: `first-load JS ${route.split("?")[0]} (${scripts.size} scripts)`,
        value: `${fmt(kb, 1)} KB gzip`,
        baseline: `${fmt(raw / 1024, 0)} KB raw`,
        target: `≤ ${JS_BUDGET_KB} KB`,
        met: kb <= JS_BUDGET_KB,
      });
      log(`${route}: ${scripts.size} scripts, ${kb.toFixed(1)} KB gzip`);
    }
  } finally {
    await pw.close();
  }

  // Lighthouse (default: mobile emulation, simulated throttling) on the traffic page, signed in.
  const chrome = await chromeLauncher.launch({
    chromePath: browser.executablePath,
    chromeFlags: browser.args,
  });
  try {
    const scores: number[] = [];
    const metrics: Record<string, number[]> = {};
    for (let i = 0; i < LIGHTHOUSE_RUNS; i++) {
      const result = await lighthouse(`${app.url}${routes[1]}`, {
        port: chrome.port,
        output: "json",
        logLevel: "error",
        onlyCategories: ["performance"],
        extraHeaders: { Cookie: jar.header() },
      });
      const lhr = result?.lhr;
      if (!lhr) throw new Error("Lighthouse returned no result");
      scores.push(Math.round((lhr.categories.performance?.score ?? 0) * 100));
      for (const id of [
        "first-contentful-paint",
        "largest-contentful-paint",
        "total-blocking-time",
        "cumulative-layout-shift",
      ]) {
        const v = lhr.audits[id]?.numericValue;
        if (v !== undefined) metrics[id] = [...(metrics[id] ?? []), v];
      }
      log(`Lighthouse run ${i + 1}: ${scores.at(-1)}`);
    }
    const m = (id: string) => median(metrics[id] ?? []);
    figures.push({
      name: `Lighthouse performance, /traffic (mobile preset, median of ${LIGHTHOUSE_RUNS})`,
      value: `${median(scores)} (runs ${scores.join(", ")})`,
      baseline: `FCP ${fmt(m("first-contentful-paint"), 0)} ms, LCP ${fmt(m("largest-contentful-paint"), 0)} ms, TBT ${fmt(m("total-blocking-time"), 0)} ms, CLS ${fmt(m("cumulative-layout-shift"), 3)}`,
      target: "≥ 90",
      met: median(scores) >= 90,
    });
  } finally {
    chrome.kill();
  }
} catch (error) {
  notes.push(`FAILED: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  await app.stop();
}
saveSection({
  id: "page",
  title: "4. Page weight and speed (next build, npm start --demo, Chromium)",
  figures,
  notes: [
    "First-load JS = every script the page requests until the network is idle (Playwright, signed in), each body gzipped here (level 6); shared chunks count on every route, as a first visit pays them.",
    "Lighthouse 12 with its default mobile preset (simulated slow 4G, 4× CPU slowdown) on a machine shared with other work: the score moves a few points between runs.",
    ...notes,
  ],
});
