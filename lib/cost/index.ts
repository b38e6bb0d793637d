/** Ingestion and query cost estimates (pure). Every figure is an estimate: see pricing.ts. */
export {
  cloudWatchIngestionCost,
  cloudWatchStorageCost,
  formatUsd,
  insightsQueryCost,
  tieredCost,
} from "./estimate";
export {
  BYTES_PER_GB,
  CWL_STORAGE_USD_PER_GB_MONTH,
  CWL_VENDED_INGESTION_TIERS,
  INSIGHTS_USD_PER_GB_SCANNED,
  PRICING_NOTE,
  type PriceTier,
} from "./pricing";
