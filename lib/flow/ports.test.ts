import { describe, expect, it } from "vitest";
import { portName } from "./ports";

describe("portName", () => {
  it.each([
    [22, "ssh"],
    [443, "https"],
    [3389, "rdp"],
    [5432, "postgresql"],
    [49152, undefined],
    [-1, undefined],
  ])("%d → %s", (port, name) => {
    expect(portName(port)).toBe(name);
  });
});
