import { parseArgs } from "node:util";

export interface StartOptions {
  port: number;
  emulatorPort: number;
  /** A world file to load into the emulator instead of the generated demo world. */
  world: string | undefined;
  /** Wipe the emulator's data folder and seed it again from the world. */
  reset: boolean;
  demo: boolean;
  help: boolean;
}

export const START_USAGE = `Usage: npm start -- [options]

  --port N            port of the web app (default: $PORT or 3000)
  --emulator-port N   port of the local AWS emulator (default: $FLOWSCOPE_EMULATOR_PORT or 4566)
  --demo              use the demo world in the local emulator even when AWS credentials are found
  --world FILE        load FILE (a Flowscope world JSON, e.g. from \`npm run world:export\`) into the
                      local emulator; its data folder is reseeded unless it came from this same file
  --reset             wipe the local emulator's data (flow logs created in the dashboard, delivered
                      records) and seed it again from the world
  --help              show this text

Environment: FLOWSCOPE_DEMO=1 is the same as --demo; FLOWSCOPE_DATA_DIR (default ./data) holds the
admin password hash, the auth secret and the emulator's store; FLOWSCOPE_ADMIN_PASSWORD sets the
admin password instead of a generated one; FLOWSCOPE_USE_IMDS=1 lets the AWS credential lookup ask
the EC2 instance metadata service.`;

export function parseStartArgs(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): StartOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      port: { type: "string" },
      "emulator-port": { type: "string" },
      world: { type: "string" },
      reset: { type: "boolean", default: false },
      demo: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  return {
    port: parsePort(values.port ?? env.PORT ?? "3000", "--port"),
    emulatorPort: parsePort(
      values["emulator-port"] ?? env.FLOWSCOPE_EMULATOR_PORT ?? "4566",
      "--emulator-port",
    ),
    world: values.world,
    reset: values.reset === true,
    demo: values.demo === true || env.FLOWSCOPE_DEMO === "1",
    help: values.help === true,
  };
}

function parsePort(text: string, flag: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port < 1 || port > 65_535) {
    throw new Error(`${flag} must be a port number between 1 and 65535, not "${text}"`);
  }
  return port;
}
