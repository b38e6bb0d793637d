import { type CliConfig, CliUsageError, parseCliArgs, USAGE } from "./cli-args";
import { startEmulator } from "./server";
import type { DataOrigin } from "./state/open-data";
import { loadWorldFile, WorldFileError } from "./world/load";
import type { World } from "./world/types";

function fail(message: string, code: number): never {
  process.stderr.write(`flowscope emulator: ${message}\n`);
  if (code === 64) process.stderr.write(`${USAGE}\n`);
  process.exit(code);
}

function config(): CliConfig {
  try {
    return parseCliArgs(process.argv.slice(2), process.env);
  } catch (error) {
    if (error instanceof CliUsageError) fail(error.message, error.exitCode);
    throw error;
  }
}

function world(path: string): World {
  try {
    return loadWorldFile(path);
  } catch (error) {
    if (error instanceof WorldFileError)
      fail(error.message, error.message.includes(": cannot read") ? 66 : 65);
    throw error;
  }
}

const ORIGIN: Record<DataOrigin, string> = {
  seeded: "seeded from the world",
  reset: "reset and seeded from the world",
  kept: "kept from an earlier run; --world ignored (--reset reseeds from it)",
};

async function main() {
  const cfg = config();
  if (cfg.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const loaded = world(cfg.world);
  const log = cfg.quiet ? undefined : (line: string) => process.stdout.write(`${line}\n`);
  const { host, port, pageSize, dataDir, reset, queries, simulator, faults } = cfg;
  const options = { world: loaded, dataDir, reset, port, host, pageSize, log, queries, simulator, faults };
  const emulator = await startEmulator(options).catch((error: unknown) =>
    fail(`cannot start on ${host}:${port}: ${error instanceof Error ? error.message : String(error)}`, 69),
  );
  const { state, origin } = emulator.data;
  process.stdout.write(
    `Flowscope emulator listening on ${emulator.url} (account ${state.accountId}, region ${state.region}, ` +
      `world ${cfg.world}; data ${dataDir} ${ORIGIN[origin]})\n`,
  );
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    emulator.close().finally(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

await main();
