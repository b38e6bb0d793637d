import {
  type CloudWatchLogsClient,
  GetQueryResultsCommand,
  type ResultField,
  StartQueryCommand,
} from "@aws-sdk/client-cloudwatch-logs";
import { CUSTOM_V5_FIELDS } from "./flow-files";

/** The four Insights queries of issue 10, each with its hand-written DuckDB SQL and a JavaScript scan. */
export interface BenchQuery {
  id: string;
  label: string;
  group: "default" | "custom";
  insights: string;
  /** Over `events`; $1 group id, $2 and $3 the time range in ms. */
  sql: string;
  /** One pass over record lines (fields split on spaces); returns the result rows. */
  scan: () => Scanner;
}

export interface Scanner {
  line(p: string[]): void;
  rows(): unknown[];
}

const RANGE = "group_id = $1 AND ts BETWEEN $2 AND $3";
/** Insights field names as the app's queries use them (srcAddr, dstPort, interfaceId, …). */
const camel = (name: string) =>
  name
    .replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())
    .replace(/(src|dst)(addr|port)$/, (_, a: string, b: string) => a + b[0]?.toUpperCase() + b.slice(1));
const CUSTOM_NAMES = CUSTOM_V5_FIELDS.map(camel);
const at = (name: string) => CUSTOM_V5_FIELDS.indexOf(name) + 1;

const topBy = (map: Map<string, number>, n: number) =>
  [...map].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, n);

export const BENCH_QUERIES: BenchQuery[] = [
  {
    id: "top-talkers",
    label: "top talkers by bytes",
    group: "default",
    insights: "stats sum(bytes) as totalBytes by srcAddr, dstAddr | sort totalBytes desc | limit 10",
    sql: `SELECT srcaddr, dstaddr, sum(bytes) AS b FROM events WHERE ${RANGE} GROUP BY 1, 2 ORDER BY b DESC LIMIT 10`,
    scan: () => {
      const sums = new Map<string, number>();
      return {
        line: (p) => {
          if (p[3] === "-") return;
          const key = `${p[3]} ${p[4]}`;
          sums.set(key, (sums.get(key) ?? 0) + Number(p[9]));
        },
        rows: () => topBy(sums, 10),
      };
    },
  },
  {
    id: "accept-reject-bins",
    label: "accept/reject by 5-minute bin",
    group: "default",
    insights: "stats count(*) as flows by bin(5m), action",
    sql: `SELECT ts // 300000 AS t, action, count(*) AS n FROM events WHERE ${RANGE} GROUP BY 1, 2`,
    scan: () => {
      const counts = new Map<string, number>();
      return {
        line: (p) => {
          const key = `${Math.floor(Number(p[10]) / 300)} ${p[12]}`;
          counts.set(key, (counts.get(key) ?? 0) + 1);
        },
        rows: () => [...counts],
      };
    },
  },
  {
    id: "rejected-port",
    label: "rejected flows on port 22 (newest 100 records)",
    group: "default",
    insights:
      'fields @timestamp, srcAddr, dstAddr, srcPort, dstPort | filter action = "REJECT" and dstPort = 22 | sort @timestamp desc | limit 100',
    sql: `SELECT ts, srcaddr, dstaddr, srcport, dstport FROM events WHERE ${RANGE} AND action = 'REJECT' AND dstport = 22 ORDER BY ts DESC LIMIT 100`,
    scan: () => {
      const rows: string[][] = [];
      return {
        line: (p) => {
          if (p[12] === "REJECT" && p[6] === "22") rows.push(p);
        },
        rows: () => rows.sort((a, b) => Number(b[10]) - Number(a[10])).slice(0, 100),
      };
    },
  },
  {
    id: "parse-custom",
    label: "parse-based custom v5 format: rejects by destination port",
    group: "custom",
    insights: `parse @message "${CUSTOM_NAMES.map(() => "*").join(" ")}" as ${CUSTOM_NAMES.join(", ")} | filter action = "REJECT" | stats count(*) as rejects, sum(bytes) as rejectedBytes by dstPort | sort rejects desc | limit 10`,
    sql: `SELECT p[${at("dstport")}] AS dstport, count(*) AS rejects, sum(p[${at("bytes")}]::BIGINT) AS b
      FROM (SELECT string_split(message, ' ') AS p FROM events WHERE ${RANGE})
      WHERE p[${at("action")}] = 'REJECT' GROUP BY 1 ORDER BY rejects DESC LIMIT 10`,
    scan: () => {
      const counts = new Map<string, number>();
      const action = at("action") - 1;
      const port = at("dstport") - 1;
      return {
        line: (p) => {
          if (p[action] !== "REJECT") return;
          const key = p[port] ?? "-";
          counts.set(key, (counts.get(key) ?? 0) + 1);
        },
        rows: () => topBy(counts, 10),
      };
    },
  },
];

/** StartQuery, then GetQueryResults every `pollMs` until a terminal status; the rows of a Complete query. */
export async function runInsights(
  logs: CloudWatchLogsClient,
  request: { logGroupName: string; queryString: string; startTime: number; endTime: number; limit?: number },
  pollMs: number,
): Promise<ResultField[][]> {
  const { queryId } = await logs.send(
    new StartQueryCommand({
      logGroupNames: [request.logGroupName],
      queryString: request.queryString,
      startTime: request.startTime,
      endTime: request.endTime,
      limit: request.limit ?? 1000,
    }),
  );
  for (;;) {
    const result = await logs.send(new GetQueryResultsCommand({ queryId }));
    if (result.status === "Complete") return result.results ?? [];
    if (result.status !== "Running" && result.status !== "Scheduled")
      throw new Error(`query ${queryId} ended ${result.status}`);
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

/** Every line (header skipped) of decompressed S3 files, split on spaces, fed to `scanner`. */
export function scanBuffers(buffers: readonly Buffer[], scanner: Scanner): unknown[] {
  for (const buffer of buffers) {
    let start = buffer.indexOf(10) + 1;
    while (start < buffer.length) {
      let end = buffer.indexOf(10, start);
      if (end < 0) end = buffer.length;
      scanner.line(buffer.toString("latin1", start, end).split(" "));
      start = end + 1;
    }
  }
  return scanner.rows();
}
