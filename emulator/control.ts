import type { IncomingMessage, ServerResponse } from "node:http";
import { type FaultInjector, FaultSettingsError, parseFaultSettings } from "./faults";
import type { EmulatorState } from "./state/emulator-state";

export interface ControlContext {
  state: EmulatorState;
  stats: Map<string, number>;
  faults: FaultInjector;
}

const MAX_CONTROL_BODY = 64 * 1024;

function json(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(value));
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  let text = "";
  for await (const chunk of req) {
    text += String(chunk);
    if (text.length > MAX_CONTROL_BODY) throw new FaultSettingsError("body too large");
  }
  try {
    return text.trim() === "" ? {} : JSON.parse(text);
  } catch {
    throw new FaultSettingsError("body is not JSON");
  }
}

/**
 * The emulator's own endpoints under /_flowscope/: health, request counts by service:Action, and the
 * fault settings (POST replaces them all; settings left out are off). True if it answered the request.
 */
export function handleControl(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  ctx: ControlContext,
): boolean {
  const route = `${req.method} ${path}`;
  if (route === "GET /_flowscope/health") {
    json(res, 200, { ok: true, accountId: ctx.state.accountId, region: ctx.state.region });
  } else if (route === "GET /_flowscope/stats") {
    json(res, 200, Object.fromEntries(ctx.stats));
  } else if (route === "POST /_flowscope/stats/reset") {
    ctx.stats.clear();
    json(res, 200, { ok: true });
  } else if (route === "GET /_flowscope/faults") {
    json(res, 200, ctx.faults.settings);
  } else if (route === "POST /_flowscope/faults") {
    readJson(req)
      .then((body) => {
        ctx.faults.set(parseFaultSettings(body));
        json(res, 200, ctx.faults.settings);
      })
      .catch((error: unknown) => {
        json(res, 400, { error: error instanceof Error ? error.message : String(error) });
      });
  } else {
    return false;
  }
  return true;
}
