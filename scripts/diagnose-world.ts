/** Evidence from a world file's own flow-log records, when it carries any (world:export --records-since). */
import type { World } from "@/emulator/world/types";
import type { Question } from "@/lib/diagnosis/diagnose";
import { classifyEvidence, type EvidenceCoverage } from "@/lib/diagnosis/evidence";
import type { DiagnosisTopology, Evidence } from "@/lib/diagnosis/verdict";
import { DEFAULT_LOG_FORMAT, logFormatFields } from "@/lib/flow/format";
import { type FlowRecord, parseRecord } from "@/lib/flow/record";

// AWS's documented aggregation plus delivery: records of the last 10 minutes may still be on their way.
const DELIVERY_DELAY_MS = 10 * 60_000;

export const topologyOf = (world: World): DiagnosisTopology => (world.ec2 ?? {}) as DiagnosisTopology;

export function worldEvidence(
  world: World,
  q: Question,
  window: { start: number; end: number; now: number },
): Evidence {
  const ends = [q.src, q.dst].flatMap((e) => (e.kind === "eni" ? [e] : []));
  const ids = ends.map((e) => e.id);
  const all = world.ec2?.FlowLogs ?? [];
  const logs = all.filter((f) => f.FlowLogStatus !== "INACTIVE" && f.DeliverLogsStatus !== "FAILED");
  const failed = all.filter(
    (f) =>
      f.DeliverLogsStatus === "FAILED" &&
      ends.some((e) => [e.id, e.eni.SubnetId, e.vpcId].includes(f.ResourceId)),
  );
  const covering = (e: (typeof ends)[number]) =>
    logs.filter((f) => [e.id, e.eni.SubnetId, e.vpcId].includes(f.ResourceId));
  const used = [...new Set(ends.flatMap(covering))];
  const created = used.flatMap((f) => (f.CreationTime ? [Date.parse(f.CreationTime)] : []));
  const coverage: EvidenceCoverage = {
    flowLogIds: used.flatMap((f) => (f.FlowLogId ? [f.FlowLogId] : [])),
    uncovered: ends.filter((e) => covering(e).length === 0).map((e) => e.id),
    trafficTypes: [...new Set(used.map((f) => f.TrafficType ?? "ALL"))],
    createdAt: created.length > 0 ? Math.min(...created) : undefined,
    vpcCidrs: (world.ec2?.Vpcs ?? []).flatMap((v) => (v.CidrBlock ? [v.CidrBlock] : [])),
    notes: failed.map(
      (f) =>
        `flow log ${f.FlowLogId} on ${f.ResourceId} delivers nothing: ${f.DeliverLogsStatus} (${f.DeliverLogsErrorMessage ?? "no message"})`,
    ),
  };
  const records: FlowRecord[] = [];
  for (const flowLog of used) {
    const group = (world.logs ?? []).find((g) => g.logGroupName === flowLog.LogGroupName);
    const fields = logFormatFields(flowLog.LogFormat ?? DEFAULT_LOG_FORMAT, { allowUnknown: true });
    for (const stream of group?.streams ?? []) {
      for (const event of stream.events) {
        if (event.timestamp < window.start || event.timestamp > window.end + DELIVERY_DELAY_MS) continue;
        const record = parseRecord(fields, event.message);
        const eni = record?.["interface-id"];
        if (record && (eni === undefined || ids.includes(String(eni)))) records.push(record);
      }
    }
  }
  const evidence = classifyEvidence(
    q.request,
    records,
    coverage,
    { ...window, deliveryDelayMs: DELIVERY_DELAY_MS },
    q.src.kind === "external" && q.src.label === "internet",
  );
  if (evidence.pattern === "NO_RECORDS" && (world.logs ?? []).length === 0)
    return {
      ...evidence,
      reasons: ["the world file carries no flow-log records (export it with --records-since)"],
    };
  return evidence;
}
