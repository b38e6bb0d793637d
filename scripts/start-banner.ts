import { LOCAL_ADMIN_USER } from "@/lib/auth/local-admin";

export type AdminPassword =
  | { kind: "generated"; password: string; hashFile: string }
  | { kind: "env" }
  | { kind: "stored"; hashFile: string };

export interface BannerFacts {
  source: string;
  emulatorUrl: string | undefined;
  url: string;
  admin: AdminPassword;
}

/** The lines printed once everything is up. */
export function banner(facts: BannerFacts): string {
  const emulator: [string, string][] = facts.emulatorUrl ? [["AWS emulator", facts.emulatorUrl]] : [];
  const rows: [string, string][] = [
    ["Data source", facts.source],
    ...emulator,
    ["Open", facts.url],
    ["Sign in as", LOCAL_ADMIN_USER],
    ...passwordRows(facts.admin),
    ["Stop", "Ctrl-C"],
  ];
  const width = Math.max(...rows.map(([label]) => label.length)) + 2;
  const body = rows.map(
    ([label, value]) => `  ${label.padEnd(width)}${value.replaceAll("\n", `\n  ${" ".repeat(width)}`)}`,
  );
  const rule = `  ${"─".repeat(64)}`;
  return ["", "  Flowscope is running", rule, ...body, rule, ""].join("\n");
}

function passwordRows(admin: AdminPassword): [string, string][] {
  switch (admin.kind) {
    case "generated":
      return [
        ["Password", admin.password],
        [
          "",
          `Generated now and shown only this once: note it.\nOnly its scrypt hash is kept, in ${admin.hashFile}\n(delete that file to get a new password on the next start).`,
        ],
      ];
    case "env":
      return [["Password", "the value of FLOWSCOPE_ADMIN_PASSWORD"]];
    case "stored":
      return [
        [
          "Password",
          `the one printed on the first start (hash in ${admin.hashFile};\ndelete that file to get a new password on the next start)`,
        ],
      ];
  }
}
