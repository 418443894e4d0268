// The client's built-in rate limiter against the simulator's per-IP limit: on by default, both rolling windows,
// FIFO, waits that honour the signal and not the attempt timeout, retries that take quota, scoped clients that
// share it, the local queue caps, `rateLimit: false`, a plugged-in store, a 429 that pauses everyone, and logs.
import { getEventListeners } from "node:events";
import { format } from "node:util";
import {
  MemoryRateLimitStore,
  YclientsClient,
  YclientsConfigError,
  YclientsRateLimitError,
  YclientsRateLimitQueueError,
  type RateLimitStore,
} from "../../src/index";
import { log } from "../../src/log";
import { resolveRateLimit } from "../../src/ratelimit/rate-limit-options";
import {
  DEFAULT_PARTNER_TOKEN,
  startYclientsSimulator,
  type SimulatorOptions,
  type YclientsSimulator,
} from "../../src/testing/index";

const FAST_RETRY = { baseDelay: 0.01, jitter: false };
const started: YclientsSimulator[] = [];

async function simulator(rateLimit: SimulatorOptions["rateLimit"]) {
  const sim = await startYclientsSimulator({ seed: 3, rateLimit });
  started.push(sim);
  return sim;
}

afterAll(async () => {
  await Promise.all(started.map((sim) => sim.close()));
});

function client(sim: YclientsSimulator, extra: Record<string, unknown> = {}) {
  return new YclientsClient({ partnerToken: DEFAULT_PARTNER_TOKEN, baseUrl: sim.url, retry: FAST_RETRY, ...extra });
}

function servicesOf(yc: YclientsClient, sim: YclientsSimulator, options?: Record<string, unknown>) {
  return yc.booking.services(undefined, { companyId: sim.state.companies[0].id, ...(options as object) });
}

const statuses = (sim: YclientsSimulator) => sim.requests.map((r) => r.status);

test("defaults: on, 5 per second and 200 per rolling minute, in this process, no queue cap, a 1 s store timeout", () => {
  const settings = resolveRateLimit(undefined)!;
  expect(settings.windows).toEqual([
    { limit: 5, windowMs: 1_000 },
    { limit: 200, windowMs: 60_000 },
  ]);
  expect(settings.store).toBeInstanceOf(MemoryRateLimitStore);
  expect(settings.maxQueue).toBe(Infinity);
  expect(settings.maxWaitMs).toBe(Infinity);
  expect(settings.fallbackShare).toBe(0.25);
  expect(settings.storeTimeoutMs).toBe(1_000);
  expect(resolveRateLimit(false)).toBeUndefined();
});

test("on by default: 20 concurrent calls at the real limit all succeed and the simulator sees no 429", async () => {
  const sim = await simulator(undefined);
  const yc = client(sim, { retry: false });
  const results = await Promise.all(Array.from({ length: 20 }, () => servicesOf(yc, sim)));
  expect(results.every((r) => r.success)).toBe(true);
  expect(statuses(sim)).toHaveLength(20);
  expect(statuses(sim).every((s) => s === 200)).toBe(true);
});

test("rateLimit: false sends at once, and the simulator's limit answers 429", async () => {
  const sim = await simulator(undefined);
  const yc = client(sim, { retry: false, rateLimit: false });
  const results = await Promise.allSettled(Array.from({ length: 10 }, () => servicesOf(yc, sim)));
  const refused = results.filter((r) => r.status === "rejected" && r.reason instanceof YclientsRateLimitError);
  expect(refused.length).toBeGreaterThanOrEqual(5);
  expect(statuses(sim).filter((s) => s === 429).length).toBe(refused.length);
});

test("both rolling windows at once: 80 calls against 20 per 1 s and 50 per 3 s, no 429 and nothing lost", async () => {
  // Like the real limit (5/s would allow 300 a minute, 200 are allowed), the long window is the stricter one.
  const windows = [
    { limit: 20, windowMs: 1_000 },
    { limit: 50, windowMs: 3_000 },
  ];
  const sim = await simulator({ windows });
  const yc = client(sim, { retry: false, rateLimit: { windows } });
  const results = await Promise.all(Array.from({ length: 80 }, () => servicesOf(yc, sim)));
  expect(results.every((r) => r.success)).toBe(true);
  expect(statuses(sim)).toHaveLength(80);
  expect(statuses(sim).every((s) => s === 200)).toBe(true);
  // Both windows were reached: 20 arrived before the 21st could, and 50 before the 51st could.
  const times = sim.requests.map((r) => r.time).sort((a, b) => a - b);
  expect(times[20] - times[0]).toBeGreaterThanOrEqual(1_000);
  expect(times[50] - times[0]).toBeGreaterThanOrEqual(3_000);
}, 30_000);

test("calls over the limit wait in a FIFO queue and go in the order they were made", async () => {
  const sim = await simulator(false);
  const yc = client(sim, { rateLimit: { windows: [{ limit: 1, windowMs: 150 }] } });
  await Promise.all(Array.from({ length: 6 }, (_, i) => servicesOf(yc, sim, { headers: { "x-order": String(i) } })));
  expect(sim.requests.map((r) => r.headers["x-order"])).toEqual(["0", "1", "2", "3", "4", "5"]);
});

test("the wait honours the call's signal: an aborted call leaves the queue and is never sent", async () => {
  const sim = await simulator(false);
  const yc = client(sim, { rateLimit: { windows: [{ limit: 1, windowMs: 60_000 }] } });
  await servicesOf(yc, sim);
  const controller = new AbortController();
  const waiting = servicesOf(yc, sim, { signal: controller.signal });
  setTimeout(() => controller.abort(new Error("user gave up")), 50);
  await expect(waiting).rejects.toThrow("user gave up");
  expect(sim.requests).toHaveLength(1);
});

test("many waiting calls may share one signal: one listener on it, and aborting it empties the queue", async () => {
  const sim = await simulator(false);
  const yc = client(sim, { rateLimit: { windows: [{ limit: 1, windowMs: 60_000 }] } });
  await servicesOf(yc, sim);
  const controller = new AbortController();
  const waiting = Array.from({ length: 30 }, () =>
    servicesOf(yc, sim, { signal: controller.signal }).catch((e: unknown) => e),
  );
  await new Promise((resolve) => setTimeout(resolve, 50));
  // Node warns (MaxListenersExceededWarning) past 10 listeners on one signal.
  expect(getEventListeners(controller.signal, "abort").length).toBeLessThanOrEqual(2);
  controller.abort(new Error("job cancelled"));
  const outcomes = await Promise.all(waiting);
  expect(outcomes.every((e) => e instanceof Error && e.message === "job cancelled")).toBe(true);
  expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  expect(sim.requests).toHaveLength(1);
});

test("the per-attempt timeout starts when the request is sent, not while it waits for quota", async () => {
  const sim = await simulator(false);
  // Each call waits up to ~1.2 s for its turn, four times its 300 ms timeout.
  const yc = client(sim, { retry: false, timeoutMs: 300, rateLimit: { windows: [{ limit: 1, windowMs: 400 }] } });
  const results = await Promise.all(Array.from({ length: 4 }, () => servicesOf(yc, sim)));
  expect(results.every((r) => r.success)).toBe(true);
});

test("retries take quota like any request", async () => {
  const sim = await simulator(false);
  sim.setFaults([{ route: "GET /book_services/{company_id}", kind: "status", status: 503, times: 2 }]);
  const yc = client(sim, { rateLimit: { windows: [{ limit: 3, windowMs: 60_000 }], maxWaitMs: 200 } });
  await expect(servicesOf(yc, sim)).resolves.toMatchObject({ success: true });
  expect(sim.requests).toHaveLength(3);
  // The two retries used the last two slots of the minute.
  await expect(servicesOf(yc, sim)).rejects.toBeInstanceOf(YclientsRateLimitQueueError);
  expect(sim.requests).toHaveLength(3);
});

test("scoped clients share their parent's limiter: the quota is per IP, not per user", async () => {
  const sim = await simulator(false);
  const yc = client(sim, { rateLimit: { windows: [{ limit: 2, windowMs: 60_000 }], maxWaitMs: 200 } });
  const asAnna = yc.withUserToken("anna-token");
  const asBoris = yc.withUserToken("boris-token");
  await servicesOf(yc, sim);
  await servicesOf(asAnna, sim);
  await expect(servicesOf(asBoris, sim)).rejects.toBeInstanceOf(YclientsRateLimitQueueError);
  // A second client has a limiter of its own.
  const other = client(sim, { rateLimit: { windows: [{ limit: 2, windowMs: 60_000 }] } });
  await expect(servicesOf(other, sim)).resolves.toMatchObject({ success: true });
});

describe("the local queue caps", () => {
  test("maxQueue: one call more than the cap fails at once with a typed error that is not a 429", async () => {
    const sim = await simulator(false);
    const yc = client(sim, { rateLimit: { windows: [{ limit: 1, windowMs: 60_000 }], maxQueue: 2 } });
    await servicesOf(yc, sim);
    const controller = new AbortController();
    const queued = [
      servicesOf(yc, sim, { signal: controller.signal }),
      servicesOf(yc, sim, { signal: controller.signal }),
    ];
    const refusals = queued.map((p) => p.catch((e: unknown) => e));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const error = await servicesOf(yc, sim).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(YclientsRateLimitQueueError);
    expect(error).not.toBeInstanceOf(YclientsRateLimitError);
    expect(error).toMatchObject({ reason: "queue", method: "GET", path: "/book_services/{company_id}", attempts: 0 });
    expect((error as Error).message).toMatch(/local rate-limit queue is full.*not an HTTP 429/);
    controller.abort();
    await Promise.all(refusals);
    expect(sim.requests).toHaveLength(1);
  });

  test("maxWaitMs: a call that cannot get quota in time fails with reason 'wait'", async () => {
    const sim = await simulator(false);
    const yc = client(sim, { rateLimit: { windows: [{ limit: 1, windowMs: 60_000 }], maxWaitMs: 100 } });
    await servicesOf(yc, sim);
    await expect(servicesOf(yc, sim)).rejects.toMatchObject({ name: "YclientsRateLimitQueueError", reason: "wait" });
    expect(sim.requests).toHaveLength(1);
  });

  test("maxWaitMs: a wait known to be longer fails at once, not when maxWaitMs has passed", async () => {
    const sim = await simulator(false);
    const yc = client(sim, { rateLimit: { windows: [{ limit: 1, windowMs: 60_000 }], maxWaitMs: 30_000 } });
    await servicesOf(yc, sim);
    // The quota frees up in 60 s, past maxWaitMs: refused now. The signal only bounds the test if it were not.
    const error = await servicesOf(yc, sim, { signal: AbortSignal.timeout(5_000) }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "YclientsRateLimitQueueError", reason: "wait" });
    expect(sim.requests).toHaveLength(1);
  });

  test("maxWaitMs: a wait of unknown length (behind a request in flight) ends when maxWaitMs has passed", async () => {
    const sim = await simulator(false);
    sim.setFaults([{ kind: "latency", ms: 1_500, times: 1 }]);
    const yc = client(sim, { rateLimit: { windows: [{ limit: 1, windowMs: 60_000 }], maxWaitMs: 100 } });
    const first = servicesOf(yc, sim).then(() => "first answered");
    // The first request is in flight: nobody knows yet when its slot frees up, so the second waits, up to 100 ms.
    const second = servicesOf(yc, sim).catch((e: YclientsRateLimitQueueError) => `second refused: ${e.reason}`);
    expect(await Promise.race([first, second])).toBe("second refused: wait");
    await first;
  });

  test("bad values are configuration errors", () => {
    const bad = [
      { windows: [] },
      { windows: [{ limit: 0, windowMs: 1000 }] },
      { windows: [{ limit: 5, windowMs: -1 }] },
      { maxQueue: 1.5 },
      { maxWaitMs: 0 },
      { fallbackShare: 2 },
      { store: {} },
    ];
    for (const rateLimit of bad) {
      expect(() => new YclientsClient({ partnerToken: "p", rateLimit: rateLimit as never })).toThrow(
        YclientsConfigError,
      );
    }
    expect(() => new YclientsClient({ partnerToken: "p", rateLimit: "on" as never })).toThrow(YclientsConfigError);
  });
});

test("a store can be plugged in: the limiter asks it for every attempt and releases every slot", async () => {
  const sim = await simulator(false);
  const calls: string[] = [];
  const memory = new MemoryRateLimitStore();
  const store: RateLimitStore = {
    acquire: (request) => (calls.push("acquire"), memory.acquire(request)),
    release: (id) => (calls.push("release"), memory.release(id)),
    pause: (ms) => (calls.push("pause"), memory.pause(ms)),
  };
  const yc = client(sim, { rateLimit: { store } });
  await servicesOf(yc, sim);
  await servicesOf(yc, sim);
  expect(calls).toEqual(["acquire", "release", "acquire", "release"]);
});

test("a 429 from the server pauses every caller until Retry-After, instead of each retrying alone", async () => {
  const sim = await simulator(false);
  sim.setFaults([{ kind: "rateLimit", retryAfter: 2, times: 1 }]);
  const yc = client(sim, { retry: false, rateLimit: { maxWaitMs: 500 } });
  await expect(servicesOf(yc, sim)).rejects.toBeInstanceOf(YclientsRateLimitError);
  // Another caller of the same client now waits for the pause (2 s), which is longer than its cap: refused, unsent.
  await expect(servicesOf(yc.withUserToken("someone-else"), sim)).rejects.toMatchObject({ reason: "wait" });
  expect(sim.requests).toHaveLength(1);
});

test("DEBUG=yclients:ratelimit logs queueing and waits, and never a token", async () => {
  const sim = await simulator(false);
  const lines: string[] = [];
  const saved = { enabled: log.ratelimit.enabled, log: log.ratelimit.log };
  log.ratelimit.enabled = true;
  log.ratelimit.log = (...args: unknown[]) => lines.push(format(...(args as [string])));
  try {
    const yc = client(sim, {
      userToken: "user-token-secret-1",
      rateLimit: { windows: [{ limit: 1, windowMs: 100 }], maxQueue: 2 },
    });
    const results = await Promise.allSettled(Array.from({ length: 4 }, () => servicesOf(yc, sim)));
    expect(results.filter((r) => r.status === "rejected")).toHaveLength(1);
  } finally {
    log.ratelimit.enabled = saved.enabled;
    log.ratelimit.log = saved.log;
  }
  expect(lines.some((l) => /call\(s\) waiting; next in \d+ms \(window full\)/.test(l))).toBe(true);
  expect(lines.some((l) => /refused by the local queue/.test(l))).toBe(true);
  for (const line of lines) {
    expect(line).not.toContain(DEFAULT_PARTNER_TOKEN);
    expect(line).not.toContain("user-token-secret-1");
  }
});
