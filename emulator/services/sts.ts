import { GetCallerIdentity$ } from "@aws-sdk/client-sts";
import { encodeXmlMembers, escapeXml } from "../protocol/xml-encode";
import { AwsError } from "./aws-error";
import type { ServiceRequest, ServiceResponse } from "./types";

// @aws-sdk/client-sts 3.1174 still speaks awsQuery (AwsQueryProtocol): XML with a <{Action}Result>
// wrapper and awsQuery's <ErrorResponse> error shape.
const XMLNS = "https://sts.amazonaws.com/doc/2011-06-15/";
const xmlDeclaration = '<?xml version="1.0" encoding="UTF-8"?>\n';

export const stsActions: readonly string[] = ["GetCallerIdentity"];

/** The emulator's identity: any credentials are this user of the world's account. */
export const callerIdentity = (accountId: string) => ({
  UserId: "AIDAFLOWSCOPEEMULATOR",
  Account: accountId,
  Arn: `arn:aws:iam::${accountId}:user/flowscope-emulator`,
});

export const queryErrorResponse = (error: AwsError, requestId: string, xmlns = XMLNS): ServiceResponse => ({
  status: error.status,
  contentType: "text/xml",
  body:
    `${xmlDeclaration}<ErrorResponse xmlns="${xmlns}"><Error><Type>${error.status >= 500 ? "Receiver" : "Sender"}</Type>` +
    `<Code>${escapeXml(error.code)}</Code><Message>${escapeXml(error.message)}</Message></Error>` +
    `<RequestId>${requestId}</RequestId></ErrorResponse>`,
});

export function handleSts(req: ServiceRequest): ServiceResponse {
  const action = req.params.get("Action");
  if (action !== "GetCallerIdentity") {
    const error = action
      ? new AwsError("InvalidAction", `Could not find operation ${action} for version 2011-06-15`)
      : new AwsError("MissingAction", "Missing Action");
    return queryErrorResponse(error, req.requestId);
  }
  const [, , , , , outputSchema] = GetCallerIdentity$;
  const result = encodeXmlMembers(outputSchema, callerIdentity(req.world.accountId));
  return {
    status: 200,
    contentType: "text/xml",
    body:
      `${xmlDeclaration}<GetCallerIdentityResponse xmlns="${XMLNS}"><GetCallerIdentityResult>${result}` +
      `</GetCallerIdentityResult><ResponseMetadata><RequestId>${req.requestId}</RequestId></ResponseMetadata>` +
      "</GetCallerIdentityResponse>",
  };
}
