/**
 * Columnar layout. `events` holds every event with its message and, for default-format (v2)
 * flow-log messages, the 14 fields split at ingestion (numbers as BIGINT, `-` as NULL; all NULL
 * for other messages). No indexes: DuckDB's zone maps on (group_id, ts) serve the scans, and
 * indexes would slow the bulk appends.
 */
export const SCHEMA = `
CREATE TABLE IF NOT EXISTS log_groups (
  group_id INTEGER NOT NULL,
  name VARCHAR NOT NULL,
  creation_time BIGINT NOT NULL,
  arn VARCHAR NOT NULL,
  retention_days INTEGER
);
CREATE TABLE IF NOT EXISTS log_streams (
  group_id INTEGER NOT NULL,
  name VARCHAR NOT NULL,
  creation_time BIGINT NOT NULL,
  first_event BIGINT,
  last_event BIGINT,
  last_ingestion BIGINT,
  stored_bytes BIGINT NOT NULL
);
CREATE TABLE IF NOT EXISTS events (
  group_id INTEGER NOT NULL,
  event_id BIGINT NOT NULL,
  stream_name VARCHAR NOT NULL,
  ts BIGINT NOT NULL,
  ingestion_time BIGINT NOT NULL,
  message VARCHAR NOT NULL,
  size INTEGER NOT NULL,
  version BIGINT,
  account_id VARCHAR,
  interface_id VARCHAR,
  srcaddr VARCHAR,
  dstaddr VARCHAR,
  srcport BIGINT,
  dstport BIGINT,
  protocol BIGINT,
  packets BIGINT,
  bytes BIGINT,
  start_time BIGINT,
  end_time BIGINT,
  action VARCHAR,
  log_status VARCHAR
);
`;

/** The flow-log columns of `events`, in table order, with their Insights field names and types. */
export const FLOW_COLUMNS = [
  { column: "version", field: "version", numeric: true },
  { column: "account_id", field: "accountId", numeric: false },
  { column: "interface_id", field: "interfaceId", numeric: false },
  { column: "srcaddr", field: "srcAddr", numeric: false },
  { column: "dstaddr", field: "dstAddr", numeric: false },
  { column: "srcport", field: "srcPort", numeric: true },
  { column: "dstport", field: "dstPort", numeric: true },
  { column: "protocol", field: "protocol", numeric: true },
  { column: "packets", field: "packets", numeric: true },
  { column: "bytes", field: "bytes", numeric: true },
  { column: "start_time", field: "startTime", numeric: true },
  { column: "end_time", field: "endTime", numeric: true },
  { column: "action", field: "action", numeric: false },
  { column: "log_status", field: "logStatus", numeric: false },
] as const;
