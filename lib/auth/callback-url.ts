/** Only same-site paths are followed after sign-in (no open redirect through callbackUrl). */
export function safeCallbackUrl(value: unknown): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.includes("\\"))
    return "/";
  return value.slice(0, 2000);
}
