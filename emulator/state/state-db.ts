import { type DuckDBConnection, DuckDBInstance, type DuckDBValue } from "@duckdb/node-api";

const SCHEMA = `
CREATE TABLE IF NOT EXISTS state_meta (key VARCHAR NOT NULL, value VARCHAR NOT NULL);
CREATE TABLE IF NOT EXISTS state_items (
  kind VARCHAR NOT NULL,
  id VARCHAR NOT NULL,
  seq BIGINT NOT NULL,
  managed BOOLEAN NOT NULL,
  doc VARCHAR NOT NULL
);
`;

export interface StoredItem {
  kind: string;
  id: string;
  seq: number;
  /** Created through the API (its derived fields, such as DeliverLogsStatus, are recomputed). */
  managed: boolean;
  doc: unknown;
}

/** One change of a transaction: `doc: undefined` deletes the item. */
export interface ItemChange {
  kind: string;
  id: string;
  seq: number;
  managed: boolean;
  doc: unknown;
}

/**
 * The account's mutable state in its own DuckDB file. Writes run one at a time, each in one
 * transaction, and resolve after COMMIT, so an acknowledged write survives a crash of the process.
 */
export class StateDb {
  private chain: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
  ) {}

  static async open(path: string): Promise<StateDb> {
    const instance = await DuckDBInstance.create(path, {
      autoinstall_known_extensions: "false",
      autoload_known_extensions: "false",
    });
    const connection = await instance.connect();
    await connection.run(SCHEMA);
    return new StateDb(instance, connection);
  }

  async load(): Promise<{ meta: Map<string, string>; items: StoredItem[] }> {
    await this.chain;
    const metaRows = await this.rows("SELECT key, value FROM state_meta");
    const itemRows = await this.rows("SELECT kind, id, seq, managed, doc FROM state_items ORDER BY seq");
    return {
      meta: new Map(metaRows.map((row) => [String(row.key), String(row.value)])),
      items: itemRows.map((row) => ({
        kind: String(row.kind),
        id: String(row.id),
        seq: Number(row.seq),
        managed: row.managed === true,
        doc: JSON.parse(String(row.doc)) as unknown,
      })),
    };
  }

  /** Applies the changes in one transaction; with `replaceAll`, everything else is removed first. */
  commit(
    changes: readonly ItemChange[],
    meta?: ReadonlyMap<string, string>,
    replaceAll = false,
  ): Promise<void> {
    const run = async () => {
      await this.connection.run("BEGIN TRANSACTION");
      try {
        if (replaceAll) {
          await this.connection.run("DELETE FROM state_items");
          await this.connection.run("DELETE FROM state_meta");
        }
        for (const [key, value] of meta ?? []) {
          await this.connection.run("DELETE FROM state_meta WHERE key = $1", [key]);
          await this.connection.run("INSERT INTO state_meta VALUES ($1, $2)", [key, value]);
        }
        if (replaceAll) await this.insertAll(changes);
        else for (const change of changes) await this.apply(change);
        await this.connection.run("COMMIT");
      } catch (error) {
        await this.connection.run("ROLLBACK");
        throw error;
      }
    };
    const result = this.chain.then(run);
    this.chain = result.catch(() => undefined);
    return result;
  }

  /** Seeding writes a whole world (tens of thousands of items at `--scale`): one appender, not an INSERT each. */
  private async insertAll(changes: readonly ItemChange[]): Promise<void> {
    const appender = await this.connection.createAppender("state_items");
    for (const change of changes) {
      if (change.doc === undefined) continue;
      appender.appendVarchar(change.kind);
      appender.appendVarchar(change.id);
      appender.appendBigInt(BigInt(change.seq));
      appender.appendBoolean(change.managed);
      appender.appendVarchar(JSON.stringify(change.doc));
      appender.endRow();
    }
    appender.closeSync();
  }

  private async apply(change: ItemChange): Promise<void> {
    await this.connection.run("DELETE FROM state_items WHERE kind = $1 AND id = $2", [
      change.kind,
      change.id,
    ]);
    if (change.doc === undefined) return;
    const values: DuckDBValue[] = [
      change.kind,
      change.id,
      change.seq,
      change.managed,
      JSON.stringify(change.doc),
    ];
    await this.connection.run("INSERT INTO state_items VALUES ($1, $2, $3, $4, $5)", values);
  }

  private async rows(sql: string) {
    const reader = await this.connection.runAndReadAll(sql);
    return reader.getRowObjectsJson();
  }

  async close(): Promise<void> {
    await this.chain;
    this.connection.closeSync();
    this.instance.closeSync();
  }
}
