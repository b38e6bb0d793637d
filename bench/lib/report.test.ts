import { expect, test } from "vitest";
import { renderResults } from "./report";

test("renders a table per section with met / missed marks and escaped pipes", () => {
  const md = renderResults(
    {
      date: "2026-11-25T00:00:00Z",
      commit: "abc1234",
      machine: "cpu, 2 cores",
      wallSeconds: 90,
      command: "npm run bench",
    },
    [
      {
        id: "x",
        title: "1. Thing",
        figures: [
          { name: "a|b", value: "1 ms", baseline: "2 ms", ratio: "0.5×", target: "≤ 1.5×", met: true },
          { name: "c", value: "9", target: "≥ 10", met: false },
          { name: "d", value: "3" },
        ],
        notes: ["a note"],
      },
    ],
    ["CPU"],
  );
  expect(md).toContain("- Commit: abc1234");
  expect(md).toContain("- Wall time of the whole run: 1 min 30.0 s");
  expect(md).toContain("| a\\|b | 1 ms | 2 ms | 0.5× | ≤ 1.5× | met |");
  expect(md).toContain("| c | 9 |  |  | ≥ 10 | **missed** |");
  expect(md).toContain("| d | 3 |  |  |  | – |");
  expect(md).toContain("- a note");
  expect(md).toContain("## What limits each figure\n\n- CPU");
});
