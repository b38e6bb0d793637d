/**
 * Prints the demo world as pretty JSON: `npm run world:demo -- --seed 7 --now 2026-06-01T12:00:00Z > world.json`
 * (`--scale S` for a benchmark-sized world).
 * Exits 64 (EX_USAGE) with a message on stderr when the arguments are bad.
 */
import { buildDemoWorld } from "../emulator/world/demo";
import { parseWorldDemoArgs, UsageError, WORLD_DEMO_USAGE } from "../emulator/world/demo-args";

const EX_USAGE = 64;

function main(): number {
  try {
    const args = parseWorldDemoArgs(process.argv.slice(2), new Date());
    if (args.help) {
      process.stdout.write(`${WORLD_DEMO_USAGE}\n`);
      return 0;
    }
    const world = buildDemoWorld({ seed: args.seed, now: args.now, scale: args.scale });
    process.stdout.write(`${JSON.stringify(world, null, 2)}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`world:demo: ${error.message}\n${WORLD_DEMO_USAGE}\n`);
    return EX_USAGE;
  }
}

process.exitCode = main();
