import { randomBytes, scryptSync, timingSafeEqual } from "node:crypto";
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { dataDir } from "@/lib/config/data-dir";
import { LOCAL_ADMIN_USER, verifyAdminPassword } from "./local-admin";
import { ROLES, type Role } from "./roles";

/**
 * Local accounts besides the built-in admin, each with a role:
 * - the file `users.json` in the data folder, holding scrypt hashes only (managed with `npm run users`);
 * - the env var FLOWSCOPE_LOCAL_USERS, a JSON array of {username, role, password} for test and demo set-ups
 *   where the password is a secret of the deployment anyway.
 * The admin account ("admin") always has the admin role and cannot be redefined here.
 */
const USERS_FILE = "users.json";
const SCRYPT = { N: 16384, r: 8, p: 1, keylen: 32 } as const;

const usernameSchema = z
  .string()
  .regex(/^[a-zA-Z0-9._@-]{1,64}$/, "use 1–64 letters, digits, dots, dashes, underscores or @")
  .refine((u) => u !== LOCAL_ADMIN_USER, `"${LOCAL_ADMIN_USER}" is the built-in admin account`);
const roleSchema = z.enum(ROLES);

const envUserSchema = z.object({ username: usernameSchema, role: roleSchema, password: z.string().min(8) });
const storedUserSchema = z.object({
  username: usernameSchema,
  role: roleSchema,
  salt: z.string(),
  hash: z.string(),
  N: z.number().int(),
  r: z.number().int(),
  p: z.number().int(),
});
type StoredUser = z.infer<typeof storedUserSchema>;

export type LocalUser = { username: string; role: Role; source: "env" | "file" };

function usersFile(): string {
  return join(dataDir(), USERS_FILE);
}

function envUsers(): z.infer<typeof envUserSchema>[] {
  const raw = process.env.FLOWSCOPE_LOCAL_USERS;
  if (!raw) return [];
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new Error('FLOWSCOPE_LOCAL_USERS: not JSON; expected [{"username","role","password"}, …]');
  }
  const parsed = z.array(envUserSchema).safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`FLOWSCOPE_LOCAL_USERS[${issue?.path.join(".")}]: ${issue?.message}`);
  }
  return parsed.data;
}

function fileUsers(): StoredUser[] {
  const file = usersFile();
  if (!existsSync(file)) return [];
  const parsed = z.array(storedUserSchema).safeParse(JSON.parse(readFileSync(file, "utf8")));
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}

/** Every local account with its role (admin first). Throws with the field at fault on a bad configuration. */
export function listLocalUsers(): LocalUser[] {
  const users: LocalUser[] = [{ username: LOCAL_ADMIN_USER, role: "admin", source: "file" }];
  for (const u of fileUsers()) users.push({ username: u.username, role: u.role, source: "file" });
  for (const u of envUsers()) {
    const i = users.findIndex((x) => x.username === u.username);
    const entry: LocalUser = { username: u.username, role: u.role, source: "env" };
    if (i >= 0) users[i] = entry;
    else users.push(entry);
  }
  return users;
}

function digest(value: string): Buffer {
  return scryptSync(value, "flowscope-local-user", 32, { N: 1024 });
}

/** The role of a local account whose password matches, else null. Constant-time for the password. */
export function verifyLocalUser(username: string, password: string): Role | null {
  if (username === LOCAL_ADMIN_USER) return verifyAdminPassword(password) ? "admin" : null;
  const fromEnv = envUsers().find((u) => u.username === username);
  if (fromEnv) return timingSafeEqual(digest(password), digest(fromEnv.password)) ? fromEnv.role : null;
  const stored = fileUsers().find((u) => u.username === username);
  if (!stored) {
    digest(password); // same work as a real check, so unknown names do not answer faster
    return null;
  }
  const expected = Buffer.from(stored.hash, "base64");
  const actual = scryptSync(password, Buffer.from(stored.salt, "base64"), expected.length, {
    N: stored.N,
    r: stored.r,
    p: stored.p,
  });
  return timingSafeEqual(actual, expected) ? stored.role : null;
}

function writeUsers(users: StoredUser[]): void {
  const file = usersFile();
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(users, null, 2)}\n`, { mode: 0o600 });
  renameSync(tmp, file);
}

/** Adds or replaces a file account; returns the generated password when none was given. */
export function upsertLocalUser(username: string, role: Role, password?: string): { password: string } {
  usernameSchema.parse(username);
  roleSchema.parse(role);
  const clear = password ?? randomBytes(12).toString("base64url");
  if (clear.length < 8) throw new Error("password: at least 8 characters");
  const salt = randomBytes(16);
  const hash = scryptSync(clear, salt, SCRYPT.keylen, { N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p });
  const entry: StoredUser = {
    username,
    role,
    salt: salt.toString("base64"),
    hash: hash.toString("base64"),
    N: SCRYPT.N,
    r: SCRYPT.r,
    p: SCRYPT.p,
  };
  writeUsers([...fileUsers().filter((u) => u.username !== username), entry]);
  return { password: clear };
}

/** Removes a file account; true when it existed. */
export function removeLocalUser(username: string): boolean {
  const users = fileUsers();
  const kept = users.filter((u) => u.username !== username);
  if (kept.length === users.length) return false;
  writeUsers(kept);
  return true;
}
