import "server-only";
import {
  candidatesFor,
  chooseLogs,
  type LogUse,
  type ScopedFlowLog,
  type ScopeInterface,
  type TrafficType,
} from "./flow-log-choice";

export interface ScopeCoverage {
  /** The logs to query, each with the interfaces it is read for (disjoint records across uses). */
  uses: LogUse[];
  /** Interfaces in scope that no flow log covers at all. */
  uncovered: ScopeInterface[];
  /** What the logs cannot show, said so a person can act on it. */
  warnings: string[];
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

const HIDDEN: Record<Exclude<TrafficType, "ALL">, string> = {
  ACCEPT: "rejected traffic there is invisible",
  REJECT: "accepted traffic there is invisible",
};

/**
 * Which logs to read for which interfaces, which interfaces nothing covers, and warnings for what
 * the picture lacks: partial traffic types, destinations Flowscope cannot query, failed delivery,
 * and logs that write the same interface's records into one log group (counted twice there).
 */
export function resolveCoverage(
  vpcId: string,
  interfaces: readonly ScopeInterface[],
  logs: readonly ScopedFlowLog[],
  label: (resourceId: string) => string,
): ScopeCoverage {
  const uses = new Map<string, LogUse>();
  const uncovered: ScopeInterface[] = [];
  const partial = new Map<string, ScopeInterface[]>();
  const sharedGroups = new Map<string, Set<string>>();
  for (const eni of interfaces) {
    const candidates = candidatesFor(eni, vpcId, logs);
    if (candidates.length === 0) {
      uncovered.push(eni);
      continue;
    }
    const chosen = chooseLogs(candidates);
    for (const log of chosen) {
      const use = uses.get(log.id) ?? { flowLog: log, interfaceIds: [] };
      use.interfaceIds.push(eni.id);
      uses.set(log.id, use);
    }
    const types = new Set(chosen.map((log) => log.trafficType));
    if (chosen.length > 0 && !types.has("ALL") && types.size === 1) {
      const key = chosen[0]?.id ?? "";
      partial.set(key, [...(partial.get(key) ?? []), eni]);
    }
    for (const [group, ids] of groupsWithSeveralLogs(candidates)) {
      const seen = sharedGroups.get(group) ?? new Set();
      for (const id of ids) seen.add(id);
      sharedGroups.set(group, seen);
    }
  }
  const warnings: string[] = [];
  for (const [id, enis] of partial) {
    const log = logs.find((l) => l.id === id);
    if (!log || log.trafficType === "ALL") continue;
    warnings.push(
      `${log.trafficType === "ACCEPT" ? "An" : "A"} ${log.trafficType}-only flow log (${log.id}) covers ${label(log.resourceId)} (${plural(enis.length, "interface")}): ${HIDDEN[log.trafficType]}.`,
    );
  }
  for (const log of logs) {
    if (log.note) warnings.push(log.note);
    if (log.deliverStatus === "FAILED")
      warnings.push(
        `Delivery of ${log.id} FAILED${log.deliverError ? ` (${log.deliverError})` : ""}: its records may be missing.`,
      );
  }
  for (const [group, ids] of sharedGroups)
    warnings.push(
      `${[...ids].sort().join(" and ")} write records of the same interfaces into ${group}: they share one stream there, so counts from it may be doubled.`,
    );
  if (uncovered.length > 0)
    warnings.push(
      `${plural(uncovered.length, "interface")} in scope ${uncovered.length === 1 ? "has" : "have"} no flow log: their traffic is not shown.`,
    );
  return { uses: [...uses.values()], uncovered, warnings };
}

const overlap = (a: ScopedFlowLog, b: ScopedFlowLog): boolean =>
  a.trafficType === "ALL" || b.trafficType === "ALL" || a.trafficType === b.trafficType;

/** Log groups where two of the logs covering one interface write the same records. */
function groupsWithSeveralLogs(candidates: readonly ScopedFlowLog[]): [string, string[]][] {
  const byGroup = new Map<string, ScopedFlowLog[]>();
  for (const log of candidates) {
    if (!log.queryable || !log.logGroupName) continue;
    byGroup.set(log.logGroupName, [...(byGroup.get(log.logGroupName) ?? []), log]);
  }
  return [...byGroup].flatMap(([group, list]) => {
    const ids = list.filter((a) => list.some((b) => b !== a && overlap(a, b))).map((log) => log.id);
    return ids.length > 1 ? [[group, ids] as [string, string[]]] : [];
  });
}
