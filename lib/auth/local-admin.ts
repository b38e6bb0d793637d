import { randomBytes, scryptSync, timingSafeEqual } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { dataDir } from "@/lib/config/data-dir";

export const LOCAL_ADMIN_USER = "admin";
const HASH_FILE = "admin-password.json";
const SCRYPT = { N: 16384, r: 8, p: 1, keylen: 32 } as const;

type StoredHash = { algorithm: "scrypt"; salt: string; hash: string; N: number; r: number; p: number };

function hashPassword(password: string): StoredHash {
  const salt = randomBytes(16);
  const hash = scryptSync(password, salt, SCRYPT.keylen, { N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p });
  return {
    algorithm: "scrypt",
    salt: salt.toString("base64"),
    hash: hash.toString("base64"),
    ...pick(SCRYPT),
  };
}

function pick({ N, r, p }: typeof SCRYPT) {
  return { N, r, p };
}

function hashFile(): string {
  return join(dataDir(), HASH_FILE);
}

/**
 * Makes sure the local admin account has a password. With FLOWSCOPE_ADMIN_PASSWORD set, that value is used
 * and nothing is stored. Otherwise a password is generated on first start, only its scrypt hash is stored in
 * the data folder, and the clear text is returned once so the caller can print it; later calls return null.
 */
export function ensureAdminPassword(): { generated: string } | null {
  if (process.env.FLOWSCOPE_ADMIN_PASSWORD) return null;
  const file = hashFile();
  if (existsSync(file)) return null;
  const generated = randomBytes(12).toString("base64url");
  writeFileSync(file, `${JSON.stringify(hashPassword(generated))}\n`, { mode: 0o600, flag: "wx" });
  return { generated };
}

/** Constant-time check of the local admin's password against the env value or the stored hash. */
export function verifyAdminPassword(password: string): boolean {
  const fromEnv = process.env.FLOWSCOPE_ADMIN_PASSWORD;
  if (fromEnv) return safeEqual(Buffer.from(password), Buffer.from(fromEnv));
  const file = hashFile();
  if (!existsSync(file)) return false;
  const stored = JSON.parse(readFileSync(file, "utf8")) as StoredHash;
  const expected = Buffer.from(stored.hash, "base64");
  const actual = scryptSync(password, Buffer.from(stored.salt, "base64"), expected.length, {
    N: stored.N,
    r: stored.r,
    p: stored.p,
  });
  return timingSafeEqual(actual, expected);
}

function safeEqual(a: Buffer, b: Buffer): boolean {
  // Compare digests so the length of the secret does not leak through timing.
  const ha = scryptSync(a, "flowscope", 32, { N: 1024 });
  const hb = scryptSync(b, "flowscope", 32, { N: 1024 });
  return timingSafeEqual(ha, hb);
}

/** AUTH_SECRET for next-auth: the env value, else one generated once and kept in the data folder. */
export function ensureAuthSecret(): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  const file = join(dataDir(), "auth-secret");
  if (!existsSync(file))
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
  return readFileSync(file, "utf8").trim();
}
