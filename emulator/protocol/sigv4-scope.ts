import type { IncomingHttpHeaders } from "node:http";

export interface CredentialScope {
  accessKeyId: string;
  region: string;
  service: string;
}

const SCOPE = /Credential=([^/\s,]+)\/\d{8}\/([^/\s,]+)\/([^/\s,]+)\/aws4_request/;

/**
 * The SigV4 credential scope (`Credential=AKID/date/region/service/aws4_request`) from the
 * Authorization header or a presigned URL's X-Amz-Credential. The signature is not checked: the
 * emulator accepts any credentials.
 */
export function credentialScope(
  headers: IncomingHttpHeaders,
  query: URLSearchParams,
): CredentialScope | undefined {
  const auth = headers.authorization;
  const presigned = query.get("X-Amz-Credential");
  const source = typeof auth === "string" ? auth : presigned ? `Credential=${presigned}` : undefined;
  const match = source ? SCOPE.exec(source) : null;
  if (!match) return undefined;
  const [, accessKeyId = "", region = "", service = ""] = match;
  return { accessKeyId, region, service };
}
