import { describe, expect, test, vi } from "vitest";
import type { PanelEvent, QueryStats } from "./contract";
import { fetchPanelStream } from "./fetch-stream";
import { readNdjson } from "./ndjson";

const stats: QueryStats = {
  queries: 1,
  recordsScanned: 10,
  recordsMatched: 5,
  bytesScanned: 1000,
  estimatedCostUsd: 0.000005,
  elapsedMs: 300,
  cached: false,
};
const coverage = { flowLogs: [], uncoveredInterfaces: [], warnings: [], unsupported: [] };
const freshness = { note: "" };
const progress: PanelEvent = {
  type: "progress",
  status: "Running",
  recordsScanned: 5,
  bytesScanned: 500,
  elapsedMs: 100,
};
const result: PanelEvent = {
  type: "result",
  panel: "timeseries",
  binMs: 60_000,
  points: [{ t: 0, accepted: 1, rejected: 2 }],
  stats,
  coverage,
  freshness,
  truncated: false,
};

/** A body delivered in the given chunks, split anywhere (inside a line, inside a UTF-8 character). */
function body(chunks: (string | Uint8Array)[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const c of chunks) controller.enqueue(typeof c === "string" ? encoder.encode(c) : c);
      controller.close();
    },
  });
}

const lines = (...events: unknown[]) => events.map((e) => JSON.stringify(e)).join("\n");
const fakeFetch = (res: Response) => vi.fn<typeof fetch>(async () => res);

describe("reading NDJSON", () => {
  test("lines split across chunks, a multibyte character split in two, no final newline", async () => {
    const bytes = new TextEncoder().encode('{"a":"→"}\n{"b":2}');
    const values: unknown[] = [];
    await readNdjson(body([bytes.slice(0, 7), bytes.slice(7, 12), bytes.slice(12), "\n\n"]), (v) =>
      values.push(v),
    );
    expect(values).toEqual([{ a: "→" }, { b: 2 }]);
  });

  test("a line that is not JSON names its number", async () => {
    await expect(readNdjson(body(['{"a":1}\n', "oops\n"]), () => {})).rejects.toThrow("Line 2");
  });
});

describe("fetching a panel stream", () => {
  const signal = () => new AbortController().signal;

  test("progress lines go to onProgress, the result ends the stream", async () => {
    const onProgress = vi.fn();
    const text = lines(progress, result);
    const outcome = await fetchPanelStream<PanelEvent>("/x", {
      signal: signal(),
      onProgress,
      fetchImpl: fakeFetch(new Response(body([text.slice(0, 30), text.slice(30)]))),
    });
    expect(onProgress).toHaveBeenCalledWith(progress);
    expect(outcome).toEqual({ status: "result", event: result });
  });

  test.each<[string, Response, { status: string; code?: string; message?: string; retryable?: boolean }]>([
    [
      "an empty line",
      new Response(
        lines({
          type: "empty",
          empty: { reason: "no-flow-log", message: "none" },
          stats,
          coverage,
          freshness,
        }),
      ),
      { status: "empty" },
    ],
    [
      "an error line",
      new Response(
        lines(progress, { type: "error", code: "Throttled", message: "slow down", retryable: true }),
      ),
      { status: "error", code: "Throttled", message: "slow down", retryable: true },
    ],
    [
      "a 400 naming the field",
      Response.json({ error: "bad_request", field: "vpc", message: "expected a VPC id" }, { status: 400 }),
      { status: "error", code: "http-400", message: "vpc: expected a VPC id", retryable: false },
    ],
    [
      "a 400 whose message names the field already",
      Response.json({ field: "start", message: "start: range=custom needs start" }, { status: 400 }),
      { status: "error", message: "start: range=custom needs start" },
    ],
    [
      "a 502 without JSON",
      new Response("gateway down", { status: 502, statusText: "Bad Gateway" }),
      { status: "error", code: "http-502", message: "The server answered 502 Bad Gateway", retryable: true },
    ],
    [
      "a stream that stops before its result",
      new Response(lines(progress)),
      { status: "error", code: "truncated", retryable: true },
    ],
    [
      "a line that is no panel event",
      new Response(lines({ type: "surprise" })),
      { status: "error", code: "network", retryable: true },
    ],
  ])("%s", async (_name, res, expected) => {
    const outcome = await fetchPanelStream<PanelEvent>("/x", {
      signal: signal(),
      onProgress: () => {},
      fetchImpl: fakeFetch(res),
    });
    expect(outcome).toMatchObject(expected);
  });

  test("an abort rejects, so the caller can tell a cancel from a failure", async () => {
    const controller = new AbortController();
    const fetchImpl = vi.fn<typeof fetch>(async () => {
      controller.abort();
      throw new DOMException("aborted", "AbortError");
    });
    await expect(
      fetchPanelStream("/x", { signal: controller.signal, onProgress: () => {}, fetchImpl }),
    ).rejects.toThrow("aborted");
    expect(fetchImpl).toHaveBeenCalledWith("/x", expect.objectContaining({ signal: controller.signal }));
  });
});
