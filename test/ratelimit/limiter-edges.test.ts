// The limiter's edges, against a real node:http server on 127.0.0.1: the cap on a 429's pause, a 429 that arrives
// while the next grant is on its way, a retry that keeps its place at the head of the queue, and a wall clock
// stepped back (the limiter and the breaker run on monotonic time).
import type { ServerResponse } from "node:http";
import { MemoryRateLimitStore, YclientsClient, YclientsRateLimitError, type RateLimitStore } from "../../src/index";
import { json, ok, useServer, type Seen } from "../helpers/scripted-server";

const server = useServer();
/** When each request arrived (Date.now of the test process, which no test here steps while requests arrive). */
let arrivals: number[] = [];

beforeEach(() => {
  arrivals = [];
});

function answer(respond: (req: Seen, res: ServerResponse, index: number) => void) {
  server.handle((req, res, index) => {
    arrivals.push(Date.now());
    respond(req, res, index);
  });
}

const services = (yc: YclientsClient, options?: Record<string, unknown>) =>
  yc.booking.services(undefined, { companyId: 1, ...options } as never);

function client(extra: Record<string, unknown>) {
  return new YclientsClient({ partnerToken: "partner-token-1", baseUrl: server.url, retry: false, ...extra });
}

/** A memory store that also notes every pause the limiter asks of it. */
function pauseRecordingStore(pauses: number[]): RateLimitStore {
  const memory = new MemoryRateLimitStore();
  return {
    acquire: (r) => memory.acquire(r),
    release: (id) => memory.release(id),
    pause: (ms) => (pauses.push(ms), memory.pause(ms)),
  };
}

test("Retry-After: 86400 pauses at most 60 s, in this process and in the store", async () => {
  answer((_req, res, index) =>
    index === 0 ? json(res, 429, { success: false }, { "retry-after": "86400" }) : json(res, 200, ok([])),
  );
  const pauses: number[] = [];
  const yc = client({ rateLimit: { store: pauseRecordingStore(pauses), maxWaitMs: 61_000 } });
  await expect(services(yc)).rejects.toBeInstanceOf(YclientsRateLimitError);
  expect(pauses).toEqual([60_000]);
  // A day's pause would be refused at once (longer than maxWaitMs); a capped one is waited for until the caller gives up.
  const controller = new AbortController();
  const waiting = services(yc, { signal: controller.signal });
  setTimeout(() => controller.abort(new Error("caller gave up")), 300);
  await expect(waiting).rejects.toThrow("caller gave up");
  expect(server.seen).toHaveLength(1);
});

test("a 429 without Retry-After pauses for the shortest window: 1 s by default, else the shortest one configured", async () => {
  answer((_req, res) => json(res, 429, { success: false }));
  const pausesWith = async (windows?: Array<{ limit: number; windowMs: number }>) => {
    const pauses: number[] = [];
    const store = pauseRecordingStore(pauses);
    await expect(services(client({ rateLimit: { store, ...(windows && { windows }) } }))).rejects.toBeInstanceOf(
      YclientsRateLimitError,
    );
    return pauses;
  };
  expect(await pausesWith()).toEqual([1_000]);
  expect(
    await pausesWith([
      { limit: 100, windowMs: 60_000 },
      { limit: 10, windowMs: 2_500 },
    ]),
  ).toEqual([2_500]);
});

test("a 429 that arrives while the next grant is on its way: that grant is not used until the pause ends", async () => {
  answer((_req, res, index) => {
    if (index === 0) setTimeout(() => json(res, 429, { success: false }, { "retry-after": "1" }), 100);
    else json(res, 200, ok([]));
  });
  const memory = new MemoryRateLimitStore();
  let acquires = 0;
  const store: RateLimitStore = {
    // The second acquire (the waiting call's) is granted before the 429 arrives, and its answer comes after.
    acquire: async (r) => {
      const result = await memory.acquire(r);
      if (++acquires === 2) await new Promise((w) => setTimeout(w, 300));
      return result;
    },
    release: (id) => memory.release(id),
    pause: (ms) => memory.pause(ms),
    cancel: (id) => memory.cancel(id),
  };
  const yc = client({ rateLimit: { store } });
  const first = services(yc).catch((e: unknown) => e);
  const second = services(yc);
  expect(await first).toBeInstanceOf(YclientsRateLimitError);
  await expect(second).resolves.toMatchObject({ success: true });
  expect(arrivals).toHaveLength(2);
  // The 429 was answered ~100 ms after the first arrival; the pause (1 s) runs from then.
  expect(arrivals[1] - arrivals[0]).toBeGreaterThanOrEqual(1_000);
});

test("a retried call keeps its place at the head of the queue", async () => {
  answer((req, res) => {
    const failOnce =
      req.headers["x-order"] === "0" && server.seen.filter((s) => s.headers["x-order"] === "0").length === 1;
    json(res, failOnce ? 503 : 200, failOnce ? { success: false } : ok([]));
  });
  const yc = client({
    retry: { baseDelay: 0.01, jitter: false },
    rateLimit: { windows: [{ limit: 1, windowMs: 150 }] },
  });
  await Promise.all([0, 1, 2].map((i) => services(yc, { headers: { "x-order": String(i) } })));
  expect(server.seen.map((s) => s.headers["x-order"])).toEqual(["0", "0", "1", "2"]);
});

describe("a wall clock stepped back 10 minutes", () => {
  const realNow = Date.now;
  afterEach(() => {
    Date.now = realNow;
  });
  const stepBack = () => {
    const offset = 600_000;
    Date.now = () => realNow() - offset;
  };

  test("does not stall the limiter", async () => {
    answer((_req, res) => json(res, 200, ok([])));
    const yc = client({ rateLimit: { windows: [{ limit: 2, windowMs: 500 }] } });
    await services(yc);
    await services(yc);
    stepBack();
    await expect(services(yc, { signal: AbortSignal.timeout(3_000) })).resolves.toMatchObject({ success: true });
  });

  test("does not hold the circuit breaker open", async () => {
    answer((_req, res, index) => json(res, index === 0 ? 503 : 200, index === 0 ? { success: false } : ok([])));
    const yc = client({ rateLimit: false, circuitBreaker: { failures: 1, halfOpenAfterMs: 200 } });
    await expect(services(yc)).rejects.toBeDefined();
    stepBack();
    await new Promise((r) => setTimeout(r, 300));
    await expect(services(yc)).resolves.toMatchObject({ success: true });
    expect(server.seen).toHaveLength(2);
  });
});
