import { DEFAULT_LOG_FORMAT, FLOW_LOG_FIELDS, type FlowLogField, formatVersion } from "@/lib/flow/fields";
import { logFormatFields } from "@/lib/flow/format";
import { TAG_FIELDS } from "./schema";

export const DEFAULT_FIELDS: readonly string[] = logFormatFields(DEFAULT_LOG_FORMAT);

export interface FormatPreset {
  id: string;
  label: string;
  description: string;
  fields: readonly string[];
}

const TROUBLESHOOTING_EXTRA = [
  "vpc-id",
  "subnet-id",
  "instance-id",
  "tcp-flags",
  "pkt-srcaddr",
  "pkt-dstaddr",
  "flow-direction",
  "traffic-path",
  "reject-reason",
];

export const FORMAT_PRESETS: readonly FormatPreset[] = [
  {
    id: "default",
    label: "AWS default",
    description: "The 14 version-2 fields, in AWS's order.",
    fields: DEFAULT_FIELDS,
  },
  {
    id: "troubleshooting",
    label: "Troubleshooting",
    description:
      "Default plus where the packet came from and went (VPC, subnet, instance, packet addresses), TCP flags, direction, egress path and why it was rejected.",
    fields: [...DEFAULT_FIELDS, ...TROUBLESHOOTING_EXTRA],
  },
  {
    id: "aws-services",
    label: "AWS services",
    description: "Troubleshooting plus the AWS service behind each address (S3, DynamoDB, EC2, …).",
    fields: [...DEFAULT_FIELDS, ...TROUBLESHOOTING_EXTRA, "pkt-src-aws-service", "pkt-dst-aws-service"],
  },
];

/** The fields a person may pick, grouped by the version that introduced them (tag fields are not offered). */
export function pickableFieldsByVersion(): { version: number; fields: FlowLogField[] }[] {
  const groups = new Map<number, FlowLogField[]>();
  for (const field of FLOW_LOG_FIELDS) {
    if (TAG_FIELDS.has(field.name)) continue;
    groups.set(field.version, [...(groups.get(field.version) ?? []), field]);
  }
  return [...groups].map(([version, fields]) => ({ version, fields }));
}

const SAMPLE: Record<string, string> = {
  "account-id": "123456789012",
  "interface-id": "eni-0a1b2c3d4e5f60718",
  srcaddr: "203.0.113.12",
  dstaddr: "10.0.1.25",
  srcport: "49152",
  dstport: "22",
  protocol: "6",
  packets: "3",
  bytes: "180",
  start: "1764000000",
  end: "1764000058",
  action: "REJECT",
  "log-status": "OK",
  "vpc-id": "vpc-0a1b2c3d4e5f60718",
  "subnet-id": "subnet-0a1b2c3d4e5f60718",
  "instance-id": "i-0a1b2c3d4e5f60718",
  "tcp-flags": "2",
  type: "IPv4",
  "pkt-srcaddr": "203.0.113.12",
  "pkt-dstaddr": "10.0.1.25",
  region: "us-east-1",
  "az-id": "use1-az1",
  "sublocation-type": "-",
  "sublocation-id": "-",
  "pkt-src-aws-service": "-",
  "pkt-dst-aws-service": "-",
  "flow-direction": "ingress",
  "traffic-path": "-",
  "reject-reason": "-",
  "encryption-status": "0",
};

/** One made-up record in this format: an SSH SYN from the internet, rejected (ingress: no traffic-path). */
export function sampleRecord(fieldNames: readonly string[], accountId?: string): string {
  const fields = FLOW_LOG_FIELDS.filter((f) => fieldNames.includes(f.name));
  const version = String(formatVersion(fields));
  return fieldNames
    .map((name) => {
      if (name === "version") return version;
      if (name === "account-id" && accountId) return accountId;
      return SAMPLE[name] ?? "-";
    })
    .join(" ");
}
