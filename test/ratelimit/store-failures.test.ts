// What a failing store does to calls, against a real node:http server on 127.0.0.1. A store without a fail-safe
// (no `forLimiter`) fails the call that was waiting for it, and the next call asks it again; a store whose
// `forLimiter` gives `FailSafeRateLimitStore` (as RedisRateLimitStore does) falls back to the local share instead.
// The Redis outage itself is tested against a real Redis in redis-failure.test.ts and redis-outage.test.ts.
import {
  MemoryRateLimitStore,
  YclientsClient,
  type LimiterContext,
  type RateLimitStore,
  type RateLimitWindow,
} from "../../src/index";
import { FailSafeRateLimitStore } from "../../src/redis";
import { json, ok, useServer } from "../helpers/scripted-server";

const server = useServer((_req, res) => json(res, 200, ok([])));

const services = (yc: YclientsClient) => yc.booking.services(undefined, { companyId: 1 } as never);

/** A memory store whose acquire fails while `down` is set. */
function flakyStore(failSafe: boolean) {
  const memory = new MemoryRateLimitStore();
  const state = { down: true, contexts: [] as LimiterContext[] };
  const store: RateLimitStore = {
    acquire: (request) => (state.down ? Promise.reject(new Error("store is down")) : memory.acquire(request)),
    release: (id) => memory.release(id),
    pause: (ms) => memory.pause(ms),
    ...(failSafe && {
      forLimiter(context: LimiterContext) {
        state.contexts.push(context);
        return new FailSafeRateLimitStore(this as RateLimitStore, context);
      },
    }),
  };
  return { store, state };
}

const client = (store: RateLimitStore, windows?: RateLimitWindow[]) =>
  new YclientsClient({
    partnerToken: "partner-token-1",
    baseUrl: server.url,
    retry: false,
    rateLimit: { store, storeTimeoutMs: 200, fallbackShare: 0.5, ...(windows && { windows }) },
  });

test("a store without a fail-safe that fails: the waiting call fails with its error, unsent; the next one asks again", async () => {
  const { store, state } = flakyStore(false);
  const yc = client(store);
  await expect(services(yc)).rejects.toThrow("store is down");
  expect(server.seen).toHaveLength(0);
  state.down = false;
  await expect(services(yc)).resolves.toMatchObject({ success: true });
  expect(server.seen).toHaveLength(1);
});

test("a store whose forLimiter gives the fail-safe: calls go on within the fallback share while it fails", async () => {
  const { store, state } = flakyStore(true);
  const yc = client(store, [{ limit: 4, windowMs: 60_000 }]);
  await expect(services(yc)).resolves.toMatchObject({ success: true });
  await expect(services(yc)).resolves.toMatchObject({ success: true });
  expect(server.seen).toHaveLength(2);
  // The client's settings reach the store's forLimiter, once per limiter.
  expect(state.contexts).toHaveLength(1);
  expect(state.contexts[0]).toMatchObject({ fallbackShare: 0.5, storeTimeoutMs: 200, windows: [{ limit: 4 }] });
  // Half of 4 per minute: the third call waits for quota rather than going out.
  const controller = new AbortController();
  const third = yc.booking.services(undefined, { companyId: 1, signal: controller.signal } as never);
  setTimeout(() => controller.abort(new Error("gave up waiting")), 300);
  await expect(third).rejects.toThrow("gave up waiting");
  expect(server.seen).toHaveLength(2);
});

test("while the store fails, a share below one request still leaves this process one: 0.5 of a limit of 1", async () => {
  const { store } = flakyStore(true);
  const yc = client(store, [{ limit: 1, windowMs: 60_000 }]);
  await expect(services(yc)).resolves.toMatchObject({ success: true });
  expect(server.seen).toHaveLength(1);
});
