import "server-only";
import { NextResponse } from "next/server";
import type { Session } from "next-auth";
import { awsClients } from "@/lib/aws/clients";
import { insightsRunner } from "@/lib/aws/insights";
import { defaultRegion } from "@/lib/config/regions";
import { panelStream } from "./panel-stream";
import type { PanelContext } from "./run-panel";
import type { BaseStreamEvent } from "./stream-event";

type Fail = { ok: false; field: string; message: string };
type Parsed = { ok: true; request: { region: string } };
/** What a query task gets: the region's clients, the shared runner, the user, the abort signal. */
export type QueryContext<E> = Omit<PanelContext, "emit"> & { emit: (event: E) => void };

/** A 400 naming the field, the shape every API answers bad input with. */
export const badRequest = (field: string, message: string): Response =>
  NextResponse.json({ error: "bad_request", field, message }, { status: 400 });

/** Who a query runs for: the fair queue and the rate limits count per user. */
export const sessionUser = (session: Session): string =>
  session.user.email ?? session.user.name ?? "anonymous";

/**
 * A GET handler body for an NDJSON query API: parse the URL (a 400 names the bad field), then stream the
 * task's progress and final event with the region's clients, the shared Insights runner and the user.
 */
export function streamQuery<S extends Parsed, E extends BaseStreamEvent>(
  req: Request,
  session: Session,
  parse: (params: URLSearchParams, now: number, region: string) => S | Fail,
  run: (parsed: S, ctx: QueryContext<E>) => Promise<E>,
): Response {
  const parsed = parse(new URL(req.url).searchParams, Date.now(), defaultRegion());
  if (!parsed.ok) return badRequest(parsed.field, parsed.message);
  const { ec2, logs } = awsClients(parsed.request.region);
  return panelStream<E>(
    (emit, signal) =>
      run(parsed, {
        ec2,
        logs,
        runner: insightsRunner(),
        userId: sessionUser(session),
        signal,
        now: Date.now,
        emit,
      }),
    req.signal,
  );
}
