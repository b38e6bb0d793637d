import type { StepIssue } from "@/lib/flow-log-wizard/schema";
import { INITIAL_STATE } from "@/lib/flow-log-wizard/state";
import type { UnsuccessfulItem } from "./types";

/** Whether a server-named field is one the steps show a message beside. */
export const isStateField = (field: string) =>
  field in INITIAL_STATE || /^tags\.\d+\.(key|value)$/.test(field);

export const storageKey = (region: string) => `flowscope:flow-log-wizard:${region}`;

export const toIssues = (list: StepIssue[]) => Object.fromEntries(list.map((i) => [i.field, i.message]));

export type ServerProblem = {
  error?: string;
  step?: string;
  field?: string;
  message?: string;
  issues?: StepIssue[];
  unsuccessful?: UnsuccessfulItem[];
  created?: { logGroup?: string; roleArn?: string };
};

export async function postJson(
  url: string,
  body: unknown,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const json = (await res
    .json()
    .catch(() => ({ error: "bad_response", message: `${res.status} ${res.statusText}` }))) as Record<
    string,
    unknown
  >;
  return { status: res.status, body: json };
}
