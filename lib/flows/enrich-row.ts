import type { Enrichment } from "@/lib/traffic/contract";
import type { EnrichmentIndex } from "@/lib/traffic/enrich";
import type { FlowRow } from "./contract";

/** The row with labels for its addresses and its interface (the instance behind it). */
export function enrichRow(row: FlowRow, index: EnrichmentIndex): FlowRow {
  const enrichment: Record<string, Enrichment> = {};
  if (row.srcAddr) enrichment[row.srcAddr] = index.address(row.srcAddr);
  if (row.dstAddr) enrichment[row.dstAddr] = index.address(row.dstAddr);
  if (row.interfaceId) enrichment[row.interfaceId] = index.interface(row.interfaceId);
  return { ...row, enrichment };
}
