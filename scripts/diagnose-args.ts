import { parseArgs } from "node:util";
import type { DiagnoseInput } from "@/lib/diagnosis/verdict";

export const DIAGNOSE_USAGE = `Usage: npm run --silent diagnose -- --from X --to Y --protocol tcp|udp|icmp [options]

Is traffic from X to Y allowed by security groups, network ACLs, routes and instance state, both ways?

  --from X          IP, CIDR, instance id (i-…), interface id (eni-…) or "internet"
  --to Y            instance id, interface id, or private/public IP
  --protocol P      tcp, udp or icmp (icmp: an echo request, ping)
  --port N          destination port; required for tcp and udp, refused for icmp
  --icmp-type N     ICMP type instead of echo request (8)
  --start ISO       window start for the flow-log evidence (default: an hour before --end)
  --end ISO         window end (default: now)
  --world FILE      read a world file instead of the account the AWS SDK reaches
  --region R        region to read (default: the SDK's)
  --json            print the verdict JSON instead of a summary

Exits 0 reachable, 1 blocked, 2 inconclusive, 64 bad input.`;

export class UsageError extends Error {}

export interface DiagnoseArgs {
  help: boolean;
  input: DiagnoseInput;
  start: number;
  end: number;
  world: string | undefined;
  region: string | undefined;
  json: boolean;
}

const options = {
  from: { type: "string" },
  to: { type: "string" },
  protocol: { type: "string" },
  port: { type: "string" },
  "icmp-type": { type: "string" },
  start: { type: "string" },
  end: { type: "string" },
  world: { type: "string" },
  region: { type: "string" },
  json: { type: "boolean", default: false },
  help: { type: "boolean", default: false },
} as const;

function integer(name: string, text: string, max: number): number {
  if (!/^\d+$/.test(text) || Number(text) > max)
    throw new UsageError(`--${name} must be 0-${max}, not "${text}"`);
  return Number(text);
}

function time(name: string, text: string): number {
  const ms = /^\d{4}-\d{2}-\d{2}T/.test(text) ? Date.parse(text) : Number.NaN;
  if (Number.isNaN(ms)) throw new UsageError(`--${name} must be an ISO 8601 time, not "${text}"`);
  return ms;
}

export function parseDiagnoseArgs(argv: readonly string[], now: number): DiagnoseArgs {
  let values: ReturnType<typeof parseArgs<{ options: typeof options; args: string[] }>>["values"];
  try {
    values = parseArgs({ args: [...argv], options, allowPositionals: false }).values;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const base = { help: values.help, json: values.json, world: values.world, region: values.region };
  if (values.help) return { ...base, input: { from: "", to: "", protocol: "tcp" }, start: now, end: now };
  if (!values.from || !values.to) throw new UsageError("--from and --to are required");
  const protocol = values.protocol;
  if (protocol !== "tcp" && protocol !== "udp" && protocol !== "icmp")
    throw new UsageError(`--protocol must be tcp, udp or icmp, not "${protocol ?? ""}"`);
  if (protocol === "icmp" && values.port !== undefined) throw new UsageError("--port is not taken for icmp");
  if (protocol !== "icmp" && values.port === undefined)
    throw new UsageError(`--port is required for ${protocol}`);
  if (protocol !== "icmp" && values["icmp-type"] !== undefined)
    throw new UsageError("--icmp-type is only for --protocol icmp");
  const end = values.end ? time("end", values.end) : now;
  const start = values.start ? time("start", values.start) : end - 3_600_000;
  if (start >= end) throw new UsageError("--start must be before --end");
  const input: DiagnoseInput = { from: values.from, to: values.to, protocol };
  if (values.port !== undefined) input.port = integer("port", values.port, 65535);
  if (values["icmp-type"] !== undefined) input.icmpType = integer("icmp-type", values["icmp-type"], 255);
  return { ...base, input, start, end };
}
