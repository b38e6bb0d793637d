import "server-only";
import { ScopeNotFoundError } from "@/lib/aws/flow-log-scope";
import { InsightsQueryError } from "@/lib/aws/insights-runner";
import { FlowQueryError } from "@/lib/insights";
import type { PanelEvent } from "./contract";

type ErrorEvent = Extract<PanelEvent, { type: "error" }>;

// Waiting does not fix these: the user (or an admin) has to change something first.
const PERMANENT =
  /^(AccessDenied|UnauthorizedOperation|AuthFailure|InvalidParameter|MalformedQuery|ResourceNotFound|CredentialsProviderError|InvalidClientTokenId|ValidationException)/;
const TRANSIENT =
  /^(Throttling|LimitExceeded|ServiceUnavailable|RequestLimitExceeded|InternalError|InternalFailure|TimeoutError)/;

function httpStatus(error: Error): number | undefined {
  const meta: unknown = Reflect.get(error, "$metadata");
  const status = typeof meta === "object" && meta !== null ? Reflect.get(meta, "httpStatusCode") : undefined;
  return typeof status === "number" ? status : undefined;
}

/** What went wrong, as the panel's error state shows it: a code, a message, and whether Retry can help. */
export function panelError(error: unknown): ErrorEvent {
  if (error instanceof ScopeNotFoundError)
    return { type: "error", code: "NotFound", message: error.message, retryable: false };
  if (error instanceof InsightsQueryError)
    return { type: "error", code: error.name, message: error.message, retryable: error.retryable };
  if (error instanceof FlowQueryError)
    return { type: "error", code: "UnsupportedQuery", message: error.message, retryable: false };
  if (!(error instanceof Error))
    return { type: "error", code: "Error", message: String(error), retryable: true };
  const code = error.name && error.name !== "Error" ? error.name : "Error";
  const retryable = PERMANENT.test(code) ? false : TRANSIENT.test(code) || (httpStatus(error) ?? 500) >= 500;
  const message =
    code === "CredentialsProviderError"
      ? "No AWS credentials were found. Configure credentials or start with FLOWSCOPE_DEMO=1."
      : error.message || code;
  return { type: "error", code, message, retryable };
}
