import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { handleControl } from "./control";
import { FaultInjector, type FaultSettings } from "./faults";
import { listen, readBody, send, unknownService } from "./http";
import { credentialScope } from "./protocol/sigv4-scope";
import { AwsError } from "./services/aws-error";
import { ec2Actions, ec2ErrorResponse, handleEc2 } from "./services/ec2/handler";
import { createIamService } from "./services/iam/handler";
import { createLogsService } from "./services/logs/handler";
import { QueryManager } from "./services/logs/query-manager";
import { handleSts, queryErrorResponse, stsActions } from "./services/sts";
import type { EmulatorService, ServiceRequest, ServiceResponse } from "./services/types";
import { type Simulator, type SimulatorSettings, startSimulator } from "./simulator-host";
import { type EmulatorData, openEmulatorData } from "./state/open-data";
import type { World } from "./world/types";

export type { EmulatorService } from "./services/types";

export interface QuerySettings {
  /** Concurrent Insights queries before LimitExceededException (FLOWSCOPE_EMULATOR_MAX_QUERIES). Default 30. */
  maxConcurrent?: number;
  /** Least time a query stays Scheduled/Running (FLOWSCOPE_EMULATOR_QUERY_MIN_MS). Default 300. */
  minDurationMs?: number;
  /** Running time after which a query ends as Timeout. Default 60 minutes, as AWS. */
  timeoutMs?: number;
}

export interface EmulatorOptions {
  /** Seeds an empty data folder (or the in-memory store); a seeded folder ignores it unless `reset`. */
  world: World;
  /** Folder of the persistent store; undefined keeps everything in memory. */
  dataDir?: string;
  /** Wipe the data folder and seed it again from `world`. */
  reset?: boolean;
  /** 0 = a random free port. Default 4566. */
  port?: number;
  /** Default 127.0.0.1: the emulator accepts any credentials, so it stays off the network unless asked. */
  host?: string;
  /** Page size of Describe calls without MaxResults. Default 5, small so that paging bugs show. */
  pageSize?: number;
  log?: (line: string) => void;
  /** More services by SigV4 service name, beside the built-in ec2, sts, logs and iam. */
  services?: Record<string, EmulatorService>;
  faults?: FaultSettings;
  queries?: QuerySettings;
  /** Run the traffic simulator; off unless given. */
  simulator?: SimulatorSettings;
  now?: () => number;
}

export interface RunningEmulator {
  url: string;
  port: number;
  data: EmulatorData;
  faults: FaultInjector;
  simulator: Simulator | undefined;
  close(): Promise<void>;
}

export async function startEmulator(opts: EmulatorOptions): Promise<RunningEmulator> {
  const now = opts.now ?? Date.now;
  const data = await openEmulatorData({
    world: opts.world,
    dir: opts.dataDir,
    reset: opts.reset,
    now: now(),
  });
  const { state, store } = data;
  const pageSize = opts.pageSize ?? 5;
  const stats = new Map<string, number>();
  const faults = new FaultInjector(opts.faults);
  const queries = new QueryManager({
    store,
    maxConcurrent: opts.queries?.maxConcurrent ?? 30,
    minDurationMs: opts.queries?.minDurationMs ?? 300,
    timeoutMs: opts.queries?.timeoutMs ?? 60 * 60 * 1000,
    shouldFail: () => faults.queryFails(),
    // Wall-clock time: how long a query runs is real even when the emulator's clock is simulated.
    now: Date.now,
    log: opts.log,
  });
  const services: Record<string, EmulatorService> = {
    ec2: { handle: handleEc2, error: ec2ErrorResponse, actions: ec2Actions },
    sts: { handle: handleSts, error: queryErrorResponse, actions: stsActions },
    logs: createLogsService({ store, state, queries, now }),
    iam: createIamService(state, now),
    ...opts.services,
  };
  const serviceOfAction = new Map(
    Object.entries(services).flatMap(([name, s]) =>
      (s.actions ?? []).map((a): [string, string] => [a, name]),
    ),
  );

  async function handleAws(req: IncomingMessage, res: ServerResponse, url: URL, started: number) {
    const requestId = randomUUID();
    const body = await readBody(req);
    const params = new URLSearchParams(url.search);
    const contentType = String(req.headers["content-type"] ?? "");
    if (contentType.startsWith("application/x-www-form-urlencoded")) {
      for (const [k, v] of new URLSearchParams(body)) params.append(k, v);
    }
    const target = req.headers["x-amz-target"];
    const action = params.get("Action") ?? (typeof target === "string" ? target.split(".").pop() : undefined);
    const scope = credentialScope(req.headers, params);
    const serviceName = scope?.service ?? (action ? serviceOfAction.get(action) : undefined) ?? "unknown";
    const region = scope?.region ?? state.region;
    const key = `${serviceName}:${action ?? "-"}`;
    stats.set(key, (stats.get(key) ?? 0) + 1);

    const service = services[serviceName];
    let response: ServiceResponse;
    if (faults.latencyMs > 0) await sleep(faults.latencyMs);
    const fault =
      service && action
        ? faults.requestFault({ service: serviceName, action, region, accountId: state.accountId })
        : undefined;
    if (!service) {
      response = unknownService(serviceName, target, requestId);
    } else if (fault) {
      response = service.error(fault, requestId);
    } else {
      const world = region === state.region ? state.world() : { accountId: state.accountId, region };
      const request: ServiceRequest = {
        service: serviceName,
        action,
        params,
        headers: req.headers,
        body,
        world,
        state,
        region,
        requestId,
        pageSize,
        now: now(),
      };
      try {
        response = await service.handle(request);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        opts.log?.(`error in ${key}: ${message}`);
        response = service.error(new AwsError("InternalError", message, 500), requestId);
      }
    }
    send(res, response.status, response.contentType, response.body, requestId);
    opts.log?.(`${req.method} ${key} ${response.status} ${Date.now() - started}ms`);
  }

  const server = createServer((req, res) => {
    const started = Date.now();
    const url = new URL(req.url ?? "/", "http://emulator.local");
    if (
      url.pathname.startsWith("/_flowscope/") &&
      handleControl(req, res, url.pathname, { state, stats, faults })
    ) {
      return;
    }
    handleAws(req, res, url, started).catch((error: unknown) => {
      const status = error instanceof AwsError ? error.status : 500;
      const message = error instanceof Error ? error.message : String(error);
      opts.log?.(`${req.method} ${url.pathname} ${status} ${message}`);
      if (!res.headersSent) send(res, status, "text/plain", message);
      else res.end();
    });
  });

  // Before listening: a client that reaches the emulator finds the history already there.
  const simulator = opts.simulator
    ? await startSimulator({ state, store, now, log: opts.log }, opts.simulator).catch(async (error) => {
        await queries.close();
        await data.close();
        throw error;
      })
    : undefined;
  const { port, url } = await listen(server, opts.port ?? 4566, opts.host ?? "127.0.0.1").catch(
    async (error: unknown) => {
      await simulator?.stop();
      await data.close();
      throw error;
    },
  );
  return {
    url,
    port,
    data,
    faults,
    simulator,
    close: async () => {
      await new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      });
      await simulator?.stop();
      await queries.close();
      await data.close();
    },
  };
}
