import type { TopRow } from "@/lib/traffic/contract";
import { rowFilter } from "@/lib/traffic/filters";
import { FLOWS_GROUPS_PATH } from "./contract";
import { type FlowsPageState, recordsParams } from "./search-params";

export const GROUP_LIMIT = 25;

/** The groups API for the current filter (every filter of the table, expert expression included). */
export function groupsUrl(state: FlowsPageState): string {
  const search = recordsParams(state);
  search.set("group", state.group);
  return `${FLOWS_GROUPS_PATH}?${search.toString()}`;
}

/** What a click on a group adds to the flows filter. */
export function groupDrill(group: FlowsPageState["group"], row: TopRow): Partial<FlowsPageState> | undefined {
  const filter = rowFilter(group, row);
  if (!filter) return undefined;
  const { dstPort, action: _action, ...rest } = filter;
  return { ...rest, ...(dstPort !== undefined && { dstPort: String(dstPort) }) };
}
