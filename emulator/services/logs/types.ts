import type { EmulatorState } from "../../state/emulator-state";
import type { EventStore } from "../../store/event-store";
import type { QueryManager } from "./query-manager";

/** What the CloudWatch Logs actions work on. */
export interface LogsContext {
  store: EventStore;
  /** The account and its home region (the only region that holds log groups). */
  state: EmulatorState;
  queries: QueryManager;
  now: () => number;
}
