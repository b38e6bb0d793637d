/**
 * Price figures, all in one place. They are ESTIMATES: us-east-1 list prices taken from third-party
 * write-ups, not confirmed on an AWS page (reference/aws/create-flow-logs.md §6). Show them as "≈"
 * and never as a bill.
 */
export const PRICING_NOTE =
  "Estimate from us-east-1 list prices (not confirmed by AWS); other regions, free tier and discounts differ.";

/** AWS bills per GB of 2^30 bytes. */
export const BYTES_PER_GB = 1024 ** 3;

/** CloudWatch Logs Insights: USD per GB of log data scanned. */
export const INSIGHTS_USD_PER_GB_SCANNED = 0.005;

/** One tier of a monthly volume price: this rate applies up to `upToGb` (cumulative) in a month. */
export type PriceTier = { upToGb: number; usdPerGb: number };

/**
 * Vended logs (VPC Flow Logs) delivered to CloudWatch Logs, USD per GB ingested per month. The two
 * middle tiers are the least certain figures of all.
 */
export const CWL_VENDED_INGESTION_TIERS: readonly PriceTier[] = [
  { upToGb: 10 * 1024, usdPerGb: 0.5 },
  { upToGb: 30 * 1024, usdPerGb: 0.25 },
  { upToGb: 50 * 1024, usdPerGb: 0.1 },
  { upToGb: Number.POSITIVE_INFINITY, usdPerGb: 0.05 },
];

/** CloudWatch Logs storage (archival), USD per GB-month. */
export const CWL_STORAGE_USD_PER_GB_MONTH = 0.03;
