// The published rate limit: 5 per second and 200 per rolling minute per client IP, as rolling windows.
import { rateLimitWindows } from "../../src/testing/options";
import { RateLimiter } from "../../src/testing/rate-limit";
import { call, start } from "../helpers/simulator";

describe("RateLimiter", () => {
  test("defaults to the published limit, each window defaulting on its own", () => {
    const published = [
      { limit: 5, windowMs: 1_000 },
      { limit: 200, windowMs: 60_000 },
    ];
    expect(rateLimitWindows()).toEqual(published);
    expect(rateLimitWindows({ perSecond: 100 })).toEqual([{ limit: 100, windowMs: 1_000 }, published[1]]);
    expect(rateLimitWindows({ perMinute: 3 })).toEqual([published[0], { limit: 3, windowMs: 60_000 }]);
  });

  test("allows perSecond requests in a second, then says how long to wait", () => {
    const limiter = new RateLimiter(rateLimitWindows({ perSecond: 5, perMinute: 200 }));
    for (let i = 0; i < 5; i++) expect(limiter.take("k", 1_000 + i)).toBeUndefined();
    expect(limiter.take("k", 1_100)).toBe(1);
    expect(limiter.take("other", 1_100)).toBeUndefined();
    expect(limiter.take("k", 2_000)).toBeUndefined();
  });

  test("the minute window rolls: the 201st request waits until the first leaves it", () => {
    const limiter = new RateLimiter(rateLimitWindows({ perSecond: 1_000, perMinute: 200 }));
    for (let i = 0; i < 200; i++) expect(limiter.take("k", i * 100)).toBeUndefined();
    // The first request was at 0 ms; at 20 s it still counts for 40 more seconds.
    expect(limiter.take("k", 20_000)).toBe(40);
    expect(limiter.take("k", 60_000)).toBeUndefined();
  });

  test("windows of any length roll: 20 per second and 100 per 5 s, each exact to the millisecond", () => {
    const limiter = new RateLimiter([
      { limit: 20, windowMs: 1_000 },
      { limit: 100, windowMs: 5_000 },
    ]);
    // 20 at t=0: the 21st in the same second waits until the first leaves the 1-s window.
    for (let i = 0; i < 20; i++) expect(limiter.take("ip", 0)).toBeUndefined();
    expect(limiter.take("ip", 999)).toBe(1);
    // 20 more at 1 000, 2 000, 3 000 and 4 000 ms fill the 5-s window with 100.
    for (let t = 1_000; t <= 4_000; t += 1_000)
      for (let i = 0; i < 20; i++) expect(limiter.take("ip", t)).toBeUndefined();
    // 4 999: the 20 from 4 000 fill the 1-s window (and the 5-s window holds 100).
    expect(limiter.take("ip", 4_999)).toBe(1);
    // 5 000: the batch from t=0 has left both windows, so 20 more fit; then both windows are full again.
    for (let i = 0; i < 20; i++) expect(limiter.take("ip", 5_000)).toBeUndefined();
    expect(limiter.take("ip", 5_500)).toBe(1);
    // 6 000: the 1-s window is empty and the 5-s window holds 80 (2 000 … 5 000).
    expect(limiter.take("ip", 6_000)).toBeUndefined();
  });

  test("refused requests do not count", () => {
    const limiter = new RateLimiter(rateLimitWindows({ perSecond: 1, perMinute: 200 }));
    expect(limiter.take("k", 0)).toBeUndefined();
    for (let i = 1; i < 50; i++) expect(limiter.take("k", i)).toBe(1);
    expect(limiter.take("k", 1_000)).toBeUndefined();
  });
});

test("is on by default: the 6th request within a second is a 429 with Retry-After", async () => {
  const sim = await start({ rateLimit: undefined });
  try {
    const path = `/book_services/${sim.state.companies[0].id}`;
    const results = [];
    for (let i = 0; i < 6; i++) results.push(await call(sim, "GET", path));
    expect(results.slice(0, 5).map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    const limited = results[5];
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(limited.body).toMatchObject({ success: false, data: null, meta: { message: expect.any(String) } });
    expect(limited.headers.get("x-request-id")).toBeTruthy();
    sim.resetRateLimit();
    expect((await call(sim, "GET", path)).status).toBe(200);
  } finally {
    await sim.close();
  }
});

test("perMinute is enforced and tunable; rateLimit:false switches it off", async () => {
  const tuned = await start({ rateLimit: { perSecond: 100, perMinute: 3 } });
  const off = await start({ rateLimit: false });
  try {
    const statuses = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await call(tuned, "GET", `/book_services/${tuned.state.companies[0].id}`)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    for (let i = 0; i < 30; i++)
      expect((await call(off, "GET", `/book_services/${off.state.companies[0].id}`)).status).toBe(200);
  } finally {
    await Promise.all([tuned.close(), off.close()]);
  }
});
