/** Shorthands for writing the demo's security-group rules and network ACL entries as data. */
import type { NetworkAclEntry } from "@aws-sdk/client-ec2";
import type { PrefixListSpec, RuleSpec, SourceSpec } from "./demo-spec";
import type { CliShape } from "./types";

export const tcp = (port: number, ...sources: SourceSpec[]): RuleSpec => ({
  protocol: "tcp",
  from: port,
  to: port,
  sources,
});

export const udp = (port: number, ...sources: SourceSpec[]): RuleSpec => ({
  protocol: "udp",
  from: port,
  to: port,
  sources,
});

export const anywhere = (description: string): SourceSpec[] => [
  { cidr: "0.0.0.0/0", description },
  { cidrV6: "::/0", description },
];

export const fromGroup = (group: string, description: string): SourceSpec => ({ group, description });

export const ANYWHERE = "0.0.0.0/0";

/** One network ACL entry; `ports` for TCP and UDP only. */
export const naclRule = (
  RuleNumber: number,
  direction: "in" | "out",
  RuleAction: "allow" | "deny",
  Protocol: "-1" | "6" | "17",
  CidrBlock: string,
  ports?: [number, number],
): CliShape<NetworkAclEntry> => ({
  CidrBlock,
  Egress: direction === "out",
  Protocol,
  ...(ports ? { PortRange: { From: ports[0], To: ports[1] } } : {}),
  RuleAction,
  RuleNumber,
});

/** The AWS-managed S3 prefix list of us-east-1 (the id is AWS's, the same in every account). */
export const S3_PREFIX_LIST: PrefixListSpec = {
  key: "s3",
  name: "com.amazonaws.us-east-1.s3",
  awsManaged: { id: "pl-63a5400a" },
  entries: [
    { Cidr: "3.5.0.0/19" },
    { Cidr: "16.182.0.0/16" },
    { Cidr: "18.34.0.0/19" },
    { Cidr: "18.34.232.0/21" },
    { Cidr: "52.216.0.0/15" },
    { Cidr: "54.231.0.0/16" },
  ],
};

export const OFFICE_PREFIX_LIST: PrefixListSpec = {
  key: "office-cidrs",
  name: "office-cidrs",
  maxEntries: 10,
  entries: [
    { Cidr: "198.51.100.0/28", Description: "HQ office" },
    { Cidr: "192.0.2.240/28", Description: "Branch office" },
  ],
};

export const office = (description: string): SourceSpec => ({ prefixList: "office-cidrs", description });
