import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { credentialScope } from "./protocol/sigv4-scope";
import { AwsError } from "./services/aws-error";
import { ec2Actions, ec2ErrorResponse, handleEc2 } from "./services/ec2/handler";
import { handleSts, queryErrorResponse, stsActions } from "./services/sts";
import type { ServiceHandler, ServiceRequest, ServiceResponse } from "./services/types";
import type { World } from "./world/types";

export interface EmulatorOptions {
  world: World;
  /** 0 = a random free port. Default 4566. */
  port?: number;
  /** Default 127.0.0.1: the emulator accepts any credentials, so it stays off the network unless asked. */
  host?: string;
  /** Page size of Describe calls without MaxResults. Default 5, small so that paging bugs show. */
  pageSize?: number;
  log?: (line: string) => void;
  /** More services by SigV4 service name (e.g. logs), beside the built-in ec2 and sts. */
  services?: Record<string, EmulatorService>;
}

export interface RunningEmulator {
  url: string;
  port: number;
  close(): Promise<void>;
}

export interface EmulatorService {
  handle: ServiceHandler;
  /** The service's own error shape, for failures the handler did not answer itself. */
  error: (error: AwsError, requestId: string) => ServiceResponse;
  /** Action names, to route requests that carry no SigV4 credential scope. */
  actions?: readonly string[];
}

const builtInServices: Record<string, EmulatorService> = {
  ec2: { handle: handleEc2, error: ec2ErrorResponse, actions: ec2Actions },
  sts: { handle: handleSts, error: queryErrorResponse, actions: stsActions },
};

const MAX_BODY_BYTES = 10 * 1024 * 1024;

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_BODY_BYTES)
      throw new AwsError("RequestEntityTooLarge", "The request body is too large", 413);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function send(res: ServerResponse, status: number, contentType: string, body: string, requestId?: string) {
  const headers: Record<string, string> = { "content-type": contentType };
  if (requestId) headers["x-amzn-requestid"] = requestId;
  res.writeHead(status, headers).end(body);
}

export function startEmulator(opts: EmulatorOptions): Promise<RunningEmulator> {
  const { world } = opts;
  const pageSize = opts.pageSize ?? 5;
  const stats = new Map<string, number>();
  const services = { ...builtInServices, ...opts.services };
  const serviceOfAction = new Map(
    Object.entries(services).flatMap(([name, s]) =>
      (s.actions ?? []).map((a): [string, string] => [a, name]),
    ),
  );
  const emptyAccount = (region: string): World => ({ accountId: world.accountId, region });

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
    const region = scope?.region ?? world.region;
    const key = `${serviceName}:${action ?? "-"}`;
    stats.set(key, (stats.get(key) ?? 0) + 1);

    const service = services[serviceName];
    let response: ServiceResponse;
    if (!service) {
      const message = `The Flowscope emulator does not implement the service '${serviceName}'`;
      response =
        typeof target === "string"
          ? {
              status: 400,
              contentType: "application/x-amz-json-1.1",
              body: JSON.stringify({ __type: "UnknownOperationException", message }),
            }
          : queryErrorResponse(new AwsError("InvalidAction", message), requestId);
    } else {
      const request: ServiceRequest = {
        service: serviceName,
        action,
        params,
        headers: req.headers,
        body,
        world: region === world.region ? world : emptyAccount(region),
        region,
        requestId,
        pageSize,
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
    if (url.pathname === "/_flowscope/health" && req.method === "GET") {
      return send(res, 200, "application/json", JSON.stringify({ ok: true, ...emptyAccount(world.region) }));
    }
    if (url.pathname === "/_flowscope/stats" && req.method === "GET") {
      return send(res, 200, "application/json", JSON.stringify(Object.fromEntries(stats)));
    }
    if (url.pathname === "/_flowscope/stats/reset" && req.method === "POST") {
      stats.clear();
      return send(res, 200, "application/json", JSON.stringify({ ok: true }));
    }
    handleAws(req, res, url, started).catch((error: unknown) => {
      const status = error instanceof AwsError ? error.status : 500;
      const message = error instanceof Error ? error.message : String(error);
      opts.log?.(`${req.method} ${url.pathname} ${status} ${message}`);
      if (!res.headersSent) send(res, status, "text/plain", message);
      else res.end();
    });
  });

  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 4566, opts.host ?? "127.0.0.1", () => {
      server.off("error", reject);
      const { port, address, family } = server.address() as AddressInfo;
      const host = family === "IPv6" ? `[${address}]` : address;
      resolve({
        url: `http://${host}:${port}`,
        port,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((error) => (error ? fail(error) : done()));
            server.closeAllConnections();
          }),
      });
    });
  });
}
