import { describe, expect, test } from "vitest";
import { flowsView, pickView, trafficView, viewCatalog } from "./views";

describe("views", () => {
  test("a traffic view fetches the chart and the top talkers of the same view", () => {
    const view = trafficView({ vpc: "vpc-0a1b2c3d4e5f60718", range: "1h", top: "dstPorts" });
    expect(view.page).toBe("/traffic?vpc=vpc-0a1b2c3d4e5f60718&range=1h&top=dstPorts");
    expect(view.apis).toHaveLength(2);
    expect(view.apis[0]).toMatch(/^\/api\/traffic\/panel\?.*vpc=vpc-0a1b2c3d4e5f60718.*panel=timeseries/);
    expect(view.apis[1]).toMatch(/panel=top&dimension=dstPorts/);
  });
  test("a flows view fetches its records, or its group-by panel", () => {
    expect(flowsView({ vpc: "vpc-0a1b2c3d4e5f60718", range: "1h" }).apis[0]).toMatch(
      /^\/api\/flows\/records\?/,
    );
    expect(flowsView({ vpc: "vpc-0a1b2c3d4e5f60718", range: "1h", view: "group" }).apis[0]).toMatch(
      /^\/api\/flows\/groups\?/,
    );
  });
  test("bad params throw", () => {
    expect(() => trafficView({ vpc: "vpc-0a1b2c3d4e5f60718", range: "nope" })).toThrow();
  });
  test("every catalog view parses, and picking follows the weights", () => {
    const catalog = viewCatalog({ prod: "vpc-0a1b2c3d4e5f60001", staging: "vpc-0a1b2c3d4e5f60002" });
    expect(catalog.length).toBeGreaterThan(5);
    const items = [
      { view: "a", weight: 1 },
      { view: "b", weight: 3 },
    ];
    expect(pickView(items, 0)).toBe("a");
    expect(pickView(items, 0.24)).toBe("a");
    expect(pickView(items, 0.26)).toBe("b");
    expect(pickView(items, 0.999)).toBe("b");
  });
});
