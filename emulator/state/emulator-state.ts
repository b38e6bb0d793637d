import type { World, WorldRole } from "../world/types";
import { buildWorld, type FlowLogItem, itemsFromWorld, type StateKind } from "./items";
import { type ItemChange, StateDb, type StoredItem } from "./state-db";

/** What CreateFlowLogs answered for a ClientToken, so a retry with the same token gets the same answer. */
export interface ClientTokenRecord {
  fingerprint: string;
  flowLogIds: string[];
  unsuccessful: { ResourceId: string; Error: { Code: string; Message: string } }[];
}

/** Reads and staged writes of one transaction; see EmulatorState.transact. */
export interface StateTx {
  /** The account as it was when the transaction started. */
  readonly world: World;
  clientToken(token: string): ClientTokenRecord | undefined;
  rolePolicy(roleName: string, policyName: string): string | undefined;
  addFlowLog(item: FlowLogItem): void;
  deleteFlowLog(flowLogId: string): void;
  setClientToken(token: string, record: ClientTokenRecord): void;
  putRole(role: WorldRole): void;
  putRolePolicy(roleName: string, policyName: string, document: string): void;
}

type Entry = Omit<StoredItem, "kind" | "id">;

const META_ACCOUNT = "accountId";
const META_REGION = "region";
const META_SEEDED = "seededAt";
const policyKey = (roleName: string, policyName: string) => `${roleName}/${policyName}`;

/**
 * The emulated account: the world's EC2 resources and IAM roles plus what the API has changed
 * (flow logs, roles, role policies, idempotency tokens), mirrored in memory and persisted in a
 * DuckDB file. Every mutation resolves only after its transaction has committed.
 */
export class EmulatorState {
  private readonly kinds = new Map<string, Map<string, Entry>>();
  private meta = new Map<string, string>();
  private seq = 0;
  private snapshot: World | undefined;
  private lock: Promise<unknown> = Promise.resolve();
  private readonly listeners = new Set<() => void>();

  private constructor(private readonly db: StateDb) {}

  /** Opens (creating if needed) the state at `path`, or a private one for ":memory:". */
  static async open(path: string): Promise<EmulatorState> {
    const state = new EmulatorState(await StateDb.open(path));
    const { meta, items } = await state.db.load();
    state.meta = meta;
    for (const item of items) state.entries(item.kind).set(item.id, item);
    state.seq = items.reduce((max, item) => Math.max(max, item.seq), 0);
    return state;
  }

  /** False until seed() has committed: an empty store. */
  get seeded(): boolean {
    return this.meta.has(META_SEEDED);
  }

  get accountId(): string {
    return this.meta.get(META_ACCOUNT) ?? "000000000000";
  }

  get region(): string {
    return this.meta.get(META_REGION) ?? "us-east-1";
  }

  /** Replaces everything with the world's ec2 and iam, in one transaction. */
  seed(world: World, now = Date.now()): Promise<void> {
    return this.exclusive(async () => {
      const changes = itemsFromWorld(world).map(
        (item, i): ItemChange => ({ ...item, seq: i + 1, managed: false }),
      );
      const meta = new Map([
        [META_ACCOUNT, world.accountId],
        [META_REGION, world.region],
        [META_SEEDED, new Date(now).toISOString()],
      ]);
      await this.db.commit(changes, meta, true);
      this.kinds.clear();
      this.meta = meta;
      for (const change of changes) this.entries(change.kind).set(change.id, change);
      this.seq = changes.length;
      this.changed();
    });
  }

  /** The current account (EC2 + IAM roles), in the world file's shapes. Do not mutate it. */
  world(): World {
    this.snapshot ??= buildWorld(this.accountId, this.region, this.kinds);
    return this.snapshot;
  }

  rolePolicy(roleName: string, policyName: string): string | undefined {
    const doc = this.entries("RolePolicies").get(policyKey(roleName, policyName))?.doc;
    return typeof doc === "string" ? doc : undefined;
  }

  /** Calls `listener` after every committed change. Returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Runs `fn` alone (after every earlier transaction), then commits what it staged in one DuckDB
   * transaction. `fn` is synchronous, so a check it makes still holds when its writes land; if it
   * throws, nothing is written.
   */
  transact<T>(fn: (tx: StateTx) => T): Promise<T> {
    return this.exclusive(async () => {
      const changes: ItemChange[] = [];
      let next = this.seq;
      const stage = (kind: StateKind, id: string, doc: unknown) => {
        const seq = this.entries(kind).get(id)?.seq ?? ++next;
        changes.push({ kind, id, doc, managed: true, seq });
      };
      const tx: StateTx = {
        world: this.world(),
        clientToken: (token) => this.entries("ClientTokens").get(token)?.doc as ClientTokenRecord | undefined,
        rolePolicy: (role, policy) => this.rolePolicy(role, policy),
        addFlowLog: (item) => stage("FlowLogs", String(item.FlowLogId), item),
        deleteFlowLog: (id) => stage("FlowLogs", id, undefined),
        setClientToken: (token, record) => stage("ClientTokens", token, record),
        putRole: (role) => stage("Roles", String(role.RoleName), role),
        putRolePolicy: (role, policy, document) => stage("RolePolicies", policyKey(role, policy), document),
      };
      const result = fn(tx);
      if (changes.length === 0) return result;
      await this.db.commit(changes);
      for (const change of changes) {
        const entries = this.entries(change.kind);
        if (change.doc === undefined) entries.delete(change.id);
        else entries.set(change.id, change);
      }
      this.seq = next;
      this.changed();
      return result;
    });
  }

  /** Waits for pending writes, then closes the database. */
  async close(): Promise<void> {
    await this.lock.catch(() => undefined);
    await this.db.close();
  }

  private entries(kind: string): Map<string, Entry> {
    let entries = this.kinds.get(kind);
    if (!entries) {
      entries = new Map();
      this.kinds.set(kind, entries);
    }
    return entries;
  }

  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.lock.then(fn);
    this.lock = result.catch(() => undefined);
    return result;
  }

  private changed(): void {
    this.snapshot = undefined;
    for (const listener of this.listeners) listener();
  }
}

export type { FlowLogItem, StateKind };
