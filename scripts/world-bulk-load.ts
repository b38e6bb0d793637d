/**
 * Seeds an emulator data folder with a world and hours of simulated flow records, for benchmarks:
 * `npm run world:bulk-load -- --world world.json --data /tmp/bench-data [--hours 24] [--now ISO-8601]`,
 * then `npm run emulator -- --world world.json --data /tmp/bench-data` serves it. Exits 64 on bad arguments.
 */
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { bulkLoad } from "../emulator/world/bulk-load";
import { floorToMinute } from "../emulator/world/demo-args";
import { loadWorldFile, WorldFileError } from "../emulator/world/load";

const USAGE =
  "usage: npm run world:bulk-load -- --world FILE --data DIR [--hours H (default 24)] [--now ISO-8601] [--seed N]\n" +
  "  Reseeds DIR (its state.duckdb and events.duckdb) from FILE and writes H hours of flow records ending at\n" +
  "  --now (default: this minute). Then: npm run emulator -- --world FILE --data DIR";

function fail(message: string): never {
  process.stderr.write(`world:bulk-load: ${message}\n${USAGE}\n`);
  process.exit(64);
}

function args() {
  try {
    const { values } = parseArgs({
      options: {
        world: { type: "string" },
        data: { type: "string" },
        hours: { type: "string" },
        now: { type: "string" },
        seed: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
      allowPositionals: false,
    });
    if (values.help) {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    }
    if (!values.world || !values.data) fail("--world and --data are required");
    const hours = Number(values.hours ?? "24");
    if (!(hours > 0 && hours <= 24 * 14))
      fail(`--hours must be a number of hours from 0 to 336, got ${values.hours}`);
    const now = values.now === undefined ? floorToMinute(new Date()) : new Date(values.now);
    if (Number.isNaN(now.getTime())) fail(`--now must be an ISO 8601 time, got ${values.now}`);
    const seed = Number(values.seed ?? "1");
    if (!Number.isSafeInteger(seed) || seed < 0)
      fail(`--seed must be a non-negative integer, got ${values.seed}`);
    return { world: values.world, data: resolve(values.data), hours, now: now.getTime(), seed };
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
}

const options = args();
const log = (line: string) => process.stderr.write(`world:bulk-load: ${line}\n`);
const world = (() => {
  try {
    return loadWorldFile(options.world);
  } catch (error) {
    if (!(error instanceof WorldFileError)) throw error;
    process.stderr.write(`world:bulk-load: ${error.message}\n`);
    process.exit(error.message.includes(": cannot read") ? 66 : 65);
  }
})();
log(`${world.ec2?.NetworkInterfaces?.length ?? 0} interfaces in ${world.ec2?.Vpcs?.length ?? 0} VPCs`);
const result = await bulkLoad({
  world,
  dataDir: options.data,
  now: options.now,
  hours: options.hours,
  seed: options.seed,
  log,
});
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`;
const seconds = result.generateMs / 1000;
process.stdout.write(
  `${JSON.stringify({
    records: result.records,
    logGroups: result.logGroups,
    hours: options.hours,
    seedSeconds: Number((result.seedMs / 1000).toFixed(1)),
    generateSeconds: Number(seconds.toFixed(1)),
    recordsPerSecond: Math.round(result.records / seconds),
    peakRss: mb(process.resourceUsage().maxRSS * 1024),
    eventsFile: mb(result.eventsFileBytes),
  })}\n`,
);
