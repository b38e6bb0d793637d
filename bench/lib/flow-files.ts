import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { Worker } from "node:worker_threads";
import { gzipSync } from "node:zlib";
import { DEFAULT_FIELD_NAMES } from "@/lib/flow/format";
import { headerLine, s3FlowLogKey } from "@/lib/flow/s3-file";

/** A version-5 custom format: the default fields, then every v3–v5 field (version is 5). */
export const CUSTOM_V5_FIELDS: readonly string[] = [
  ...DEFAULT_FIELD_NAMES,
  "vpc-id",
  "subnet-id",
  "instance-id",
  "tcp-flags",
  "type",
  "pkt-srcaddr",
  "pkt-dstaddr",
  "region",
  "az-id",
  "sublocation-type",
  "sublocation-id",
  "pkt-src-aws-service",
  "pkt-dst-aws-service",
  "flow-direction",
  "traffic-path",
];

export type FileFormat = "default" | "custom-v5";
export const ACCOUNT = "123456789012";
export const REGION = "us-east-1";
const WINDOW = 5 * 60_000;
/** A day of 5-minute delivery windows: one file each. */
export const FILES_PER_SET = 288;
const INTERFACES = 2000;
const INTERNAL_PEERS = 5000;
const EXTERNAL_PEERS = 20_000;
/** Bump when the generated records change, so cached files are written again. */
const GENERATOR_VERSION = 3;
const PORTS = [443, 443, 443, 80, 80, 22, 3389, 5432, 6379, 8080, 53, 123, 23, 445];

export interface FileSet {
  format: FileFormat;
  records: number;
  /** Start of the day the files cover (epoch ms). */
  from: number;
  to: number;
  paths: string[];
  bytes: number;
}

/** Deterministic PRNG (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const hex = (n: number, width: number) => n.toString(16).padStart(width, "0");

function records(format: FileFormat, count: number, windowStart: number, random: () => number): string {
  const lines: string[] = [headerLine(format === "default" ? DEFAULT_FIELD_NAMES : CUSTOM_V5_FIELDS)];
  const int = (n: number) => Math.floor(random() * n);
  for (let i = 0; i < count; i++) {
    const eni = int(INTERFACES);
    const eniId = `eni-0${hex(eni, 16)}`;
    const local = `10.${eni >> 8}.${eni & 255}.${10 + (eni % 7)}`;
    const r = random();
    // Skewed pools, as real traffic: a few peers carry most of it (index = pool × u², u uniform).
    const peer = Math.floor(random() ** 2 * (r < 0.5 ? INTERNAL_PEERS : EXTERNAL_PEERS));
    const remote =
      r < 0.5
        ? `10.${peer & 7}.${(peer >> 3) & 255}.${4 + (peer % 250)}`
        : `${50 + (peer >> 16)}.${(peer >> 8) & 255}.${peer & 255}.${1 + (peer % 254)}`;
    const ingress = random() < 0.5;
    const end = windowStart + int(WINDOW / 1000) * 1000;
    const endS = Math.floor(end / 1000);
    const startS = endS - 60 + int(20);
    if (random() < 0.005) {
      const common = `2 ${ACCOUNT} ${eniId} - - - - - - - ${startS} ${endS} - NODATA`;
      lines.push(format === "default" ? common : `5${common.slice(1)}${" -".repeat(15)}`);
      continue;
    }
    const port = PORTS[int(PORTS.length)] ?? 443;
    const proto = port === 53 || port === 123 ? 17 : random() < 0.02 ? 1 : 6;
    const ephemeral = 32768 + int(28000);
    const [src, dst] = ingress ? [remote, local] : [local, remote];
    const reject = random() < (port === 22 || port === 3389 || port === 23 || port === 445 ? 0.6 : 0.04);
    const packets = 1 + int(200);
    const bytes = packets * (40 + int(1400));
    const action = reject ? "REJECT" : "ACCEPT";
    const ports = proto === 1 ? "0 0" : `${ephemeral} ${port}`;
    const head = `${ACCOUNT} ${eniId} ${src} ${dst} ${ports} ${proto} ${packets} ${bytes} ${startS} ${endS} ${action} OK`;
    if (format === "default") {
      lines.push(`2 ${head}`);
    } else {
      const vpc = `vpc-0${hex(eni >> 6, 16)}`;
      const subnet = `subnet-0${hex(eni >> 4, 16)}`;
      const flags = proto === 6 ? (reject ? "2" : "19") : "0";
      const dir = ingress ? "ingress" : "egress";
      const path = ingress ? "-" : remote.startsWith("10.") ? "1" : "8";
      lines.push(
        `5 ${head} ${vpc} ${subnet} i-0${hex(eni, 16)} ${flags} IPv4 ${src} ${dst} ${REGION} use1-az${1 + (eni % 6)} - - - - ${dir} ${path}`,
      );
    }
  }
  return `${lines.join("\n")}\n`;
}

const flowLogIdOf = (format: FileFormat) =>
  format === "default" ? "fl-0000000000000def0" : "fl-00000000000000c5f";

/** File `i` of a set (its own seed, so files can be written in any order, by any thread). */
export function writeSetFile(
  dir: string,
  format: FileFormat,
  count: number,
  from: number,
  i: number,
): { path: string; bytes: number } {
  const n = Math.floor(((i + 1) * count) / FILES_PER_SET) - Math.floor((i * count) / FILES_PER_SET);
  const windowStart = from + i * WINDOW;
  const key = s3FlowLogKey({
    bucketAndPrefix: "flowscope-bench",
    accountId: ACCOUNT,
    region: REGION,
    flowLogId: flowLogIdOf(format),
    windowStart,
    hash: hex((i * 2654435761) >>> 0, 8),
  });
  const path = join(dir, key);
  mkdirSync(dirname(path), { recursive: true });
  const gz = gzipSync(
    records(format, n, windowStart, rng(count * 1000 + i * 2 + (format === "default" ? 0 : 1))),
    {
      level: 1,
    },
  );
  writeFileSync(path, gz);
  return { path, bytes: gz.length };
}

/**
 * `records` flow records in `format` as a day of S3 files (one per 5-minute window, gzip, header line,
 * AWS's key layout) under `root`, written once and kept: a later call with the same arguments reuses
 * them. Half the files are written by a worker thread.
 */
export async function ensureFileSet(
  root: string,
  format: FileFormat,
  count: number,
  from: number,
  log: (line: string) => void,
): Promise<FileSet> {
  const dir = join(root, `${format}-${count}-v${GENERATOR_VERSION}`);
  const manifest = join(dir, "manifest.json");
  if (existsSync(manifest)) {
    const set = JSON.parse(readFileSync(manifest, "utf8")) as FileSet;
    if (set.from === from && set.paths.every((p) => existsSync(p))) return set;
  }
  rmSync(dir, { recursive: true, force: true });
  const started = Date.now();
  const all = Array.from({ length: FILES_PER_SET }, (_, i) => i);
  const odd = all.filter((i) => i % 2 === 1);
  // A worker thread does not inherit tsx's loader: register it there first, then load the TypeScript worker.
  const script = new URL("./flow-files-worker.ts", import.meta.url).href;
  const worker = new Worker(
    `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(script)}); })`,
    { eval: true, workerData: { dir, format, count, from, indices: odd } },
  );
  const fromWorker = new Promise<{ path: string; bytes: number }[]>((resolve, reject) => {
    worker.once("message", resolve);
    worker.once("error", reject);
  });
  const mine = all.filter((i) => i % 2 === 0).map((i) => writeSetFile(dir, format, count, from, i));
  const theirs = await fromWorker;
  await worker.terminate();
  const files = all.map((i) => (i % 2 === 0 ? mine[i / 2] : theirs[(i - 1) / 2]));
  const paths = files.map((f) => f?.path ?? "");
  const bytes = files.reduce((sum, f) => sum + (f?.bytes ?? 0), 0);
  const set: FileSet = { format, records: count, from, to: from + FILES_PER_SET * WINDOW, paths, bytes };
  writeFileSync(manifest, JSON.stringify(set));
  log(
    `wrote ${count.toLocaleString("en-US")} ${format} records (${(bytes / 1e6).toFixed(0)} MB gzip) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return set;
}
