import { CreateRole$, GetRole$, GetRolePolicy$, ListRoles$, PutRolePolicy$ } from "@aws-sdk/client-iam";
import { decodeQueryInput } from "../../protocol/form-decode";
import { encodeXmlMembers } from "../../protocol/xml-encode";
import type { EmulatorState } from "../../state/emulator-state";
import { AwsError } from "../aws-error";
import { queryErrorResponse } from "../sts";
import type { EmulatorService, ServiceRequest, ServiceResponse } from "../types";
import { createRole, getRole, getRolePolicy, listRoles, putRolePolicy } from "./roles";

const VERSION = "2010-05-08";
const XMLNS = `https://iam.amazonaws.com/doc/${VERSION}/`;
const xmlDeclaration = '<?xml version="1.0" encoding="UTF-8"?>\n';

type Input = Record<string, unknown>;
type Run = (input: Input, state: EmulatorState, now: number) => object | Promise<object>;

const operations: Record<string, { schema: typeof ListRoles$; run: Run; unitOutput?: boolean }> = {
  ListRoles: { schema: ListRoles$, run: listRoles },
  GetRole: { schema: GetRole$, run: getRole },
  CreateRole: { schema: CreateRole$, run: createRole },
  PutRolePolicy: { schema: PutRolePolicy$, run: putRolePolicy, unitOutput: true },
  GetRolePolicy: { schema: GetRolePolicy$, run: getRolePolicy },
};

export const iamActions: readonly string[] = Object.keys(operations);

export const iamErrorResponse = (error: AwsError, requestId: string): ServiceResponse =>
  queryErrorResponse(error, requestId, XMLNS);

async function run(req: ServiceRequest, state: EmulatorState, now: number): Promise<string> {
  const action = req.params.get("Action");
  if (!action) throw new AwsError("MissingAction", "Missing Action");
  const operation = operations[action];
  if (!operation)
    throw new AwsError("InvalidAction", `Could not find operation ${action} for version ${VERSION}`);
  if (req.params.get("Version") !== VERSION) {
    throw new AwsError(
      "InvalidAction",
      `Could not find operation ${action} for version ${req.params.get("Version")}`,
    );
  }
  const [, , , , inputSchema, outputSchema] = operation.schema;
  const input = decodeQueryInput(inputSchema, req.params, "query");
  const output = await operation.run(input, state, now);
  const result = operation.unitOutput
    ? ""
    : `<${action}Result>${encodeXmlMembers(outputSchema, output)}</${action}Result>`;
  return (
    `${xmlDeclaration}<${action}Response xmlns="${XMLNS}">${result}` +
    `<ResponseMetadata><RequestId>${req.requestId}</RequestId></ResponseMetadata></${action}Response>`
  );
}

/**
 * IAM over the query protocol (form in, XML out). IAM is global: it answers the same account
 * whatever region the request is signed for (the SDK signs IAM for us-east-1).
 */
export function createIamService(state: EmulatorState, now: () => number = Date.now): EmulatorService {
  return {
    actions: iamActions,
    error: iamErrorResponse,
    handle: async (req) => {
      try {
        return { status: 200, contentType: "text/xml", body: await run(req, state, now()) };
      } catch (error) {
        if (error instanceof AwsError) return iamErrorResponse(error, req.requestId);
        throw error;
      }
    },
  };
}
