import { afterEach, describe, expect, test } from "vitest";
import { envLimit, RateLimiter } from "./rate-limit";

describe("RateLimiter", () => {
  test("lets `limit` hits through in a window, then says when to come back", () => {
    const limiter = new RateLimiter(() => 3, 60_000);
    for (let i = 0; i < 3; i++) expect(limiter.hit("u", 1_000 + i).ok).toBe(true);
    const refused = limiter.hit("u", 2_000);
    expect(refused).toEqual({ ok: false, retryAfterS: 59 });
    expect(limiter.hit("other", 2_000).ok).toBe(true);
    expect(limiter.hit("u", 61_001).ok).toBe(true);
  });

  test("check() does not count; reset() forgets a key", () => {
    const limiter = new RateLimiter(() => 1, 1_000);
    expect(limiter.check("u", 0).ok).toBe(true);
    limiter.hit("u", 0);
    expect(limiter.check("u", 10).ok).toBe(false);
    limiter.reset("u");
    expect(limiter.check("u", 10).ok).toBe(true);
  });

  test("a limit of 0 is off", () => {
    const limiter = new RateLimiter(() => 0, 1_000);
    for (let i = 0; i < 100; i++) expect(limiter.hit("u", i).ok).toBe(true);
  });
});

describe("envLimit", () => {
  afterEach(() => {
    delete process.env.FLOWSCOPE_TEST_LIMIT;
  });
  test.each([
    [undefined, 7],
    ["", 7],
    ["12", 12],
    ["0", 0],
    ["-1", 7],
    ["lots", 7],
  ])("%s → %d", (raw, expected) => {
    if (raw !== undefined) process.env.FLOWSCOPE_TEST_LIMIT = raw;
    expect(envLimit("FLOWSCOPE_TEST_LIMIT", 7)()).toBe(expected);
  });
});
