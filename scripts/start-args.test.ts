import { describe, expect, it } from "vitest";
import { parseStartArgs } from "./start-args";

describe("parseStartArgs", () => {
  it.each([
    { argv: [], env: {}, port: 3000, emulatorPort: 4566, demo: false },
    { argv: [], env: { PORT: "8080" }, port: 8080, emulatorPort: 4566, demo: false },
    { argv: ["--port", "3210"], env: { PORT: "8080" }, port: 3210, emulatorPort: 4566, demo: false },
    { argv: ["--emulator-port=4577", "--demo"], env: {}, port: 3000, emulatorPort: 4577, demo: true },
    { argv: [], env: { FLOWSCOPE_DEMO: "1" }, port: 3000, emulatorPort: 4566, demo: true },
    { argv: [], env: { FLOWSCOPE_DEMO: "0" }, port: 3000, emulatorPort: 4566, demo: false },
    { argv: [], env: { FLOWSCOPE_EMULATOR_PORT: "4600" }, port: 3000, emulatorPort: 4600, demo: false },
    {
      argv: ["--emulator-port", "4700"],
      env: { FLOWSCOPE_EMULATOR_PORT: "4600" },
      port: 3000,
      emulatorPort: 4700,
      demo: false,
    },
  ])("$argv with $env", ({ argv, env, port, emulatorPort, demo }) => {
    expect(parseStartArgs(argv, env)).toEqual({
      port,
      emulatorPort,
      demo,
      world: undefined,
      reset: false,
      help: false,
    });
  });

  it("keeps the world file as given", () => {
    expect(parseStartArgs(["--world", "tests/fixtures/w.json"], {}).world).toBe("tests/fixtures/w.json");
  });

  it("takes --reset", () => {
    expect(parseStartArgs(["--world", "w.json", "--reset"], {}).reset).toBe(true);
  });

  it.each([
    ["--port", "0"],
    ["--port", "70000"],
    ["--port", "3e3"],
    ["--emulator-port", "x"],
  ])("rejects %s %s", (flag, value) => {
    expect(() => parseStartArgs([flag, value], {})).toThrow(/port number/);
  });

  it("rejects unknown options", () => {
    expect(() => parseStartArgs(["--prot", "1"], {})).toThrow();
  });
});
