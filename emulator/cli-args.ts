import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { type FaultSettings, FaultSettingsError, faultSettingsFromEnv, parseFaultSettings } from "./faults";
import type { QuerySettings } from "./server";
import type { SimulatorSettings } from "./simulator-host";

// Exit codes from sysexits.h: 64 usage, 65 bad world data, 66 world file unreadable, 69 cannot listen.
export const EXIT_USAGE = 64;

export const USAGE = `usage: npm run emulator -- --world FILE [--data DIR] [--reset] [options]
  --world FILE                 world file (DESIGN.md "The world file"); seeds an empty data folder
  --data DIR                   persistent store (default: $FLOWSCOPE_DATA_DIR/emulator, else data/emulator)
  --reset                      wipe the data folder and seed it again from --world
  --port N                     port to listen on, 0 = random (default: $FLOWSCOPE_EMULATOR_PORT or 4566)
  --host H                     address to listen on (default 127.0.0.1; the emulator accepts any credentials)
  --page-size N                page size of Describe calls without MaxResults (default: $FLOWSCOPE_EMULATOR_PAGE_SIZE or 5)
  --max-queries N              concurrent Insights queries (default: $FLOWSCOPE_EMULATOR_MAX_QUERIES or 30)
  --query-min-ms N             least time a query runs (default: $FLOWSCOPE_EMULATOR_QUERY_MIN_MS or 300)
  --tick-ms N                  traffic simulator tick (default: $FLOWSCOPE_EMULATOR_TICK_MS or 10000)
  --delivery-delay-ms N        capture-to-delivery delay (default: $FLOWSCOPE_EMULATOR_DELIVERY_DELAY_MS, else
                               each flow log's aggregation interval + 5 min, as AWS)
  --no-simulator               do not generate traffic
  --fault-throttle-rate R      share 0–1 of requests throttled ($FLOWSCOPE_FAULT_THROTTLE_RATE)
  --fault-latency-ms N         latency added to each request ($FLOWSCOPE_FAULT_LATENCY_MS)
  --fault-query-fail-rate R    share 0–1 of queries that end Failed ($FLOWSCOPE_FAULT_QUERY_FAIL_RATE)
  --fault-access-denied LIST   comma list of actions refused, e.g. ec2:CreateFlowLogs,logs:* ($FLOWSCOPE_FAULT_ACCESS_DENIED)
  --fault-seed N               makes the fault draws repeatable ($FLOWSCOPE_FAULT_SEED)
  --quiet                      do not log requests`;

export class CliUsageError extends Error {
  readonly exitCode = EXIT_USAGE;
}

export interface CliConfig {
  help: boolean;
  world: string;
  dataDir: string;
  reset: boolean;
  port: number;
  host: string;
  pageSize: number;
  quiet: boolean;
  queries: Required<Pick<QuerySettings, "maxConcurrent" | "minDurationMs">>;
  /** Undefined with --no-simulator. */
  simulator: SimulatorSettings | undefined;
  faults: FaultSettings;
}

type Env = Readonly<Record<string, string | undefined>>;

function integer(value: string, what: string, min: number, max: number): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max) {
    throw new CliUsageError(`${what} must be an integer from ${min} to ${max}, got '${value}'`);
  }
  return n;
}

function faults(values: ReturnType<typeof parse>["values"], env: Env): FaultSettings {
  try {
    const fromEnv = faultSettingsFromEnv(env);
    return parseFaultSettings({
      throttleRate: values["fault-throttle-rate"] ?? fromEnv.throttleRate,
      latencyMs: values["fault-latency-ms"] ?? fromEnv.latencyMs,
      queryFailRate: values["fault-query-fail-rate"] ?? fromEnv.queryFailRate,
      accessDenied: values["fault-access-denied"] ?? fromEnv.accessDenied,
      seed: values["fault-seed"] ?? fromEnv.seed,
    });
  } catch (error) {
    if (error instanceof FaultSettingsError) throw new CliUsageError(`fault settings: ${error.message}`);
    throw error;
  }
}

/** The emulator's command line and environment, checked; bad input is a CliUsageError. */
export function parseCliArgs(argv: readonly string[], env: Env): CliConfig {
  let values: ReturnType<typeof parse>["values"];
  try {
    values = parse(argv).values;
  } catch (error) {
    throw new CliUsageError(error instanceof Error ? error.message : String(error));
  }
  const help = values.help === true;
  if (!values.world && !help) throw new CliUsageError("--world FILE is required");
  const host = values.host ?? "127.0.0.1";
  if (host.trim() === "") throw new CliUsageError("--host must not be empty");
  const delay = values["delivery-delay-ms"] ?? env.FLOWSCOPE_EMULATOR_DELIVERY_DELAY_MS;
  const day = 24 * 60 * 60 * 1000;
  return {
    help,
    world: values.world ?? "",
    dataDir: resolve(values.data ?? resolve(env.FLOWSCOPE_DATA_DIR ?? "data", "emulator")),
    reset: values.reset === true,
    port: integer(values.port ?? env.FLOWSCOPE_EMULATOR_PORT ?? "4566", "--port", 0, 65535),
    host,
    pageSize: integer(values["page-size"] ?? env.FLOWSCOPE_EMULATOR_PAGE_SIZE ?? "5", "--page-size", 1, 1000),
    quiet: values.quiet === true,
    queries: {
      maxConcurrent: integer(
        values["max-queries"] ?? env.FLOWSCOPE_EMULATOR_MAX_QUERIES ?? "30",
        "--max-queries",
        1,
        10_000,
      ),
      minDurationMs: integer(
        values["query-min-ms"] ?? env.FLOWSCOPE_EMULATOR_QUERY_MIN_MS ?? "300",
        "--query-min-ms",
        0,
        day,
      ),
    },
    simulator:
      values["no-simulator"] === true
        ? undefined
        : {
            tickMs: integer(
              values["tick-ms"] ?? env.FLOWSCOPE_EMULATOR_TICK_MS ?? "10000",
              "--tick-ms",
              100,
              day,
            ),
            deliveryDelayMs:
              delay === undefined || delay === "" ? undefined : integer(delay, "--delivery-delay-ms", 0, day),
          },
    faults: faults(values, env),
  };
}

const text = { type: "string" } as const;
const flag = { type: "boolean" } as const;

const parse = (argv: readonly string[]) =>
  parseArgs({
    args: [...argv],
    options: {
      world: text,
      data: text,
      reset: flag,
      port: text,
      host: text,
      "page-size": text,
      "max-queries": text,
      "query-min-ms": text,
      "tick-ms": text,
      "delivery-delay-ms": text,
      "no-simulator": flag,
      "fault-throttle-rate": text,
      "fault-latency-ms": text,
      "fault-query-fail-rate": text,
      "fault-access-denied": text,
      "fault-seed": text,
      quiet: flag,
      help: { type: "boolean", short: "h" },
    },
    strict: true,
    allowPositionals: false,
  });
