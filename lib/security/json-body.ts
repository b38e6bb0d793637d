import type { z } from "zod";

/** Largest JSON body a mutation reads (the flow-log wizard's requests are a few kilobytes). */
export const MAX_JSON_BODY_BYTES = 256 * 1024;

export type JsonBody<T> =
  | { ok: true; data: T }
  | { ok: false; status: 400 | 413 | 415; error: string; field: string; message: string };

/**
 * A mutation's body, read with a byte cap (whatever Content-Length claims) and checked with `schema`.
 * Failures name the field, ready for `Response.json(failure, { status: failure.status })`.
 */
export async function readJsonBody<S extends z.ZodType>(
  req: Request,
  schema: S,
  maxBytes = MAX_JSON_BODY_BYTES,
): Promise<JsonBody<z.infer<S>>> {
  const type = req.headers.get("content-type") ?? "";
  if (!/^application\/json\s*(;|$)/i.test(type))
    return {
      ok: false,
      status: 415,
      error: "unsupported_media_type",
      field: "content-type",
      message: "Send the body as application/json.",
    };
  const text = await readCapped(req, maxBytes);
  if (text === undefined)
    return {
      ok: false,
      status: 413,
      error: "too_large",
      field: "body",
      message: `The body is larger than ${maxBytes} bytes.`,
    };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : "not JSON";
    return { ok: false, status: 400, error: "bad_request", field: "body", message: `body: ${detail}` };
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return { ok: true, data: parsed.data };
  const issue = parsed.error.issues[0];
  const field = issue?.path.map(String).join(".") || "body";
  return {
    ok: false,
    status: 400,
    error: "bad_request",
    field,
    message: `${field}: ${issue?.message ?? "invalid"}`,
  };
}

/** The body as text, or undefined once it passes `maxBytes` (reading stops there). */
async function readCapped(req: Request, maxBytes: number): Promise<string | undefined> {
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}
