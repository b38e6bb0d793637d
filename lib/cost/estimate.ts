import {
  BYTES_PER_GB,
  CWL_STORAGE_USD_PER_GB_MONTH,
  CWL_VENDED_INGESTION_TIERS,
  INSIGHTS_USD_PER_GB_SCANNED,
  type PriceTier,
} from "./pricing";

const gigabytes = (bytes: number): number => (Number.isFinite(bytes) && bytes > 0 ? bytes / BYTES_PER_GB : 0);

/** Estimated USD for one Logs Insights query that scanned `bytesScanned` bytes. */
export function insightsQueryCost(bytesScanned: number): number {
  return gigabytes(bytesScanned) * INSIGHTS_USD_PER_GB_SCANNED;
}

/** The price of `gb` in one month on a tiered schedule, each GB at its own tier's rate. */
export function tieredCost(gb: number, tiers: readonly PriceTier[]): number {
  let cost = 0;
  let floor = 0;
  for (const tier of tiers) {
    if (gb <= floor) break;
    cost += (Math.min(gb, tier.upToGb) - floor) * tier.usdPerGb;
    floor = tier.upToGb;
  }
  return cost;
}

/** Estimated USD to ingest `bytesPerMonth` of flow logs into CloudWatch Logs (vended-log tiers). */
export function cloudWatchIngestionCost(bytesPerMonth: number): number {
  return tieredCost(gigabytes(bytesPerMonth), CWL_VENDED_INGESTION_TIERS);
}

/** Estimated USD per month to keep `bytesStored` in CloudWatch Logs. */
export function cloudWatchStorageCost(bytesStored: number): number {
  return gigabytes(bytesStored) * CWL_STORAGE_USD_PER_GB_MONTH;
}

/** "$0.0012", "<$0.0001", "$3.50": small query costs stay readable. */
export function formatUsd(usd: number): string {
  if (usd <= 0) return "$0";
  if (usd < 0.0001) return "<$0.0001";
  if (usd < 1) return `$${usd.toPrecision(2)}`;
  return `$${usd.toFixed(2)}`;
}
