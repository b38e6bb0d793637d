import { parseArgs } from "node:util";

// Exit codes from sysexits.h: 64 usage, 65 bad world data, 66 world file unreadable, 69 cannot listen.
export const EXIT_USAGE = 64;

export const USAGE = `usage: npm run emulator -- --world FILE [--port N] [--host H] [--page-size N] [--quiet]
  --world FILE     world file (DESIGN.md "The world file")
  --port N         port to listen on, 0 = random (default: $FLOWSCOPE_EMULATOR_PORT or 4566)
  --host H         address to listen on (default 127.0.0.1; the emulator accepts any credentials)
  --page-size N    page size of Describe calls without MaxResults (default: $FLOWSCOPE_EMULATOR_PAGE_SIZE or 5)
  --quiet          do not log requests`;

export class CliUsageError extends Error {
  readonly exitCode = EXIT_USAGE;
}

export interface CliConfig {
  help: boolean;
  world: string;
  port: number;
  host: string;
  pageSize: number;
  quiet: boolean;
}

function integer(value: string, what: string, min: number, max: number): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max) {
    throw new CliUsageError(`${what} must be an integer from ${min} to ${max}, got '${value}'`);
  }
  return n;
}

/** The emulator's command line and environment, checked; bad input is a CliUsageError. */
export function parseCliArgs(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): CliConfig {
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
  return {
    help,
    world: values.world ?? "",
    port: integer(values.port ?? env.FLOWSCOPE_EMULATOR_PORT ?? "4566", "--port", 0, 65535),
    host,
    pageSize: integer(values["page-size"] ?? env.FLOWSCOPE_EMULATOR_PAGE_SIZE ?? "5", "--page-size", 1, 1000),
    quiet: values.quiet === true,
  };
}

const parse = (argv: readonly string[]) =>
  parseArgs({
    args: [...argv],
    options: {
      world: { type: "string" },
      port: { type: "string" },
      host: { type: "string" },
      "page-size": { type: "string" },
      quiet: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
    allowPositionals: false,
  });
