import { expect, test } from "vitest";
import { safeCallbackUrl } from "./callback-url";

test.each([
  ["/", "/"],
  ["/flows?region=us-east-1", "/flows?region=us-east-1"],
  ["https://evil.example/", "/"],
  ["//evil.example/", "/"],
  ["/\\evil.example", "/"],
  [undefined, "/"],
  [42, "/"],
])("%s → %s", (input, expected) => {
  expect(safeCallbackUrl(input)).toBe(expected);
});
