import { createServer } from "node:net";
import { setTimeout as delay } from "node:timers/promises";
import type { ManagedChild } from "./start-process";

/** Fails with a clear message when something already listens on host:port. */
export async function assertPortFree(port: number, host: string, flag: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const server = createServer();
    server.once("error", (error: NodeJS.ErrnoException) => {
      const why =
        error.code === "EADDRINUSE"
          ? "is already in use (another Flowscope still running?)"
          : `cannot be opened (${error.message})`;
      reject(
        new Error(`Port ${port} on ${host} ${why}. Stop that process or pick another port with ${flag} N.`),
      );
    });
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve()));
  });
}

/** Resolves with the first output line of `child` that matches `pattern`. */
export async function waitForLine(
  child: ManagedChild,
  pattern: RegExp,
  timeoutMs: number,
): Promise<RegExpMatchArray> {
  const seen = child.tail.map((line) => line.match(pattern)).find((match) => match !== null);
  if (seen) return seen;
  let stopListening = () => {};
  const found = new Promise<RegExpMatchArray>((resolve) => {
    stopListening = child.onLine((line) => {
      const match = line.match(pattern);
      if (match) resolve(match);
    });
  });
  try {
    return await Promise.race([
      found,
      delay(timeoutMs).then(() => {
        throw new Error(
          `${child.name} did not print its ready line within ${timeoutMs / 1000}s.${tailText(child)}`,
        );
      }),
    ]);
  } finally {
    stopListening();
  }
}

/** Polls `url` until it answers 2xx, and returns the body parsed as JSON (or undefined if it is not JSON). */
export async function waitForHttpOk(child: ManagedChild, url: string, timeoutMs: number): Promise<unknown> {
  const deadline = Date.now() + timeoutMs;
  let last = "no answer yet";
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      const text = await response.text();
      if (response.ok) return parseJson(text);
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = error instanceof Error ? (causeOf(error) ?? error.message) : String(error);
    }
    await delay(250);
  }
  throw new Error(
    `${child.name} did not answer ${url} within ${timeoutMs / 1000}s (${last}).${tailText(child)}`,
  );
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function causeOf(error: Error): string | undefined {
  return error.cause instanceof Error ? error.cause.message : undefined;
}

function tailText(child: ManagedChild): string {
  return child.tail.length ? `\nIts last output:\n  ${child.tail.join("\n  ")}` : "";
}
