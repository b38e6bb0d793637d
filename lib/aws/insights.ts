import "server-only";
import { awsClients } from "./clients";
import { DEFAULT_CACHE } from "./insights-cache";
import { DEFAULT_RUNNER, InsightsRunner } from "./insights-runner";

const KEY = Symbol.for("flowscope.insightsRunner");
type Holder = { [KEY]?: InsightsRunner };

/** FLOWSCOPE_INSIGHTS_CONCURRENCY: queries at once for this server, below the account quota. */
function concurrency(): number {
  const value = Number(process.env.FLOWSCOPE_INSIGHTS_CONCURRENCY);
  return Number.isInteger(value) && value > 0 ? value : DEFAULT_RUNNER.maxConcurrent;
}

/** FLOWSCOPE_INSIGHTS_CACHE=off: results expire at once (benchmarks measure the uncached path); joining stays. */
const cacheSettings = () =>
  process.env.FLOWSCOPE_INSIGHTS_CACHE === "off"
    ? { ...DEFAULT_CACHE, recentTtlMs: 1, pastTtlMs: 1 }
    : DEFAULT_CACHE;

/** The runner every request shares (one per server process: its cache and queue are the point). */
export function insightsRunner(): InsightsRunner {
  // On globalThis so that dev-mode module reloads keep one cache and one queue.
  const holder = globalThis as Holder;
  holder[KEY] ??= new InsightsRunner({
    logs: (region) => awsClients(region).logs,
    settings: { maxConcurrent: concurrency(), cache: cacheSettings() },
  });
  return holder[KEY];
}
