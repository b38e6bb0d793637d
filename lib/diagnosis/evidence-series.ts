import type { FlowRecord } from "../flow/record";

/** Accepted and rejected records of one time bin; t is the bin's start, ms. */
export type EvidenceBin = { t: number; accepted: number; rejected: number };

const BINS = 12;

/**
 * The matching records (request and reply) counted per time bin by their `start` (epoch seconds).
 * Built from every record the evidence query returned, not the sample, so the bins add up to the
 * accepted and rejected counts; records without a start, or outside the window, are left out.
 */
export function evidenceSeries(
  records: readonly FlowRecord[],
  window: { start: number; end: number },
  bins = BINS,
): EvidenceBin[] {
  const span = Math.max(1, window.end - window.start);
  const width = Math.ceil(span / bins);
  const out: EvidenceBin[] = Array.from({ length: bins }, (_, i) => ({
    t: window.start + i * width,
    accepted: 0,
    rejected: 0,
  }));
  for (const r of records) {
    const start = Number(r.start) * 1000;
    if (!Number.isFinite(start) || start < window.start || start >= window.end) continue;
    const bin = out[Math.min(bins - 1, Math.floor((start - window.start) / width))];
    if (!bin) continue;
    if (r.action === "ACCEPT") bin.accepted += 1;
    else if (r.action === "REJECT") bin.rejected += 1;
  }
  return out;
}

/** A sample record (JSON in the verdict) as the space-separated line it was in the log, `-` for missing. */
export function rawRecordLine(json: string): string {
  try {
    const record: unknown = JSON.parse(json);
    if (typeof record !== "object" || record === null) return json;
    return Object.values(record)
      .map((v) => (v === null || v === undefined || v === "" ? "-" : String(v)))
      .join(" ");
  } catch {
    return json;
  }
}
