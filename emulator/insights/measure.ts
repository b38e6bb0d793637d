/**
 * Ingestion and query speed of the store and engine: appends 1,000,000 default-format flow records
 * (to a DuckDB file in a temp folder, or ":memory:" with --memory) and times a top-talkers query.
 * Run: [BATCH=events-per-append] npx tsx emulator/insights/measure.ts [--memory] [--records N]; the default
 * batch, 10,000, is the most one PutLogEvents call carries.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EventStore } from "../store/event-store";
import { runQuery } from "./run-query";

const args = process.argv.slice(2);
const total = Number(args[args.indexOf("--records") + 1] ?? "") || 1_000_000;
const dir = mkdtempSync(join(tmpdir(), "flowscope-measure-"));
const path = args.includes("--memory") ? ":memory:" : join(dir, "events.duckdb");
const BASE = 1_764_000_000;
const ENIS = 50;
const QUERY =
  "stats sum(bytes) as bytesTransferred by srcAddr, dstAddr | sort bytesTransferred desc | limit 10";

let seed = 1;
const rand = () => {
  seed = (seed * 48271) % 2147483647;
  return seed / 2147483647;
};
const ip = () => `10.${Math.floor(rand() * 4)}.${Math.floor(rand() * 16)}.${1 + Math.floor(rand() * 50)}`;

function record(eni: number): { timestamp: number; message: string } {
  const start = BASE + Math.floor(rand() * 86_400);
  const packets = 1 + Math.floor(rand() * 500);
  const action = rand() < 0.1 ? "REJECT" : "ACCEPT";
  const fields = [
    2,
    "123456789012",
    `eni-${String(eni).padStart(17, "0")}`,
    ip(),
    ip(),
    1024 + Math.floor(rand() * 60000),
    443,
    6,
    packets,
    packets * 800,
    start,
    start + 60,
    action,
    "OK",
  ];
  return { timestamp: start * 1000, message: fields.join(" ") };
}

const store = await EventStore.open(path);
try {
  await store.createLogGroup({
    logGroupName: "/measure",
    creationTime: Date.now(),
    arn: "arn:aws:logs:us-east-1:123456789012:log-group:/measure:*",
  });
  const batches: { stream: string; events: { timestamp: number; message: string }[] }[] = [];
  const perBatch = Number(process.env.BATCH ?? 10_000);
  for (let done = 0; done < total; done += perBatch) {
    const eni = (done / perBatch) % ENIS;
    batches.push({
      stream: `eni-${eni}-all`,
      events: Array.from({ length: Math.min(perBatch, total - done) }, () => record(eni)),
    });
  }
  const appendStart = performance.now();
  for (const batch of batches) await store.append("/measure", batch.stream, batch.events, Date.now());
  const appendSeconds = (performance.now() - appendStart) / 1000;
  const timings: number[] = [];
  let rows = 0;
  for (let i = 0; i < 3; i++) {
    const queryStart = performance.now();
    const result = await runQuery(store, {
      logGroupNames: ["/measure"],
      startTime: BASE,
      endTime: BASE + 90_000,
      queryString: QUERY,
    });
    timings.push(performance.now() - queryStart);
    rows = result.rows.length;
  }
  console.log(
    `store: ${path === ":memory:" ? ":memory:" : "DuckDB file"}, ${total.toLocaleString("en-US")} default-format records in batches of ${perBatch}`,
  );
  console.log(
    `append: ${appendSeconds.toFixed(2)} s = ${Math.round(total / appendSeconds).toLocaleString("en-US")} records/s`,
  );
  console.log(
    `top talkers (${rows} rows): ${timings.map((t) => `${t.toFixed(0)} ms`).join(", ")} (first, then warm)`,
  );
} finally {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
