import { portName } from "@/lib/flow/ports";
import type { AggregateRow } from "@/lib/insights";
import type { Enrichment, RankMetric, TopDimension, TopRow } from "./contract";
import type { EnrichmentIndex } from "./enrich";

type Keyed = { key: string; src?: string; dst?: string; dstPort?: number; interfaceId?: string };

const text = (value: string | number | undefined): string | undefined =>
  value === undefined ? undefined : String(value);

function keyOf(row: AggregateRow, dimension: TopDimension): Keyed | undefined {
  const src = text(row.keys.srcAddr);
  const dst = text(row.keys.dstAddr);
  switch (dimension) {
    case "sources":
      return src === undefined ? undefined : { key: src, src };
    case "destinations":
      return dst === undefined ? undefined : { key: dst, dst };
    case "pairs":
      return src === undefined || dst === undefined ? undefined : { key: `${src} → ${dst}`, src, dst };
    case "dstPorts": {
      const port = row.keys.dstPort;
      return typeof port === "number" ? { key: String(port), dstPort: port } : undefined;
    }
    case "interfaces": {
      const id = text(row.keys.interfaceId);
      return id === undefined ? undefined : { key: id, interfaceId: id };
    }
  }
}

/**
 * Top rows of several queries added up by key (an address, a pair, a port, an interface), ordered
 * by the metric, cut to the limit, each address and interface labelled.
 */
export function topRows(
  rows: readonly AggregateRow[],
  dimension: TopDimension,
  metric: RankMetric,
  limit: number,
  index: EnrichmentIndex,
): TopRow[] {
  const merged = new Map<string, Omit<TopRow, "enrichment">>();
  const services = new Map<string, string>();
  for (const row of rows) {
    const keyed = keyOf(row, dimension);
    if (!keyed) continue;
    const srcService = text(row.keys.pktSrcAwsService);
    const dstService = text(row.keys.pktDstAwsService);
    if (keyed.src && srcService && srcService !== "-") services.set(keyed.src, srcService);
    if (keyed.dst && dstService && dstService !== "-") services.set(keyed.dst, dstService);
    const into = merged.get(keyed.key) ?? { ...keyed, bytes: 0, packets: 0, flows: 0, rejectedFlows: 0 };
    into.bytes += row.metrics.bytes ?? 0;
    into.packets += row.metrics.packets ?? 0;
    into.flows += row.metrics.flows ?? 0;
    into.rejectedFlows += row.metrics.rejectedFlows ?? 0;
    merged.set(keyed.key, into);
  }
  return [...merged.values()]
    .sort((a, b) => b[metric] - a[metric] || a.key.localeCompare(b.key))
    .slice(0, limit)
    .map((row) => {
      const enrichment: Record<string, Enrichment> = {};
      for (const ip of [row.src, row.dst]) if (ip) enrichment[ip] = index.address(ip, services.get(ip));
      if (row.interfaceId) enrichment[row.interfaceId] = index.interface(row.interfaceId);
      const name = row.dstPort === undefined ? undefined : portName(row.dstPort);
      return { ...row, enrichment, ...(name && { portName: name }) };
    });
}
