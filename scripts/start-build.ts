import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

/** Folders whose contents end up in the Next.js build. */
const SOURCE_DIRS = ["app", "components", "lib", "public"];

/** Root files that change what `next build` produces (Next's special root files and .env files included). */
const SOURCE_FILES = [
  "next.config.js",
  "next.config.mjs",
  "next.config.ts",
  "package-lock.json",
  "tsconfig.json",
  "postcss.config.mjs",
  "middleware.ts",
  "proxy.ts",
  "instrumentation.ts",
  "instrumentation-client.ts",
  ".env",
  ".env.production",
  ".env.local",
  ".env.production.local",
];

const BUILD_ID = join(".next", "BUILD_ID");

/**
 * Why a new `next build` is needed in `root`, or undefined when the last build is newer than every source.
 * Folder mtimes count too, so a deleted or renamed file also makes the build stale.
 */
export function staleBuildReason(root: string): string | undefined {
  const buildId = join(root, BUILD_ID);
  if (!existsSync(buildId)) return "no build yet";
  const builtAt = statSync(buildId).mtimeMs;
  for (const file of SOURCE_FILES) {
    const path = join(root, file);
    if (existsSync(path) && statSync(path).mtimeMs > builtAt) return `${file} changed since the last build`;
  }
  for (const dir of SOURCE_DIRS) {
    const newer = findNewer(join(root, dir), builtAt);
    if (newer) return `${newer.slice(root.length + 1)} changed since the last build`;
  }
  return undefined;
}

function findNewer(path: string, than: number): string | undefined {
  if (!existsSync(path)) return undefined;
  const stat = statSync(path);
  if (stat.mtimeMs > than) return path;
  if (!stat.isDirectory()) return undefined;
  for (const entry of readdirSync(path)) {
    if (entry === "node_modules") continue;
    const found = findNewer(join(path, entry), than);
    if (found) return found;
  }
  return undefined;
}
