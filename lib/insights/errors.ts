/** A flow query that cannot be compiled or read back; each issue names its field (`filters.dstPort: …`). */
export class FlowQueryError extends Error {
  readonly issues: readonly string[];

  constructor(issues: readonly string[]) {
    super(issues.join("; "));
    this.name = "FlowQueryError";
    this.issues = issues;
  }
}
