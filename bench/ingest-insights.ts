/**
 * Issue 10 items 1, 2 and 6 (emulator): flow-log files as S3 delivers them loaded into the emulator's
 * store against DuckDB's own read_csv of the same files; four Insights queries through the real SDK
 * against hand-written DuckDB SQL on the same data and against a JavaScript scan of the records; the
 * emulator's peak RSS serving the largest set. Run: npm run bench -- --only ingest (or this file with
 * --sizes 1000000,10000000).
 */
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { gunzipSync } from "node:zlib";
import { type AwsHarness, startAwsHarness } from "@/emulator/test-support/aws-harness";
import { DEFAULT_FIELD_NAMES } from "@/lib/flow/format";
import { timeReadCsv } from "./lib/baseline-csv";
import { measureEmulatorMemory } from "./lib/emulator-memory";
import { BENCH_DATA, type Figure, progress, saveSection } from "./lib/figures";
import { ACCOUNT, CUSTOM_V5_FIELDS, ensureFileSet, type FileSet, REGION } from "./lib/flow-files";
import { BENCH_QUERIES, runInsights, scanBuffers } from "./lib/queries";
import { fmt, median, timeRuns } from "./lib/stats";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
const log = progress("ingest");
const { values } = parseArgs({
  options: {
    sizes: { type: "string", default: "1000000,10000000" },
    "poll-ms": { type: "string", default: "5" },
  },
});
const sizes = (values.sizes ?? "")
  .split(",")
  .map(Number)
  .filter((n) => n > 0);
const pollMs = Number(values["poll-ms"]);
const FROM = Date.UTC(2026, 10, 1);
const GROUPS = { default: "/flowscope/bench/default", custom: "/flowscope/bench/custom-v5" } as const;
const STORE_DIR = join(BENCH_DATA, "emulator");
const BASELINE_DB = join(BENCH_DATA, "baseline.duckdb");
const WORLD = { accountId: ACCOUNT, region: REGION };
const label = (n: number) => (n >= 1e6 ? `${n / 1e6} M` : `${n / 1e3} k`);

async function freshEmulator(): Promise<AwsHarness> {
  const harness = await startAwsHarness({
    world: WORLD,
    dataDir: STORE_DIR,
    reset: true,
    queries: { minDurationMs: 0 },
  });
  for (const name of Object.values(GROUPS))
    await harness.emulator.data.store.createLogGroup({
      logGroupName: name,
      creationTime: FROM,
      arn: `arn:${name}`,
    });
  return harness;
}

async function ingestOnce(harness: AwsHarness, group: string, set: FileSet): Promise<number> {
  const started = performance.now();
  const { accepted } = await harness.emulator.data.store.ingestFlowLogFiles(group, {
    paths: set.paths,
    ingestionTime: set.to + 5 * 60_000,
  });
  const ms = performance.now() - started;
  if (accepted !== set.records) throw new Error(`ingested ${accepted} of ${set.records} records`);
  return ms;
}

const ingestFigures: Figure[] = [];
const queryFigures: Figure[] = [];
const notes: string[] = [];
let largest: number | undefined;

for (const size of sizes) {
  const sets = {
    default: await ensureFileSet(join(BENCH_DATA, "s3"), "default", size, FROM, log),
    custom: await ensureFileSet(join(BENCH_DATA, "s3"), "custom-v5", size, FROM, log),
  };
  const repeats = size >= 5_000_000 ? 1 : 3;
  const ours = { default: [] as number[], custom: [] as number[] };
  const base = { default: [] as number[], custom: [] as number[] };
  let harness: AwsHarness | undefined;
  for (let r = 0; r < repeats; r++) {
    for (const kind of ["default", "custom"] as const) {
      const fields = kind === "default" ? DEFAULT_FIELD_NAMES : CUSTOM_V5_FIELDS;
      const csv = await timeReadCsv(BASELINE_DB, sets[kind].paths, fields);
      if (csv.rows !== size) throw new Error(`read_csv loaded ${csv.rows} of ${size} rows`);
      base[kind].push(csv.ms);
    }
    await harness?.close();
    harness = await freshEmulator();
    for (const kind of ["default", "custom"] as const)
      ours[kind].push(await ingestOnce(harness, GROUPS[kind], sets[kind]));
    log(
      `${label(size)} run ${r + 1}: ours ${ours.default.at(-1)?.toFixed(0)} / ${ours.custom.at(-1)?.toFixed(0)} ms, read_csv ${base.default.at(-1)?.toFixed(0)} / ${base.custom.at(-1)?.toFixed(0)} ms`,
    );
  }
  for (const kind of ["default", "custom"] as const) {
    const [o, b] = [median(ours[kind]), median(base[kind])];
    ingestFigures.push({
      name: `${label(size)} records, ${kind === "default" ? "default format" : "custom v5 format"} (${sets[kind].paths.length} files, ${fmt(sets[kind].bytes / 1e6, 0)} MB gzip)`,
      value: `${fmt(size / (o / 1000), 0)} records/s (${fmt(o / 1000, 2)} s)`,
      baseline: `read_csv ${fmt(size / (b / 1000), 0)} records/s (${fmt(b / 1000, 2)} s)`,
      ratio: `${fmt(o / b, 2)}× the time`,
      target: "≤ 1.5×",
      met: o / b <= 1.5,
    });
  }
  if (!harness) throw new Error("no emulator");
  // Queries over the last load.
  const startTime = Math.floor(FROM / 1000) - 120;
  const endTime = Math.floor(sets.default.to / 1000);
  const buffers = {
    default: sets.default.paths.map((p) => gunzipSync(readFileSync(p))),
    custom: sets.custom.paths.map((p) => gunzipSync(readFileSync(p))),
  };
  const store = harness.emulator.data.store;
  const [groupIds] = [store.resolveGroups([GROUPS.default, GROUPS.custom]).map((g) => g.id)];
  const qRepeats = size >= 5_000_000 ? 2 : 3;
  for (const q of BENCH_QUERIES) {
    const groupId = q.group === "default" ? groupIds[0] : groupIds[1];
    const logs = harness.clients().logs;
    const sdk = await timeRuns(
      () =>
        runInsights(
          logs,
          { logGroupName: GROUPS[q.group], queryString: q.insights, startTime, endTime },
          pollMs,
        ),
      { repeats: qRepeats },
    );
    const sql = await timeRuns(
      () => store.query(q.sql, [groupId ?? 0, BigInt(startTime * 1000), BigInt(endTime * 1000 + 999)]),
      { repeats: qRepeats },
    );
    const js = await timeRuns(async () => scanBuffers(buffers[q.group], q.scan()), {
      repeats: size >= 5_000_000 ? 1 : 3,
      warmups: size >= 5_000_000 ? 0 : 1,
    });
    const sdkRows = await runInsights(
      logs,
      { logGroupName: GROUPS[q.group], queryString: q.insights, startTime, endTime },
      pollMs,
    );
    const sqlRows = await store.query(q.sql, [
      groupId ?? 0,
      BigInt(startTime * 1000),
      BigInt(endTime * 1000 + 999),
    ]);
    const jsRows = scanBuffers(buffers[q.group], q.scan());
    if (sdkRows.length !== sqlRows.length || sqlRows.length !== jsRows.length)
      notes.push(
        `${q.id} at ${label(size)}: row counts differ (Insights ${sdkRows.length}, SQL ${sqlRows.length}, JS ${jsRows.length})`,
      );
    log(
      `${label(size)} ${q.id}: SDK ${sdk.median.toFixed(0)} ms, SQL ${sql.median.toFixed(0)} ms, JS ${js.median.toFixed(0)} ms`,
    );
    queryFigures.push({
      name: `${label(size)}: ${q.label} — Insights via SDK vs hand SQL`,
      value: `${fmt(sdk.median, 0)} ms`,
      baseline: `DuckDB SQL ${fmt(sql.median, 0)} ms`,
      ratio: `${fmt(sdk.median / sql.median, 2)}×`,
      target: "≤ 1.5×",
      met: sdk.median / sql.median <= 1.5,
    });
    queryFigures.push({
      name: `${label(size)}: ${q.label} — Insights via SDK vs JavaScript scan`,
      value: `${fmt(sdk.median, 0)} ms`,
      baseline: `JS scan ${fmt(js.median, 0)} ms`,
      ratio: `${fmt(js.median / sdk.median, 1)}× faster`,
      target: "≥ 10× faster",
      met: js.median / sdk.median >= 10,
    });
  }
  await harness.close();
  largest = size;
}

saveSection({
  id: "ingest",
  title: "1. Ingest: S3 flow-log files into the emulator's store",
  figures: ingestFigures,
  notes: [
    "Both sides run in this process on the same cached files (gzip level 1, 288 files = one per 5-minute window of a day) into a fresh DuckDB file; medians of 3 runs at 1 M, one run at 10 M.",
    "Ours: EventStore.ingestFlowLogFiles — DuckDB reads the gzip itself: default-format files with its typed CSV reader and the message rebuilt from the fields, other formats line by line (only the interface and start picked out); event ids, streams per interface and stream totals; INSERTs of 24 files in one transaction. Baseline: read_csv with declared column types into one table.",
  ],
});
saveSection({
  id: "insights",
  title: "2. Insights queries: SDK against the emulator vs hand-written DuckDB SQL vs a JavaScript scan",
  figures: queryFigures,
  notes: [
    `FLOWSCOPE_EMULATOR_QUERY_MIN_MS is 0 for the bench (the emulator's default 300 ms floor would measure itself); the SDK polls GetQueryResults every ${pollMs} ms (the app polls from 400 ms up).`,
    "SDK time = StartQuery + polling GetQueryResults until Complete through @aws-sdk/client-cloudwatch-logs over HTTP; hand SQL runs on the same DuckDB instance; the JS scan splits the decompressed lines held in memory (decompression not timed).",
    ...notes,
  ],
});

if (largest !== undefined) {
  const memory = await measureEmulatorMemory(STORE_DIR, WORLD, GROUPS, FROM, log, pollMs);
  saveSection({
    id: "memory-emulator",
    title: "6a. Memory: the emulator holding the largest set",
    figures: [
      {
        name: `emulator process serving ${label(largest * 2)} records (${label(largest)} default + ${label(largest)} custom v5) and the four queries`,
        value: `peak RSS ${fmt(memory.peakMb, 0)} MB`,
        baseline: `events.duckdb ${fmt(memory.fileMb, 0)} MB on disk; idle RSS after start ${fmt(memory.idleMb, 0)} MB`,
      },
    ],
    notes: [
      "The emulator CLI as its own process (npm run emulator) on the bench's data folder; VmHWM from /proc.",
    ],
  });
}
rmSync(BASELINE_DB, { force: true });
