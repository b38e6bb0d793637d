import type { createServer, IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { AwsError } from "./services/aws-error";
import { queryErrorResponse } from "./services/sts";
import type { ServiceResponse } from "./services/types";

const MAX_BODY_BYTES = 10 * 1024 * 1024;

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_BODY_BYTES)
      throw new AwsError("RequestEntityTooLarge", "The request body is too large", 413);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

export function send(
  res: ServerResponse,
  status: number,
  contentType: string,
  body: string,
  requestId?: string,
) {
  const headers: Record<string, string> = { "content-type": contentType };
  if (requestId) headers["x-amzn-requestid"] = requestId;
  res.writeHead(status, headers).end(body);
}

export const unknownService = (name: string, target: unknown, requestId: string): ServiceResponse => {
  const message = `The Flowscope emulator does not implement the service '${name}'`;
  return typeof target === "string"
    ? {
        status: 400,
        contentType: "application/x-amz-json-1.1",
        body: JSON.stringify({ __type: "UnknownOperationException", message }),
      }
    : queryErrorResponse(new AwsError("InvalidAction", message), requestId);
};

export function listen(server: ReturnType<typeof createServer>, port: number, host: string) {
  return new Promise<{ port: number; url: string }>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      const { port: bound, address, family } = server.address() as AddressInfo;
      const shown = family === "IPv6" ? `[${address}]` : address;
      resolve({ port: bound, url: `http://${shown}:${bound}` });
    });
  });
}
