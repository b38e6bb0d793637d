import { createHash } from "node:crypto";
import { AwsError } from "../aws-error";

export interface PageParams {
  MaxResults?: number;
  NextToken?: string;
}

export interface PageOptions {
  action: string;
  /** AWS's MaxResults bounds for the action, inclusive. */
  range: readonly [number, number];
  /** Page size when MaxResults is absent; undefined = everything in one page. */
  defaultSize: number | undefined;
  /** What the token is bound to (filters, ids): a token from another query is refused. */
  query: unknown;
}

interface Token {
  a: string;
  q: string;
  o: number;
}

const queryHash = (query: unknown): string =>
  createHash("sha256").update(JSON.stringify(query)).digest("base64url").slice(0, 12);

const invalidToken = (token: string) =>
  new AwsError(
    "InvalidParameterValue",
    `Value (${token}) for parameter NextToken is invalid. The token is invalid.`,
  );

function decodeToken(token: string, action: string, q: string): number {
  try {
    const parsed = JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as Partial<Token>;
    if (parsed.a === action && parsed.q === q && Number.isInteger(parsed.o) && (parsed.o ?? -1) >= 0) {
      return parsed.o ?? 0;
    }
  } catch {
    // fall through: any undecodable token is invalid
  }
  throw invalidToken(token);
}

export function checkMaxResults(maxResults: number | undefined, range: readonly [number, number]): void {
  if (maxResults === undefined) return;
  const [min, max] = range;
  const prefix = `Value ( ${maxResults} ) for parameter maxResults is invalid.`;
  if (!Number.isInteger(maxResults) || maxResults < min) {
    throw new AwsError("InvalidParameterValue", `${prefix} Expecting a value greater than ${min}.`);
  }
  if (maxResults > max)
    throw new AwsError("InvalidParameterValue", `${prefix} Expecting a value less than ${max}.`);
}

/** One page of `items` and the opaque token for the next, as EC2 pages its Describe calls. */
export function pageOf<T>(items: readonly T[], params: PageParams, opts: PageOptions) {
  checkMaxResults(params.MaxResults, opts.range);
  const q = queryHash(opts.query);
  const offset = params.NextToken ? decodeToken(params.NextToken, opts.action, q) : 0;
  const size = params.MaxResults ?? opts.defaultSize ?? items.length;
  const end = offset + size;
  const page = items.slice(offset, end);
  const token: Token = { a: opts.action, q, o: end };
  const nextToken = end < items.length ? Buffer.from(JSON.stringify(token)).toString("base64url") : undefined;
  return { page, nextToken };
}

/** MaxResults and NextToken from a decoded input. */
export const pageParams = (input: Record<string, unknown>): PageParams => ({
  MaxResults: typeof input.MaxResults === "number" ? input.MaxResults : undefined,
  NextToken: typeof input.NextToken === "string" ? input.NextToken : undefined,
});
