import {
  CreateFlowLogs$,
  DeleteFlowLogs$,
  DescribeFlowLogs$,
  DescribeInstances$,
  DescribeInternetGateways$,
  DescribeManagedPrefixLists$,
  DescribeNatGateways$,
  DescribeNetworkAcls$,
  DescribeNetworkInterfaces$,
  DescribeRouteTables$,
  DescribeSecurityGroups$,
  DescribeSubnets$,
  DescribeVpcs$,
  GetManagedPrefixListEntries$,
} from "@aws-sdk/client-ec2";
import { decodeQueryInput } from "../../protocol/form-decode";
import { encodeXmlMembers, escapeXml } from "../../protocol/xml-encode";
import type { WorldEc2Key } from "../../world/types";
import { AwsError, missingParameter } from "../aws-error";
import type { ServiceRequest, ServiceResponse } from "../types";
import { type DescribeContext, runDescribe } from "./describe";
import { describeSpecs } from "./describe-specs";
import { createFlowLogs, deleteFlowLogs } from "./flow-logs";
import { describeInstances, getPrefixListEntries } from "./instances";

const EC2_VERSION = "2016-11-15";
const XMLNS = `http://ec2.amazonaws.com/doc/${EC2_VERSION}/`;

type Item = Record<string, unknown>;

interface Ec2Operation {
  schema: typeof DescribeVpcs$;
  run: (input: Item, req: ServiceRequest) => Item | Promise<Item>;
  /** Mutations check the request before answering DryRun; Describe calls answer it at once. */
  checksDryRun?: boolean;
}

/** A read-only call over one world key. */
const reading = (
  schema: typeof DescribeVpcs$,
  worldKey: WorldEc2Key,
  read: (input: Item, ctx: DescribeContext) => Item,
): Ec2Operation => ({
  schema,
  run: (input, req) =>
    read(input, { items: (req.world.ec2?.[worldKey] ?? []) as readonly Item[], pageSize: req.pageSize }),
});

const schemas: Record<(typeof describeSpecs)[number]["action"], typeof DescribeVpcs$> = {
  DescribeVpcs: DescribeVpcs$,
  DescribeSubnets: DescribeSubnets$,
  DescribeNetworkInterfaces: DescribeNetworkInterfaces$,
  DescribeSecurityGroups: DescribeSecurityGroups$,
  DescribeNetworkAcls: DescribeNetworkAcls$,
  DescribeRouteTables: DescribeRouteTables$,
  DescribeInternetGateways: DescribeInternetGateways$,
  DescribeNatGateways: DescribeNatGateways$,
  DescribeManagedPrefixLists: DescribeManagedPrefixLists$,
  DescribeFlowLogs: DescribeFlowLogs$,
};

const operations = new Map<string, Ec2Operation>([
  ...describeSpecs.map((spec): [string, Ec2Operation] => [
    spec.action,
    reading(schemas[spec.action], spec.worldKey, (input, ctx) => runDescribe(spec, input, ctx)),
  ]),
  ["DescribeInstances", reading(DescribeInstances$, "Reservations", describeInstances)],
  [
    "GetManagedPrefixListEntries",
    reading(GetManagedPrefixListEntries$, "ManagedPrefixLists", getPrefixListEntries),
  ],
  [
    "CreateFlowLogs",
    {
      schema: CreateFlowLogs$,
      checksDryRun: true,
      run: (input, req) => createFlowLogs(input, req.state, req.now, req.region),
    },
  ],
  [
    "DeleteFlowLogs",
    {
      schema: DeleteFlowLogs$,
      checksDryRun: true,
      run: (input, req) => deleteFlowLogs(input, req.state, req.region),
    },
  ],
]);

export const ec2Actions: readonly string[] = [...operations.keys()];

const xmlDeclaration = '<?xml version="1.0" encoding="UTF-8"?>\n';

/** EC2's error shape: the SDK raises a ServiceException whose `name` is the code. */
export const ec2ErrorResponse = (error: AwsError, requestId: string): ServiceResponse => ({
  status: error.status,
  contentType: "text/xml;charset=UTF-8",
  body:
    `${xmlDeclaration}<Response><Errors><Error><Code>${escapeXml(error.code)}</Code>` +
    `<Message>${escapeXml(error.message)}</Message></Error></Errors>` +
    `<RequestID>${requestId}</RequestID></Response>`,
});

async function run(req: ServiceRequest): Promise<string> {
  const action = req.params.get("Action");
  if (!action) throw new AwsError("MissingAction", "The request must contain the parameter Action");
  const operation = operations.get(action);
  if (!operation) {
    throw new AwsError("InvalidAction", `The action ${action} is not valid for this web service.`);
  }
  const version = req.params.get("Version");
  if (!version) throw missingParameter("Version");
  if (version !== EC2_VERSION) {
    throw new AwsError(
      "NoSuchVersion",
      `The requested version (${version}) of service AmazonEC2 does not exist`,
    );
  }
  const [, , , , inputSchema, outputSchema] = operation.schema;
  const input = decodeQueryInput(inputSchema, req.params);
  if (input.DryRun === true && !operation.checksDryRun) {
    throw new AwsError("DryRunOperation", "Request would have succeeded, but DryRun flag is set.", 412);
  }
  const output = await operation.run(input, req);
  return (
    `${xmlDeclaration}<${action}Response xmlns="${XMLNS}"><requestId>${req.requestId}</requestId>` +
    `${encodeXmlMembers(outputSchema, output)}</${action}Response>`
  );
}

/** The EC2 query protocol: form-encoded Action/Version/parameters in, XML out. */
export async function handleEc2(req: ServiceRequest): Promise<ServiceResponse> {
  try {
    return { status: 200, contentType: "text/xml;charset=UTF-8", body: await run(req) };
  } catch (error) {
    if (error instanceof AwsError) return ec2ErrorResponse(error, req.requestId);
    throw error;
  }
}
