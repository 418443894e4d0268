// The fallback share after uneven use: two clients (two processes, each its own Redis connection) share a quota in
// the real Redis; one loses its connection. Its local share alone would count only its own requests and let it go
// over the limit the other client had nearly used up; it must leave room for what Redis last said the window held.
// Against a real node:http server on 127.0.0.1, counting what arrived. Not a timing test: one window is 10 s.
import Redis from "ioredis";
import { YclientsClient } from "../../src/index";
import { RedisRateLimitStore } from "../../src/redis";
import { json, ok, useServer } from "../helpers/scripted-server";
import { connectRedis, dropPrefix, REDIS_URL, uniquePrefix } from "../helpers/shared-redis";

const LIMIT = 10;
const WINDOWS = [{ limit: LIMIT, windowMs: 10_000 }];
const SHARE = 0.5;

const server = useServer((_req, res) => json(res, 200, ok([])));
const connections: Redis[] = [];
const prefixes: string[] = [];

afterAll(async () => {
  // Redis back: each fail-safe's background probe succeeds once (within 250 ms) and stops.
  for (const c of connections) await c.connect();
  await new Promise((resolve) => setTimeout(resolve, 400));
  for (const c of connections) c.disconnect();
  const admin = await connectRedis();
  for (const prefix of prefixes) await dropPrefix(admin, prefix);
  admin.disconnect();
});

/** A client of its own connection; without an offline queue a dropped connection fails each store call at once. */
async function processClient(prefix: string): Promise<{ yc: YclientsClient; redis: Redis }> {
  const redis = new Redis(REDIS_URL, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0 });
  redis.on("error", () => undefined);
  await redis.connect();
  connections.push(redis);
  const yc = new YclientsClient({
    partnerToken: "partner-token-1",
    baseUrl: server.url,
    retry: false,
    // A call the quota cannot take soon fails at once (a queue error) instead of waiting for the window.
    rateLimit: {
      windows: WINDOWS,
      store: new RedisRateLimitStore({ redis, prefix }),
      fallbackShare: SHARE,
      maxWaitMs: 200,
    },
  });
  return { yc, redis };
}

/** Tries `n` calls one after another; how many were sent. */
async function send(yc: YclientsClient, n: number): Promise<number> {
  let sent = 0;
  for (let i = 0; i < n; i++) {
    const before = server.seen.length;
    await yc.booking.services(undefined, { companyId: 1 }).catch(() => undefined);
    sent += server.seen.length - before;
  }
  return sent;
}

async function twoProcesses() {
  const prefix = uniquePrefix("fail-safe-share");
  prefixes.push(prefix);
  return [await processClient(prefix), await processClient(prefix)];
}

test("after uneven use, an outage leaves the other process's requests room: the window stays within the limit", async () => {
  const [busy, quiet] = await twoProcesses();
  expect(await send(busy.yc, 8)).toBe(8); // more than its share of 5, while Redis was up
  expect(await send(quiet.yc, 1)).toBe(1); // Redis answers: the window holds 9 of 10
  quiet.redis.disconnect();
  busy.redis.disconnect();
  // Alone, the quiet one's share (5, one used) would let 4 more go: 13 in a window of 10. Now: half of the 1 left.
  const quietSent = await send(quiet.yc, 5);
  const busySent = await send(busy.yc, 5);
  expect(quietSent).toBe(Math.floor(SHARE * (LIMIT - 9)));
  expect(busySent).toBe(0); // already over its share
  expect(8 + 1 + quietSent + busySent).toBeLessThanOrEqual(LIMIT);
});

test("after even use the outage costs nothing: each process still gets its whole share", async () => {
  const [first, second] = await twoProcesses();
  expect(await send(first.yc, 2)).toBe(2);
  expect(await send(second.yc, 2)).toBe(2);
  first.redis.disconnect();
  second.redis.disconnect();
  // Each may use its share of 5, of which it used 2: 4 + 3 + 3 = 10, the limit exactly.
  expect(await send(first.yc, 5)).toBe(3);
  expect(await send(second.yc, 5)).toBe(3);
});
