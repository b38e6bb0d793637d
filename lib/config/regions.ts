/** Commercial AWS regions that offer VPC Flow Logs; the region switcher lists these. */
export const AWS_REGIONS = [
  "us-east-1",
  "us-east-2",
  "us-west-1",
  "us-west-2",
  "af-south-1",
  "ap-east-1",
  "ap-south-1",
  "ap-south-2",
  "ap-southeast-1",
  "ap-southeast-2",
  "ap-southeast-3",
  "ap-southeast-4",
  "ap-northeast-1",
  "ap-northeast-2",
  "ap-northeast-3",
  "ca-central-1",
  "ca-west-1",
  "eu-central-1",
  "eu-central-2",
  "eu-west-1",
  "eu-west-2",
  "eu-west-3",
  "eu-south-1",
  "eu-south-2",
  "eu-north-1",
  "il-central-1",
  "me-south-1",
  "me-central-1",
  "mx-central-1",
  "sa-east-1",
] as const;

const REGION_PATTERN = /^[a-z]{2}(-gov)?-[a-z]+-\d$/;

/** True for a region name in AWS's shape; unknown-but-well-formed names are allowed (new regions). */
export function isRegionName(value: string): boolean {
  return REGION_PATTERN.test(value);
}

/** The region the server talks to when the URL names none. */
export function defaultRegion(): string {
  return process.env.AWS_REGION || process.env.AWS_DEFAULT_REGION || "us-east-1";
}
