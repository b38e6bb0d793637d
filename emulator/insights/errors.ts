import type { Span } from "./ast";

/**
 * A query Logs Insights would refuse. `line`/`column` are 1-based; the offsets are 0-based character
 * offsets into the query (end exclusive), as AWS reports in QueryCompileError.location.
 */
export class MalformedQueryError extends Error {
  readonly line: number;
  readonly column: number;
  readonly startCharOffset: number;
  readonly endCharOffset: number;

  constructor(message: string, span: Span) {
    super(message);
    this.name = "MalformedQueryError";
    this.line = span.line;
    this.column = span.column;
    this.startCharOffset = span.start;
    this.endCharOffset = Math.max(span.end, span.start + 1);
  }
}
