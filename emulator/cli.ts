import { type CliConfig, CliUsageError, parseCliArgs, USAGE } from "./cli-args";
import { startEmulator } from "./server";
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

async function main() {
  const cfg = config();
  if (cfg.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const loaded = world(cfg.world);
  const log = cfg.quiet ? undefined : (line: string) => process.stdout.write(`${line}\n`);
  const { host, port, pageSize } = cfg;
  const emulator = await startEmulator({ world: loaded, port, host, pageSize, log }).catch((error: unknown) =>
    fail(`cannot listen on ${host}:${port}: ${error instanceof Error ? error.message : String(error)}`, 69),
  );
  process.stdout.write(
    `Flowscope emulator listening on ${emulator.url} (account ${loaded.accountId}, region ${loaded.region}, world ${cfg.world})\n`,
  );
  const stop = () => {
    emulator.close().finally(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

await main();
