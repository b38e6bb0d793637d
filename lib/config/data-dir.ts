import { mkdirSync } from "node:fs";
import { resolve } from "node:path";

/** The folder where Flowscope keeps its own state (admin password hash, auth secret, emulator store). */
export function dataDir(): string {
  const dir = resolve(/*turbopackIgnore: true*/ process.env.FLOWSCOPE_DATA_DIR ?? "data");
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}
