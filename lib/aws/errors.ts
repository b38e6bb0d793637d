/** A message a person can act on, from whatever the SDK threw (never a stack trace). */
export function describeAwsError(err: unknown): { code: string; message: string } {
  if (err instanceof Error) {
    const code = err.name && err.name !== "Error" ? err.name : "Error";
    if (code === "CredentialsProviderError") {
      return {
        code,
        message: "No AWS credentials were found. Configure credentials or start with FLOWSCOPE_DEMO=1.",
      };
    }
    return { code, message: err.message || code };
  }
  return { code: "Error", message: String(err) };
}
