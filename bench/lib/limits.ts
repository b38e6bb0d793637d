/** What holds each figure back, from profiling these benchmarks (kept beside the code so RESULTS.md says it). */
export const LIMITS: readonly string[] = ["TODO"];
