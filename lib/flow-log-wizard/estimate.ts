import { BYTES_PER_GB, cloudWatchIngestionCost } from "@/lib/cost";

const DAYS_PER_MONTH = 30;

export interface ObservedTraffic {
  /** Records (flows) seen in the scope over `days`, by action. */
  accepted: number;
  rejected: number;
  days: number;
}

export interface IngestionEstimate {
  recordsPerMonth: number;
  bytesPerMonth: number;
  usdPerMonth: number;
}

/** Records a month from what existing flow logs saw, keeping only the traffic type the new one records. */
export function recordsPerMonth(observed: ObservedTraffic, trafficType: "ALL" | "ACCEPT" | "REJECT"): number {
  if (!(observed.days > 0)) return 0;
  const seen =
    trafficType === "ALL"
      ? observed.accepted + observed.rejected
      : trafficType === "ACCEPT"
        ? observed.accepted
        : observed.rejected;
  return (seen / observed.days) * DAYS_PER_MONTH;
}

/**
 * Ingestion estimate for CloudWatch Logs (vended-log tiers in lib/cost): records × (record text + newline)
 * plus the 26 bytes CloudWatch Logs counts per event. Parquet/S3 and Firehose are billed differently.
 */
export function ingestionEstimate(records: number, bytesPerRecord: number): IngestionEstimate {
  const bytesPerMonth = Math.max(0, records) * (bytesPerRecord + 1 + 26);
  return { recordsPerMonth: records, bytesPerMonth, usdPerMonth: cloudWatchIngestionCost(bytesPerMonth) };
}

/** From a volume a person types in GB per month. */
export function ingestionFromGb(gbPerMonth: number): IngestionEstimate {
  const bytesPerMonth = Number.isFinite(gbPerMonth) && gbPerMonth > 0 ? gbPerMonth * BYTES_PER_GB : 0;
  return { recordsPerMonth: Number.NaN, bytesPerMonth, usdPerMonth: cloudWatchIngestionCost(bytesPerMonth) };
}
