import { FLOW_COLUMNS } from "./schema";

/** Rows land here first (temp: never WAL-logged) and are split into `events` in SQL, vectorized. */
export const STAGING_DDL = `CREATE TEMP TABLE IF NOT EXISTS staging (
  group_id INTEGER, event_id BIGINT, stream_name VARCHAR, ts BIGINT, ingestion_time BIGINT, message VARCHAR, size INTEGER
)`;

/**
 * Moves staged rows into `events`, splitting default-format (version 2) flow-log records into
 * typed columns: 14 fields separated by single spaces (or, failing that, runs of whitespace),
 * version `2`, numeric fields digits or `-`. `-` becomes NULL; other messages get NULL columns.
 */
const NUMERIC_PARTS = FLOW_COLUMNS.flatMap(({ numeric }, i) => (numeric && i > 0 ? [i + 1] : []));

export const MOVE_STAGED_SQL = `
INSERT INTO events
SELECT group_id, event_id, stream_name, ts, ingestion_time, message, size,
  ${FLOW_COLUMNS.map(({ numeric }, i) => {
    const part = `nullif(p[${i + 1}], '-')`;
    return `CASE WHEN is_flow THEN ${numeric ? `TRY_CAST(${part} AS BIGINT)` : part} END`;
  }).join(",\n  ")}
FROM (
  SELECT *, coalesce(len(p) = 14 AND p[1] = '2'
    AND ${NUMERIC_PARTS.map((i) => `(p[${i}] = '-' OR TRY_CAST(p[${i}] AS BIGINT) IS NOT NULL)`).join("\n    AND ")}, FALSE) AS is_flow
  FROM (
    SELECT * EXCLUDE (p0), CASE WHEN len(p0) = 14 THEN p0 ELSE regexp_split_to_array(trim(message), '\\s+') END AS p
    FROM (SELECT *, string_split(message, ' ') AS p0 FROM staging)
  )
)`;
