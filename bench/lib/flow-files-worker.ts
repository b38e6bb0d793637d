/** Writes some files of a set for ensureFileSet (flow-files.ts), in a worker thread. */
import { parentPort, workerData } from "node:worker_threads";
import { type FileFormat, writeSetFile } from "./flow-files";

const job = workerData as { dir: string; format: FileFormat; count: number; from: number; indices: number[] };
parentPort?.postMessage(job.indices.map((i) => writeSetFile(job.dir, job.format, job.count, job.from, i)));
