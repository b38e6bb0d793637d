import { z } from "zod";
import { AwsError } from "./services/aws-error";
import { callerIdentity } from "./services/sts";

/** Faults the emulator injects on demand, for resilience tests. */
export interface FaultSettings {
  /** Share of AWS requests (0–1) answered with the service's throttling error. */
  throttleRate: number;
  /** Added to every AWS request, in milliseconds. */
  latencyMs: number;
  /** Share of Insights queries (0–1) that end in status Failed. */
  queryFailRate: number;
  /** Actions refused as the caller lacking permission: `CreateFlowLogs`, `ec2:CreateFlowLogs` or `logs:*`. */
  accessDenied: string[];
  /** Makes the random draws repeatable. */
  seed?: number;
}

export const NO_FAULTS: FaultSettings = { throttleRate: 0, latencyMs: 0, queryFailRate: 0, accessDenied: [] };

const rate = z.coerce.number().min(0).max(1);
const actionList = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : v.split(",")).map((s) => s.trim()).filter((s) => s !== ""));

/** The body of POST /_flowscope/faults, and the environment's values, checked. */
const settingsSchema = z.strictObject({
  throttleRate: rate.default(0),
  latencyMs: z.coerce.number().int().min(0).max(600_000).default(0),
  queryFailRate: rate.default(0),
  accessDenied: actionList.default([]),
  seed: z.coerce.number().int().optional(),
});

export class FaultSettingsError extends Error {}

export function parseFaultSettings(value: unknown): FaultSettings {
  const result = settingsSchema.safeParse(value);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join(".") || "(body)"}: ${i.message}`);
    throw new FaultSettingsError(problems.join("; "));
  }
  const { seed, ...rest } = result.data;
  return seed === undefined ? rest : { ...rest, seed };
}

/** FLOWSCOPE_FAULT_THROTTLE_RATE, _LATENCY_MS, _QUERY_FAIL_RATE, _ACCESS_DENIED (comma list), _SEED. */
export function faultSettingsFromEnv(env: Readonly<Record<string, string | undefined>>): FaultSettings {
  const pick = (name: string) => (env[name] === undefined || env[name] === "" ? undefined : env[name]);
  return parseFaultSettings({
    throttleRate: pick("FLOWSCOPE_FAULT_THROTTLE_RATE"),
    latencyMs: pick("FLOWSCOPE_FAULT_LATENCY_MS"),
    queryFailRate: pick("FLOWSCOPE_FAULT_QUERY_FAIL_RATE"),
    accessDenied: pick("FLOWSCOPE_FAULT_ACCESS_DENIED"),
    seed: pick("FLOWSCOPE_FAULT_SEED"),
  });
}

/** mulberry32: small, fast, and the same sequence for the same seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface FaultContext {
  service: string;
  action: string;
  accountId: string;
  region: string;
}

/** Decides, request by request, which fault (if any) to inject. Settings can change at run time. */
export class FaultInjector {
  private current: FaultSettings = NO_FAULTS;
  private random: () => number = Math.random;

  constructor(settings: FaultSettings = NO_FAULTS) {
    this.set(settings);
  }

  get settings(): FaultSettings {
    return this.current;
  }

  /** Replaces every setting (absent ones are off) and restarts the seeded sequence. */
  set(settings: FaultSettings): void {
    this.current = settings;
    this.random = settings.seed === undefined ? Math.random : seededRandom(settings.seed);
  }

  get latencyMs(): number {
    return this.current.latencyMs;
  }

  /** Whether a query should end in Failed; draws only while the rate is set. */
  queryFails(): boolean {
    return this.current.queryFailRate > 0 && this.random() < this.current.queryFailRate;
  }

  /** The error an AWS request gets instead of its answer: access denied first, then throttling. */
  requestFault(ctx: FaultContext): AwsError | undefined {
    if (this.denies(ctx.service, ctx.action)) return accessDenied(ctx);
    if (this.current.throttleRate > 0 && this.random() < this.current.throttleRate)
      return throttled(ctx.service);
    return undefined;
  }

  private denies(service: string, action: string): boolean {
    return this.current.accessDenied.some(
      (entry) =>
        entry === action || entry === `${service}:${action}` || entry === `${service}:*` || entry === "*",
    );
  }
}

// EC2 answers RequestLimitExceeded with HTTP 503; JSON services (Logs) ThrottlingException and the
// query services (IAM, STS) Throttling with HTTP 400. The SDK's retry strategy knows all three codes.
function throttled(service: string): AwsError {
  if (service === "ec2") return new AwsError("RequestLimitExceeded", "Request limit exceeded.", 503);
  if (service === "logs") return new AwsError("ThrottlingException", "Rate exceeded", 400);
  return new AwsError("Throttling", "Rate exceeded", 400);
}

function accessDenied({ service, action, accountId, region }: FaultContext): AwsError {
  const user = callerIdentity(accountId).Arn;
  const permission = `${service}:${action}`;
  const why = `because no identity-based policy allows the ${permission} action`;
  if (service === "ec2") {
    return new AwsError(
      "UnauthorizedOperation",
      `You are not authorized to perform this operation. User: ${user} is not authorized to perform: ${permission} ${why}`,
      403,
    );
  }
  if (service === "logs") {
    const resource = `arn:aws:logs:${region}:${accountId}:log-group:*`;
    return new AwsError(
      "AccessDeniedException",
      `User: ${user} is not authorized to perform: ${permission} on resource: ${resource} ${why}`,
      400,
    );
  }
  const resource = service === "iam" ? `arn:aws:iam::${accountId}:role/*` : "*";
  return new AwsError(
    "AccessDenied",
    `User: ${user} is not authorized to perform: ${permission} on resource: ${resource} ${why}`,
    403,
  );
}
