import { resolve } from "node:path";
import { describe, expect, test } from "vitest";
import { CliUsageError, parseCliArgs } from "./cli-args";

const world = ["--world", "w.json"];

describe("parseCliArgs", () => {
  test("defaults: localhost, port 4566, page size 5, data/emulator, 30 queries of at least 300 ms, no faults", () => {
    expect(parseCliArgs(world, {})).toEqual({
      help: false,
      world: "w.json",
      dataDir: resolve("data", "emulator"),
      reset: false,
      port: 4566,
      host: "127.0.0.1",
      pageSize: 5,
      quiet: false,
      queries: { maxConcurrent: 30, minDurationMs: 300 },
      simulator: { tickMs: 10_000, deliveryDelayMs: undefined },
      faults: { throttleRate: 0, latencyMs: 0, queryFailRate: 0, accessDenied: [] },
    });
  });

  test("data folder, queries, simulator and faults from the environment, overridden by flags", () => {
    const env = {
      FLOWSCOPE_DATA_DIR: "/tmp/fs",
      FLOWSCOPE_EMULATOR_MAX_QUERIES: "4",
      FLOWSCOPE_EMULATOR_QUERY_MIN_MS: "0",
      FLOWSCOPE_EMULATOR_TICK_MS: "500",
      FLOWSCOPE_EMULATOR_DELIVERY_DELAY_MS: "1000",
      FLOWSCOPE_FAULT_THROTTLE_RATE: "0.1",
      FLOWSCOPE_FAULT_ACCESS_DENIED: "ec2:CreateFlowLogs",
    };
    expect(parseCliArgs(world, env)).toMatchObject({
      dataDir: "/tmp/fs/emulator",
      queries: { maxConcurrent: 4, minDurationMs: 0 },
      simulator: { tickMs: 500, deliveryDelayMs: 1000 },
      faults: { throttleRate: 0.1, accessDenied: ["ec2:CreateFlowLogs"] },
    });
    const flags = [
      ...world,
      ...["--data", "/srv/d", "--reset", "--no-simulator", "--max-queries", "2"],
      ...["--fault-throttle-rate", "1", "--fault-latency-ms", "20", "--fault-query-fail-rate", "0.5"],
      ...["--fault-access-denied", "logs:*,CreateRole", "--fault-seed", "3"],
    ];
    expect(parseCliArgs(flags, env)).toMatchObject({
      dataDir: "/srv/d",
      reset: true,
      simulator: undefined,
      queries: { maxConcurrent: 2 },
      faults: {
        throttleRate: 1,
        latencyMs: 20,
        queryFailRate: 0.5,
        accessDenied: ["logs:*", "CreateRole"],
        seed: 3,
      },
    });
  });

  test("environment defaults, overridden by flags", () => {
    const env = { FLOWSCOPE_EMULATOR_PORT: "0", FLOWSCOPE_EMULATOR_PAGE_SIZE: "2" };
    expect(parseCliArgs(world, env)).toMatchObject({ port: 0, pageSize: 2 });
    const flags = [...world, "--port", "9000", "--page-size", "50", "--host", "0.0.0.0", "--quiet"];
    expect(parseCliArgs(flags, env)).toMatchObject({
      port: 9000,
      pageSize: 50,
      host: "0.0.0.0",
      quiet: true,
    });
  });

  test.each([
    [[], {}, /--world FILE is required/],
    [[...world, "--port", "http"], {}, /--port must be an integer from 0 to 65535, got 'http'/],
    [[...world, "--port", "70000"], {}, /--port/],
    [world, { FLOWSCOPE_EMULATOR_PORT: "-1" }, /--port/],
    [[...world, "--page-size", "0"], {}, /--page-size must be an integer from 1/],
    [[...world, "--verbose"], {}, /Unknown option '--verbose'/],
    [[...world, "extra"], {}, /positional/],
    [[...world, "--host", ""], {}, /--host must not be empty/],
    [[...world, "--fault-throttle-rate", "2"], {}, /fault settings: throttleRate/],
    [world, { FLOWSCOPE_FAULT_LATENCY_MS: "soon" }, /fault settings: latencyMs/],
    [[...world, "--max-queries", "0"], {}, /--max-queries must be an integer from 1/],
    [[...world, "--tick-ms", "5"], {}, /--tick-ms must be an integer from 100/],
  ])("%j %j is a usage error", (argv, env, message) => {
    expect(() => parseCliArgs(argv, env)).toThrow(CliUsageError);
    expect(() => parseCliArgs(argv, env)).toThrow(message);
  });
});
