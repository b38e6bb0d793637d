export interface Counts {
  passed: number;
  failed: number;
}

/** Counts from Vitest's JSON reporter (Jest's result shape). */
export function vitestCounts(report: unknown): Counts | undefined {
  const passed = numberAt(report, "numPassedTests");
  const failed = numberAt(report, "numFailedTests");
  return passed === undefined || failed === undefined ? undefined : { passed, failed };
}

/** Counts from Playwright's JSON reporter: a flaky test passed on retry, an unexpected one failed. */
export function playwrightCounts(report: unknown): Counts | undefined {
  const stats = isRecord(report) ? report.stats : undefined;
  const expected = numberAt(stats, "expected");
  const unexpected = numberAt(stats, "unexpected");
  if (expected === undefined || unexpected === undefined) return undefined;
  return { passed: expected + (numberAt(stats, "flaky") ?? 0), failed: unexpected };
}

export function addCounts(all: readonly (Counts | undefined)[]): Counts {
  return all.reduce<Counts>(
    (sum, counts) => ({
      passed: sum.passed + (counts?.passed ?? 0),
      failed: sum.failed + (counts?.failed ?? 0),
    }),
    { passed: 0, failed: 0 },
  );
}

function numberAt(value: unknown, key: string): number | undefined {
  if (!isRecord(value)) return undefined;
  const found = value[key];
  return typeof found === "number" ? found : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}
