import { existsSync, rmSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { ensureAdminPassword, ensureAuthSecret } from "@/lib/auth/local-admin";
import { dataDir } from "@/lib/config/data-dir";
import { parseStartArgs, START_USAGE, type StartOptions } from "./start-args";
import { type AdminPassword, banner } from "./start-banner";
import { staleBuildReason } from "./start-build";
import { EMULATOR_HOST, startEmulator } from "./start-emulator";
import { type AppSource, appEnv } from "./start-env";
import { awsIdentity, chooseSource, imdsAllowed } from "./start-source";
import { ChildExitedError, Supervisor } from "./start-supervisor";
import { assertPortFree, waitForHttpOk } from "./start-wait";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const NEXT_BIN = join(ROOT, "node_modules", ".bin", "next");
const APP_READY_TIMEOUT_MS = 120_000;

/** Generated-password bookkeeping: a password never shown must not stay the only way in. */
const startup = { ready: false, generatedHashFile: undefined as string | undefined };

async function run(supervisor: Supervisor, options: StartOptions): Promise<void> {
  const choice = await chooseSource(options);
  // Before the build, which can take minutes: fail fast on a port that is taken.
  await assertPortFree(options.port, "localhost", "--port");
  if (choice.kind === "emulator")
    await assertPortFree(options.emulatorPort, EMULATOR_HOST, "--emulator-port");
  await buildIfStale(supervisor);
  const data = dataDir();
  let source: AppSource;
  let sourceLine: string;
  let emulatorUrl: string | undefined;
  if (choice.kind === "emulator") {
    log(`Starting the local AWS emulator (${choice.reason})…`);
    const emulator = await supervisor.guard(
      startEmulator(supervisor, {
        port: options.emulatorPort,
        world: options.world,
        reset: options.reset,
        dataDir: data,
        env: process.env,
      }),
    );
    source = { kind: "emulator", endpoint: emulator.endpoint, region: emulator.region };
    const world = emulator.worldFile ? `World ${basename(emulator.worldFile)}` : "Demo world";
    sourceLine = `${world} (local emulator) — account ${emulator.accountId}, ${emulator.region}\n${emulator.seedNote}`;
    emulatorUrl = emulator.endpoint;
  } else {
    if (options.reset) log("--reset ignored: the dashboard reads AWS, not the local emulator.");
    source = { kind: "aws", region: choice.region };
    sourceLine = await describeAws(choice.region);
  }
  const admin = adminPassword(data);
  const url = `http://localhost:${options.port}`;
  log(`Starting the web app on ${url}…`);
  const app = supervisor.service("app", NEXT_BIN, ["start", "-H", "localhost", "-p", String(options.port)], {
    env: appEnv(process.env, { port: options.port, authSecret: ensureAuthSecret(), dataDir: data, source }),
  });
  await supervisor.guard(waitForHttpOk(app, `${url}/api/health`, APP_READY_TIMEOUT_MS));
  startup.ready = true;
  console.log(banner({ source: sourceLine, emulatorUrl, url, admin }));
  supervisor.goLive();
}

async function buildIfStale(supervisor: Supervisor): Promise<void> {
  const reason = staleBuildReason(ROOT);
  if (!reason) return;
  log(`Building the web app (${reason})…`);
  const started = Date.now();
  const build = supervisor.task("build", NEXT_BIN, ["build"], {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    live: true,
  });
  const info = await build.exited;
  await build.drained();
  if (info.code !== 0) throw new ChildExitedError(build);
  log(`Built in ${((Date.now() - started) / 1000).toFixed(1)}s.`);
}

async function describeAws(region: string): Promise<string> {
  try {
    const identity = await awsIdentity(region);
    return `AWS account ${identity.account} in ${region} (as ${identity.arn})`;
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return `AWS in ${region} — credentials found, but STS GetCallerIdentity failed: ${why}`;
  }
}

function adminPassword(data: string): AdminPassword {
  const hashFile = join(data, "admin-password.json");
  if (process.env.FLOWSCOPE_ADMIN_PASSWORD) return { kind: "env" };
  const created = ensureAdminPassword();
  if (!created) return { kind: "stored", hashFile };
  startup.generatedHashFile = hashFile;
  return { kind: "generated", password: created.generated, hashFile };
}

function forgetUnshownPassword(): void {
  if (!startup.ready && startup.generatedHashFile) rmSync(startup.generatedHashFile, { force: true });
}

async function shutdown(supervisor: Supervisor, code: number): Promise<never> {
  forgetUnshownPassword();
  await supervisor.stopAll();
  process.exit(code);
}

function log(message: string): void {
  console.log(`flowscope: ${message}`);
}

function fail(message: string): void {
  console.error(`\nflowscope: ${message}\n`);
}

async function main(): Promise<void> {
  let options: StartOptions;
  try {
    options = parseStartArgs(process.argv.slice(2), process.env);
  } catch (error) {
    fail(`${error instanceof Error ? error.message : String(error)}\n\n${START_USAGE}`);
    process.exit(2);
  }
  if (options.help) {
    console.log(START_USAGE);
    return;
  }
  // Paths the user gave are relative to where they stand; everything else to the project.
  options.world = options.world ? resolve(options.world) : undefined;
  if (options.world && !existsSync(options.world)) {
    fail(`World file not found: ${options.world}`);
    process.exit(2);
  }
  process.env.FLOWSCOPE_DATA_DIR = resolve(process.env.FLOWSCOPE_DATA_DIR ?? join(ROOT, "data"));
  process.chdir(ROOT);
  if (!imdsAllowed(process.env)) process.env.AWS_EC2_METADATA_DISABLED = "true";
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

  const supervisor = new Supervisor();
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(signal, () => {
      if (supervisor.isStopping) return;
      log(`${signal}: stopping…`);
      void shutdown(supervisor, 0);
    });
  }
  try {
    await run(supervisor, options);
    await supervisor.failure;
  } catch (error) {
    if (supervisor.isStopping) return;
    fail(error instanceof Error ? error.message : String(error));
    await shutdown(supervisor, 1);
  }
}

await main();
