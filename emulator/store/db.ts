import {
  type DuckDBAppender,
  type DuckDBConnection,
  DuckDBInstance,
  type DuckDBScalarFunction,
  type Json,
} from "@duckdb/node-api";
import { STREAM_UPDATES_DDL } from "./append";
import { STAGING_DDL } from "./flow-split";
import { SCHEMA } from "./schema";

export type SqlParam = string | number | bigint | boolean | null;
export type SqlRow = Record<string, Json>;

const READERS = 4;

/**
 * One DuckDB instance with a single writer connection (writes run one at a time, in order) and a
 * few reader connections, so a long Insights query does not hold up ingestion.
 */
export class Db {
  private writeChain: Promise<unknown> = Promise.resolve();
  private readChains: Promise<unknown>[];
  private nextReader = 0;
  private readonly functions = new Set<string>();

  private constructor(
    private readonly instance: DuckDBInstance,
    readonly writer: DuckDBConnection,
    private readonly readers: DuckDBConnection[],
  ) {
    this.readChains = readers.map(() => Promise.resolve());
  }

  /** `memoryLimit` caps DuckDB's buffer pool (e.g. "1GB"); DuckDB's default is 80% of the machine's RAM. */
  static async open(path: string, memoryLimit?: string): Promise<Db> {
    // Offline machines: never try to download an extension in the middle of a query.
    const instance = await DuckDBInstance.create(path, {
      autoinstall_known_extensions: "false",
      autoload_known_extensions: "false",
      ...(memoryLimit ? { memory_limit: memoryLimit } : {}),
    });
    const writer = await instance.connect();
    await writer.run(SCHEMA);
    await writer.run(STAGING_DDL);
    await writer.run(STREAM_UPDATES_DDL);
    const readers: DuckDBConnection[] = [];
    for (let i = 0; i < READERS; i++) readers.push(await instance.connect());
    return new Db(instance, writer, readers);
  }

  /** Runs `fn` after every earlier write has settled; its result (or error) is the caller's. */
  write<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.writeChain.then(fn);
    this.writeChain = result.catch(() => undefined);
    return result;
  }

  /** Runs `fn` inside BEGIN … COMMIT on the writer, rolling back if it throws. Call only inside write(). */
  async transaction<T>(fn: () => Promise<T>): Promise<T> {
    await this.writer.run("BEGIN TRANSACTION");
    try {
      const result = await fn();
      await this.writer.run("COMMIT");
      return result;
    } catch (error) {
      await this.writer.run("ROLLBACK");
      throw error;
    }
  }

  /** A statement on the writer connection. Call only inside write(). */
  async exec(sql: string, params: readonly SqlParam[] = []): Promise<SqlRow[]> {
    const reader = await this.writer.runAndReadAll(sql, [...params]);
    return reader.getRowObjectsJson();
  }

  /** An appender on the writer's temp `staging` table (see flow-split.ts). */
  stagingAppender(): Promise<DuckDBAppender> {
    return this.writer.createAppender("staging", "main", "temp");
  }

  /** An appender on a table of the writer's connection (`temp` for its temporary tables). Call only inside write(). */
  appender(table: string, catalog?: "temp"): Promise<DuckDBAppender> {
    return this.writer.createAppender(table, "main", catalog);
  }

  /** A read-only query on one of the reader connections. */
  read(sql: string, params: readonly SqlParam[] = []): Promise<SqlRow[]> {
    const index = this.nextReader;
    this.nextReader = (index + 1) % this.readers.length;
    const connection = this.readers[index];
    const chain = this.readChains[index];
    if (!connection || !chain) throw new Error("reader pool is empty");
    const result = chain.then(async () =>
      (await connection.runAndReadAll(sql, [...params])).getRowObjectsJson(),
    );
    this.readChains[index] = result.catch(() => undefined);
    return result;
  }

  /** Registers a scalar function once per name; registration is database-wide, so one connection will do. */
  registerFunction(name: string, create: () => DuckDBScalarFunction): void {
    if (this.functions.has(name)) return;
    this.writer.registerScalarFunction(create());
    this.functions.add(name);
  }

  async close(): Promise<void> {
    await this.writeChain;
    await Promise.all(this.readChains);
    for (const connection of [this.writer, ...this.readers]) connection.closeSync();
    this.instance.closeSync();
  }
}
