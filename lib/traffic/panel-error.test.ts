import { describe, expect, it } from "vitest";
import { ScopeNotFoundError } from "@/lib/aws/flow-log-scope";
import { InsightsQueryError } from "@/lib/aws/insights-runner";
import { FlowQueryError } from "@/lib/insights";
import { panelError } from "./panel-error";

const aws = (name: string, httpStatusCode?: number) =>
  Object.assign(new Error(`${name} happened`), { name, $metadata: { httpStatusCode } });

describe("panelError", () => {
  it.each([
    ["AccessDenied", aws("AccessDeniedException", 400), "AccessDeniedException", false],
    ["EC2's UnauthorizedOperation", aws("UnauthorizedOperation", 403), "UnauthorizedOperation", false],
    ["a missing log group", aws("ResourceNotFoundException", 400), "ResourceNotFoundException", false],
    ["throttling", aws("ThrottlingException", 400), "ThrottlingException", true],
    ["the concurrent-query quota", aws("LimitExceededException", 400), "LimitExceededException", true],
    ["a 5xx", aws("SomethingBroke", 503), "SomethingBroke", true],
    [
      "a failed query",
      new InsightsQueryError("Failed", "The Logs Insights query failed."),
      "QueryFailed",
      true,
    ],
    ["a scope not in the VPC", new ScopeNotFoundError("subnet", "Subnet x is not in y."), "NotFound", false],
    [
      "a query the format cannot express",
      new FlowQueryError(["shape.groupBy: no field"]),
      "UnsupportedQuery",
      false,
    ],
  ])("%s", (_, error, code, retryable) => {
    expect(panelError(error)).toMatchObject({ type: "error", code, retryable });
  });

  it("says what to do when there are no credentials", () => {
    expect(panelError(aws("CredentialsProviderError")).message).toContain("Configure credentials");
  });
});
