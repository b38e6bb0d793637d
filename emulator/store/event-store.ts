import type { DuckDBScalarFunction } from "@duckdb/node-api";
import { appendBatches, type StreamBatch } from "./append";
import { type Catalog, loadCatalog } from "./catalog";
import { Db, type SqlParam, type SqlRow } from "./db";
import { filterLogEvents } from "./filter-events";
import * as groups from "./groups";
import { type FlowLogFiles, ingestFlowLogFiles } from "./ingest-files";
import { getByPointer } from "./pointer";
import { getLogEvents } from "./read-events";
import * as streams from "./streams";
import type {
  EventRecord,
  FilterEventsOptions,
  FilterEventsResult,
  GetEventsOptions,
  GetEventsResult,
  GroupRef,
  InputEvent,
  ListGroupsOptions,
  ListStreamsOptions,
  LogGroup,
  LogStream,
  Page,
} from "./types";

/**
 * CloudWatch Logs data (groups, streams, events) in one DuckDB database.
 *
 * Every write resolves only after its DuckDB transaction has committed, so an acknowledged write
 * survives a crash of the process. Writes are serialized; reads see the last committed state.
 * Failures the caller should report to AWS clients are thrown as `StoreError` (see errors.ts).
 */
export class EventStore {
  private constructor(
    private readonly db: Db,
    private readonly catalog: Catalog,
  ) {}

  /**
   * Opens (creating if needed) the database at `path`, or a private one for ":memory:". `memoryLimit`
   * bounds DuckDB's buffer pool, which otherwise keeps what bulk appends wrote (up to 80% of RAM).
   */
  static async open(path: string, options: { memoryLimit?: string } = {}): Promise<EventStore> {
    const db = await Db.open(path, options.memoryLimit);
    return new EventStore(db, await loadCatalog(db));
  }

  /** CreateLogGroup. Throws ResourceAlreadyExistsException if the name is taken. */
  createLogGroup(group: {
    logGroupName: string;
    creationTime: number;
    arn: string;
    retentionInDays?: number;
  }) {
    return this.db.write(() => groups.createGroup(this.db, this.catalog, group));
  }

  /** DeleteLogGroup: the group, its streams and their events. Throws ResourceNotFoundException. */
  deleteLogGroup(logGroupName: string): Promise<void> {
    return this.db.write(() => groups.deleteGroup(this.db, this.catalog, logGroupName));
  }

  /** PutRetentionPolicy / DeleteRetentionPolicy (undefined). Retention is recorded, not enforced. */
  setRetention(logGroupName: string, retentionInDays: number | undefined): Promise<void> {
    return this.db.write(() => groups.setRetention(this.db, this.catalog, logGroupName, retentionInDays));
  }

  /** One group, or undefined. */
  getLogGroup(logGroupName: string): Promise<LogGroup | undefined> {
    return groups.getGroup(this.db, this.catalog, logGroupName);
  }

  /** DescribeLogGroups: by name order, with prefix / substring filters; limit default 50. */
  listLogGroups(options: ListGroupsOptions = {}): Promise<Page<LogGroup>> {
    return groups.listGroups(this.db, this.catalog, options);
  }

  /** CreateLogStream. Throws ResourceNotFoundException / ResourceAlreadyExistsException. */
  createLogStream(logGroupName: string, logStreamName: string, creationTime: number): Promise<void> {
    return this.db.write(() =>
      streams.createStream(this.db, this.catalog, logGroupName, logStreamName, creationTime, true),
    );
  }

  /** DeleteLogStream with its events. Throws ResourceNotFoundException. */
  deleteLogStream(logGroupName: string, logStreamName: string): Promise<void> {
    return this.db.write(() => streams.deleteStream(this.db, this.catalog, logGroupName, logStreamName));
  }

  /** DescribeLogStreams; limit default 50. Throws ResourceNotFoundException for a missing group. */
  listLogStreams(logGroupName: string, options: ListStreamsOptions = {}): Promise<Page<LogStream>> {
    return streams.listStreams(this.db, this.catalog, logGroupName, options);
  }

  /**
   * Appends events (any order, any count) to a stream, creating the stream if needed, in one
   * transaction. Default-format flow-log messages are also split into typed columns.
   * Throws ResourceNotFoundException if the group does not exist.
   */
  append(
    logGroupName: string,
    logStreamName: string,
    events: readonly InputEvent[],
    ingestionTime: number,
  ): Promise<{ accepted: number }> {
    return this.appendBatches(logGroupName, [{ streamName: logStreamName, events, ingestionTime }]);
  }

  /**
   * Appends to several streams of one group in one transaction (the simulator's bulk path), creating
   * streams as needed. Throws ResourceNotFoundException if the group does not exist.
   */
  appendBatches(logGroupName: string, batches: readonly StreamBatch[]): Promise<{ accepted: number }> {
    return this.db.write(() => appendBatches(this.db, this.catalog, logGroupName, batches));
  }

  /**
   * Loads flow-log files as S3 delivers them (gzip text with a header line) into a group, in one
   * transaction, DuckDB reading the files itself. Throws ResourceNotFoundException for a missing
   * group, InvalidParameterException for a file without a flow-log header or with another format.
   */
  ingestFlowLogFiles(logGroupName: string, files: FlowLogFiles): Promise<{ accepted: number }> {
    return this.db.write(() => ingestFlowLogFiles(this.db, this.catalog, logGroupName, files));
  }

  /** GetLogEvents on one stream. Throws ResourceNotFoundException, or InvalidParameterException for a bad token. */
  getLogEvents(
    logGroupName: string,
    logStreamName: string,
    options: GetEventsOptions = {},
  ): Promise<GetEventsResult> {
    return getLogEvents(this.db, this.catalog, logGroupName, logStreamName, options);
  }

  /** FilterLogEvents across a group's streams, interleaved by (timestamp, eventId). */
  filterLogEvents(logGroupName: string, options: FilterEventsOptions = {}): Promise<FilterEventsResult> {
    return filterLogEvents(this.db, this.catalog, logGroupName, options);
  }

  /** GetLogRecord: the event behind an @ptr, or undefined if it (or its group) is gone or the pointer is malformed. */
  getByPointer(ptr: string): Promise<EventRecord | undefined> {
    return getByPointer(this.db, this.catalog, ptr);
  }

  /** Groups by name for the Insights engine; throws ResourceNotFoundException naming none of them if one is missing. */
  resolveGroups(logGroupNames: readonly string[]): GroupRef[] {
    return groups.resolveGroups(this.catalog, logGroupNames);
  }

  /** Read-only SQL over the `events` table for the Insights engine; values are bound, BIGINTs come back as strings. */
  query(sql: string, params: readonly SqlParam[] = []): Promise<SqlRow[]> {
    return this.db.read(sql, params);
  }

  /** Registers a DuckDB scalar function (once per name) that `query` SQL may call. */
  registerFunction(name: string, create: () => DuckDBScalarFunction): void {
    this.db.registerFunction(name, create);
  }

  /** Waits for pending writes, then closes the database. */
  close(): Promise<void> {
    return this.db.close();
  }
}
