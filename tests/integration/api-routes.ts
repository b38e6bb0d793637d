import { readdirSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
export type Method = (typeof METHODS)[number];
type RouteHandler = (req: Request, ctx: { params: Promise<Record<string, string | string[]>> }) => unknown;

export interface ApiRoute {
  /** "/api/flows/records", "/api/flow-logs/[id]" */
  route: string;
  file: string;
}

/** Every app/api/** /route.ts, found on disk: a new route is covered (or flagged) without editing a list. */
export function apiRoutes(dir = join(ROOT, "app", "api")): ApiRoute[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return apiRoutes(path);
    if (name !== "route.ts") return [];
    const route = `/${relative(join(ROOT, "app"), dir).split(sep).join("/")}`;
    return [{ route, file: path }];
  });
}

/** The HTTP methods a route module exports, with their handlers. */
export async function routeMethods(file: string): Promise<[Method, RouteHandler][]> {
  const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
  return METHODS.flatMap((m) => (typeof mod[m] === "function" ? [[m, mod[m] as RouteHandler] as const] : []));
}

/** A concrete URL path and params for a route with dynamic segments ([id] → a plausible value). */
export function concrete(route: string): { path: string; params: Record<string, string | string[]> } {
  const params: Record<string, string | string[]> = {};
  const path = route
    .split("/")
    .map((segment) => {
      const catchAll = /^\[\.\.\.(\w+)\]$/.exec(segment);
      if (catchAll?.[1]) {
        params[catchAll[1]] = ["session"];
        return "session";
      }
      const one = /^\[(\w+)\]$/.exec(segment);
      if (!one?.[1]) return segment;
      params[one[1]] = "fl-0123456789abcdef0";
      return "fl-0123456789abcdef0";
    })
    .join("/");
  return { path, params };
}
