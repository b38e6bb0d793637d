import { FlowQueryError } from "./errors";
import { identifier, listLiteral, stringLiteral } from "./escape";
import type { FlowFormat } from "./flow-format";
import type { FlowScope } from "./schema";

export interface ScopePlan {
  /** Clauses every chunk carries (vpc-id, subnet-id). */
  clauses: string[];
  /** Present when the scope must be spelled out as interfaces: one `in [...]` per chunk. */
  interfaces?: { field: string; ids: string[] };
}

/**
 * vpcId and subnetIds filter on the format's own vpc-id/subnet-id fields. Where the format lacks
 * them, interfaceIds (the caller's list of the interfaces in that scope) stand in; with neither
 * vpcId nor subnetIds, interfaceIds are the scope. A scope that cannot be applied is an error: a
 * query over the whole log group would show other networks' traffic as this one's.
 */
export function compileScope(scope: FlowScope, format: FlowFormat): ScopePlan {
  const clauses: string[] = [];
  const missing: string[] = [];
  const vpcField = format.queryName("vpc-id");
  if (scope.vpcId !== undefined) {
    if (vpcField) clauses.push(`${identifier(vpcField)} = ${stringLiteral(scope.vpcId)}`);
    else missing.push("scope.vpcId: the flow log's format has no vpc-id field");
  }
  const subnetField = format.queryName("subnet-id");
  if (scope.subnetIds !== undefined) {
    const ids = [...new Set(scope.subnetIds)].map(stringLiteral);
    if (subnetField)
      clauses.push(
        ids.length === 1
          ? `${identifier(subnetField)} = ${ids[0]}`
          : `${identifier(subnetField)} in ${listLiteral(ids)}`,
      );
    else missing.push("scope.subnetIds: the flow log's format has no subnet-id field");
  }
  const byInterfaces = missing.length > 0 || (clauses.length === 0 && scope.interfaceIds !== undefined);
  if (!byInterfaces) return { clauses };
  if (scope.interfaceIds === undefined)
    throw new FlowQueryError(
      missing.map((issue) => `${issue}; pass scope.interfaceIds, the interfaces in scope`),
    );
  const interfaceField = format.queryName("interface-id");
  if (!interfaceField)
    throw new FlowQueryError([
      ...missing,
      "scope.interfaceIds: the flow log's format has no interface-id field either, so the scope cannot be applied",
    ]);
  return {
    clauses,
    interfaces: { field: identifier(interfaceField), ids: [...new Set(scope.interfaceIds)] },
  };
}

/** The clause for one chunk of interfaces. */
export const interfaceClause = (field: string, ids: readonly string[]): string =>
  `${field} in ${listLiteral(ids.map(stringLiteral))}`;
