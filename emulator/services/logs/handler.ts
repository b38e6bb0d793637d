import { MalformedQueryError } from "../../insights";
import { StoreError } from "../../store/errors";
import { AwsError } from "../aws-error";
import type { EmulatorService, ServiceRequest, ServiceResponse } from "../types";
import { describeLogStreams, filterLogEvents, getLogEvents, getLogRecord } from "./events";
import {
  createLogGroup,
  deleteLogGroup,
  deleteRetentionPolicy,
  describeLogGroups,
  putRetentionPolicy,
} from "./groups";
import { JsonInput } from "./json-input";
import { describeQueries, getQueryResults, startQuery, stopQuery } from "./queries";
import type { LogsContext } from "./types";

const TARGET_PREFIX = "Logs_20140328.";
const CONTENT_TYPE = "application/x-amz-json-1.1";

type Action = (input: JsonInput, ctx: LogsContext) => unknown;

const actions: Record<string, Action> = {
  DescribeLogGroups: describeLogGroups,
  CreateLogGroup: createLogGroup,
  DeleteLogGroup: deleteLogGroup,
  PutRetentionPolicy: putRetentionPolicy,
  DeleteRetentionPolicy: deleteRetentionPolicy,
  DescribeLogStreams: describeLogStreams,
  GetLogEvents: getLogEvents,
  FilterLogEvents: filterLogEvents,
  GetLogRecord: getLogRecord,
  StartQuery: startQuery,
  GetQueryResults: getQueryResults,
  StopQuery: stopQuery,
  DescribeQueries: describeQueries,
};

/** Answers of list actions in a region other than the account's home region, which holds nothing. */
const emptyElsewhere: Record<string, unknown> = {
  DescribeLogGroups: { logGroups: [] },
  DescribeQueries: { queries: [] },
};

/** CloudWatch Logs' JSON error: `__type` is what the SDK turns into its typed exception. */
export const logsErrorResponse = (
  error: AwsError,
  _requestId?: string,
  extra: object = {},
): ServiceResponse => ({
  status: error.status,
  contentType: CONTENT_TYPE,
  body: JSON.stringify({ __type: error.code, message: error.message, ...extra }),
});

// AWS reports a query's compile error with its character offsets (QueryCompileError).
const malformed = (error: MalformedQueryError): ServiceResponse =>
  logsErrorResponse(new AwsError("MalformedQueryException", error.message), undefined, {
    queryCompileError: {
      location: { startCharOffset: error.startCharOffset, endCharOffset: error.endCharOffset },
      message: error.message,
    },
  });

async function run(req: ServiceRequest, ctx: LogsContext): Promise<unknown> {
  const target = req.headers["x-amz-target"];
  if (typeof target !== "string" || !target.startsWith(TARGET_PREFIX)) {
    throw new AwsError("UnknownOperationException", "Missing or unknown X-Amz-Target header");
  }
  const name = target.slice(TARGET_PREFIX.length);
  const action = actions[name];
  if (!action) {
    throw new AwsError("UnknownOperationException", `The Flowscope emulator does not implement Logs ${name}`);
  }
  const input = JsonInput.parse(req.body);
  if (req.region !== ctx.state.region) {
    if (name in emptyElsewhere) return emptyElsewhere[name];
    throw new AwsError(
      "ResourceNotFoundException",
      `The Flowscope emulator holds log groups in ${ctx.state.region} only, not ${req.region}.`,
    );
  }
  return action(input, ctx);
}

/** CloudWatch Logs over JSON 1.1: X-Amz-Target `Logs_20140328.<Action>`, JSON in and out. */
export function createLogsService(ctx: LogsContext): EmulatorService {
  return {
    actions: Object.keys(actions),
    error: logsErrorResponse,
    handle: async (req) => {
      try {
        const output = await run(req, ctx);
        return { status: 200, contentType: CONTENT_TYPE, body: JSON.stringify(output) };
      } catch (error) {
        if (error instanceof MalformedQueryError) return malformed(error);
        if (error instanceof StoreError) return logsErrorResponse(new AwsError(error.code, error.message));
        if (error instanceof AwsError) return logsErrorResponse(error);
        throw error;
      }
    },
  };
}
