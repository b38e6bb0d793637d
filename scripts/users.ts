/**
 * Manages local accounts kept in the data folder (scrypt hashes only):
 *   npm run users -- list
 *   npm run users -- add NAME --role viewer|operator|admin [--password P]   (prints a generated password once)
 *   npm run users -- remove NAME
 */
import { parseArgs } from "node:util";
import { listLocalUsers, removeLocalUser, upsertLocalUser } from "@/lib/auth/local-users";
import { isRole } from "@/lib/auth/roles";

function main(): number {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { role: { type: "string" }, password: { type: "string" } },
  });
  const [command, name] = positionals;
  if (command === "list") {
    for (const u of listLocalUsers()) console.log(`${u.username}\t${u.role}\t(${u.source})`);
    return 0;
  }
  if (command === "add" && name) {
    if (!isRole(values.role)) {
      console.error("--role: one of viewer, operator, admin");
      return 2;
    }
    const { password } = upsertLocalUser(name, values.role, values.password);
    console.log(
      values.password
        ? `Saved ${name} (${values.role}).`
        : `Saved ${name} (${values.role}); password: ${password}`,
    );
    return 0;
  }
  if (command === "remove" && name) {
    console.log(removeLocalUser(name) ? `Removed ${name}.` : `No local account ${name}.`);
    return 0;
  }
  console.error("usage: npm run users -- list | add NAME --role ROLE [--password P] | remove NAME");
  return 2;
}

try {
  process.exitCode = main();
} catch (err) {
  console.error(err instanceof Error ? err.message : String(err));
  process.exitCode = 2;
}
