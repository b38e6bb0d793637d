import { describe, expect, test } from "vitest";
import { CliUsageError, parseCliArgs } from "./cli-args";

const world = ["--world", "w.json"];

describe("parseCliArgs", () => {
  test("defaults: localhost, port 4566, page size 5", () => {
    expect(parseCliArgs(world, {})).toEqual({
      help: false,
      world: "w.json",
      port: 4566,
      host: "127.0.0.1",
      pageSize: 5,
      quiet: false,
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
  ])("%j %j is a usage error", (argv, env, message) => {
    expect(() => parseCliArgs(argv, env)).toThrow(CliUsageError);
    expect(() => parseCliArgs(argv, env)).toThrow(message);
  });
});
