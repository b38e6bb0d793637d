export const ROLES = ["viewer", "operator", "admin"] as const;
export type Role = (typeof ROLES)[number];

const RANK: Record<Role, number> = { viewer: 0, operator: 1, admin: 2 };

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/** True when `role` is at least `needed` (admin ⊃ operator ⊃ viewer). */
export function hasRole(role: Role | undefined, needed: Role): boolean {
  return role !== undefined && RANK[role] >= RANK[needed];
}

function listEnv(name: string): string[] {
  return (process.env[name] ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * The role of an OIDC user: the claim named by FLOWSCOPE_ROLE_CLAIM (default "groups"), a string or a list,
 * is matched against FLOWSCOPE_ADMIN_GROUPS and FLOWSCOPE_OPERATOR_GROUPS; a claim value that is itself a role
 * name also counts. Everyone else gets FLOWSCOPE_DEFAULT_ROLE (default viewer).
 */
export function roleFromClaims(claims: Record<string, unknown>): Role {
  const raw = claims[process.env.FLOWSCOPE_ROLE_CLAIM || "groups"];
  const values = (Array.isArray(raw) ? raw : [raw]).filter((v): v is string => typeof v === "string");
  const admins = listEnv("FLOWSCOPE_ADMIN_GROUPS");
  const operators = listEnv("FLOWSCOPE_OPERATOR_GROUPS");
  if (values.some((v) => v === "admin" || admins.includes(v))) return "admin";
  if (values.some((v) => v === "operator" || operators.includes(v))) return "operator";
  const fallback = process.env.FLOWSCOPE_DEFAULT_ROLE;
  return isRole(fallback) ? fallback : "viewer";
}
