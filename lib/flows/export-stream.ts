import type { FlowRow } from "./contract";
import { csvHeader, csvLine } from "./flow-row";

const CHUNK = 500;

/** The rows of an export as lines written a chunk at a time, so a large file starts downloading at once. */
export function* exportChunks(
  format: "csv" | "json",
  rows: readonly FlowRow[],
  capped: boolean,
  cap: number,
): Generator<string> {
  if (format === "csv") yield csvHeader();
  else yield `{"cap":${cap},"capped":${capped},"rows":[\n`;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    yield format === "csv"
      ? chunk.map(csvLine).join("")
      : chunk
          .map((row, n) => {
            const { enrichment: _labels, ...plain } = row;
            return `${i + n === 0 ? "" : ",\n"}${JSON.stringify(plain)}`;
          })
          .join("");
  }
  if (format === "json") yield "\n]}\n";
}

export function exportStream(
  format: "csv" | "json",
  rows: readonly FlowRow[],
  capped: boolean,
  cap: number,
): Response {
  const encoder = new TextEncoder();
  const chunks = exportChunks(format, rows, capped, cap);
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
  });
  const stamp = new Date().toISOString().replaceAll(":", "-").slice(0, 19);
  return new Response(stream, {
    headers: {
      "content-type": format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="flows-${stamp}.${format}"`,
      "cache-control": "no-store",
      "x-flowscope-capped": String(capped),
    },
  });
}
