// The Redis store against a real Redis (REDIS_URL or 127.0.0.1:6379; see redis.ts): the script's decisions,
// its atomicity under concurrent callers on separate connections, key prefixes, the shared 429 pause, and
// several limiters (as separate processes would have) sharing one quota in front of the simulator.
import type Redis from "ioredis";
import { YclientsClient, YclientsConfigError, YclientsRateLimitError } from "../../src/index";
import { RedisRateLimitStore } from "../../src/redis";
import { IN_FLIGHT_RECHECK_MS } from "../../src/ratelimit/store";
import { DEFAULT_PARTNER_TOKEN, startYclientsSimulator, type YclientsSimulator } from "../../src/testing/index";
import { connectRedis, dropPrefix, uniquePrefix } from "../helpers/shared-redis";

let redis: Redis;
const extra: Redis[] = [];
const prefixes: string[] = [];
const sims: YclientsSimulator[] = [];

beforeAll(async () => {
  redis = await connectRedis();
});

afterAll(async () => {
  await Promise.all(sims.map((sim) => sim.close()));
  for (const prefix of prefixes) await dropPrefix(redis, prefix);
  for (const connection of [redis, ...extra]) connection.disconnect();
});

function store(name: string, connection: Redis = redis, prefix = uniquePrefix(name)) {
  prefixes.push(prefix);
  return { store: new RedisRateLimitStore({ redis: connection, prefix }), prefix };
}

const WINDOWS = [
  { limit: 3, windowMs: 1_000 },
  { limit: 5, windowMs: 60_000 },
];

let nextId = 0;
const request = (leaseMs = 5_000) => ({ windows: WINDOWS, id: `t${++nextId}`, leaseMs });

test("grants up to each window's limit, then says how long until the oldest request leaves it", async () => {
  const { store: s } = store("decisions");
  for (let i = 0; i < 3; i++) {
    const r = request();
    expect(await s.acquire(r)).toMatchObject({ granted: true });
    await s.release(r.id);
  }
  const refused = await s.acquire(request());
  expect(refused).toMatchObject({ granted: false, paused: false });
  expect((refused as { waitMs: number }).waitMs).toBeGreaterThan(IN_FLIGHT_RECHECK_MS);
  expect((refused as { waitMs: number }).waitMs).toBeLessThanOrEqual(1_000);
});

test("requests still in flight count, and the answer is to ask again soon", async () => {
  const { store: s } = store("in-flight");
  for (let i = 0; i < 3; i++) expect(await s.acquire(request())).toMatchObject({ granted: true });
  expect(await s.acquire(request())).toMatchObject({ granted: false, waitMs: IN_FLIGHT_RECHECK_MS, paused: false });
});

test("atomic: 60 concurrent acquires on 6 connections get exactly the 5 slots the long window allows", async () => {
  const prefix = uniquePrefix("atomic");
  const connections = await Promise.all(Array.from({ length: 6 }, () => connectRedis()));
  extra.push(...connections);
  const stores = connections.map((c) => store("atomic", c, prefix).store);
  const windows = [{ limit: 5, windowMs: 60_000 }];
  const results = await Promise.all(
    Array.from({ length: 60 }, (_, i) => stores[i % 6].acquire({ windows, id: `a${i}`, leaseMs: 5_000 })),
  );
  expect(results.filter((r) => r.granted)).toHaveLength(5);
  expect(await redis.zcard(`${prefix}log`)).toBe(5);
});

test("a prefix is a quota of its own", async () => {
  const { store: first } = store("prefix-a");
  const { store: second } = store("prefix-b");
  const windows = [{ limit: 1, windowMs: 60_000 }];
  expect(await first.acquire({ windows, id: "x1", leaseMs: 1_000 })).toMatchObject({ granted: true });
  expect((await first.acquire({ windows, id: "x2", leaseMs: 1_000 })).granted).toBe(false);
  expect(await second.acquire({ windows, id: "x3", leaseMs: 1_000 })).toMatchObject({ granted: true });
});

test("a pause refuses everyone until it ends and is never shortened", async () => {
  const { store: s } = store("pause");
  await s.pause(3_000);
  await s.pause(100);
  const refused = await s.acquire(request());
  expect(refused).toMatchObject({ granted: false, paused: true });
  expect((refused as { waitMs: number }).waitMs).toBeGreaterThan(2_000);
});

test("cancel forgets a grant that was never used", async () => {
  const { store: s, prefix } = store("cancel");
  const windows = [{ limit: 1, windowMs: 60_000 }];
  expect(await s.acquire({ windows, id: "c1", leaseMs: 5_000 })).toMatchObject({ granted: true });
  await s.cancel("c1");
  expect(await redis.zcard(`${prefix}log`)).toBe(0);
  expect(await s.acquire({ windows, id: "c2", leaseMs: 5_000 })).toMatchObject({ granted: true });
});

test("restore writes requests back by id at their offsets, and for one window grants only within the caller's share", async () => {
  const { store: s, prefix } = store("restore");
  const windows = [{ limit: 10, windowMs: 2_000 }];
  const requests = [
    { id: "r1", fromNowMs: -1_500 },
    { id: "r2", fromNowMs: -100 },
    { id: "r3", fromNowMs: 4_000 }, // in flight: counts until its lease ends
  ];
  const { generation } = await s.restore({ windows, requests });
  await s.restore({ windows, requests }); // twice: the same three entries
  expect(await redis.zcard(`${prefix}log`)).toBe(3);
  const [, r1] = await redis.zrange(`${prefix}log`, 0, 0, "WITHSCORES");
  const [seconds, micros] = await redis.time();
  const now = Number(seconds) * 1000 + Number(micros) / 1000;
  expect(now - Number(r1)).toBeGreaterThanOrEqual(1_490);
  expect(now - Number(r1)).toBeLessThan(1_600);
  expect(await redis.pttl(`${prefix}recovering`)).toBeGreaterThan(1_500);
  // Recovering: a caller whose own share is full waits for it, one within its share is granted.
  expect(await s.acquire({ windows, id: "x1", leaseMs: 1_000, generation, shareWaitMs: 700 })).toMatchObject({
    granted: false,
    waitMs: 700,
  });
  expect(await s.acquire({ windows, id: "x2", leaseMs: 1_000, generation, shareWaitMs: 0 })).toMatchObject({
    granted: true,
    generation,
  });
});

test("a store that lost its data has a new generation, and a caller that knew the old one must restore first", async () => {
  const { store: s, prefix } = store("generation");
  const windows = [{ limit: 10, windowMs: 1_000 }];
  const first = await s.acquire({ windows, id: "g1", leaseMs: 1_000 });
  expect(first).toMatchObject({ granted: true, generation: expect.any(String) });
  const known = first.generation!;
  expect(await s.acquire({ windows, id: "g2", leaseMs: 1_000, generation: known })).toMatchObject({ granted: true });
  await dropPrefix(redis, prefix); // what a restart without persistence leaves
  expect(await s.acquire({ windows, id: "g3", leaseMs: 1_000, generation: known })).toMatchObject({
    granted: false,
    restore: true,
  });
  expect(await redis.zcard(`${prefix}log`)).toBe(0);
  // A caller with no generation yet (a process that just started) is simply granted.
  expect(await s.acquire({ windows, id: "g4", leaseMs: 1_000 })).toMatchObject({ granted: true });
});

test("bad options are configuration errors", () => {
  expect(() => new RedisRateLimitStore({ redis: {} as never })).toThrow(YclientsConfigError);
  expect(() => new RedisRateLimitStore({ redis, prefix: "" })).toThrow(YclientsConfigError);
});

describe("clients sharing one Redis store", () => {
  async function simulator(windows: Array<{ limit: number; windowMs: number }> | false) {
    const sim = await startYclientsSimulator({ seed: 5, rateLimit: windows && { windows } });
    sims.push(sim);
    return sim;
  }
  const call = (yc: YclientsClient, sim: YclientsSimulator) =>
    yc.booking.services(undefined, { companyId: sim.state.companies[0].id });

  test("three clients, each with its own limiter, share the quota: 75 calls, no 429, nothing lost", async () => {
    const windows = [
      { limit: 10, windowMs: 1_000 },
      { limit: 25, windowMs: 3_000 },
    ];
    const sim = await simulator(windows);
    const { prefix } = store("shared");
    const clients = Array.from(
      { length: 3 },
      () =>
        new YclientsClient({
          partnerToken: DEFAULT_PARTNER_TOKEN,
          baseUrl: sim.url,
          retry: false,
          rateLimit: { windows, store: new RedisRateLimitStore({ redis, prefix }) },
        }),
    );
    const results = await Promise.all(Array.from({ length: 75 }, (_, i) => call(clients[i % 3], sim)));
    expect(results.every((r) => r.success)).toBe(true);
    expect(sim.requests).toHaveLength(75);
    expect(sim.requests.every((r) => r.status === 200)).toBe(true);
  }, 30_000);

  test("a 429 seen by one client pauses the others until Retry-After", async () => {
    const sim = await simulator(false);
    sim.setFaults([{ kind: "rateLimit", retryAfter: 2, times: 1 }]);
    const { prefix } = store("pause-shared");
    const make = () =>
      new YclientsClient({
        partnerToken: DEFAULT_PARTNER_TOKEN,
        baseUrl: sim.url,
        retry: false,
        rateLimit: { store: new RedisRateLimitStore({ redis, prefix }), maxWaitMs: 500 },
      });
    const [first, second] = [make(), make()];
    await expect(call(first, sim)).rejects.toBeInstanceOf(YclientsRateLimitError);
    // The pause is written to Redis as the 429 is seen; let it land before the other client asks.
    for (let i = 0; i < 50 && (await redis.pttl(`${prefix}pause`)) <= 0; i++)
      await new Promise((r) => setTimeout(r, 10));
    await expect(call(second, sim)).rejects.toMatchObject({ name: "YclientsRateLimitQueueError", reason: "wait" });
    expect(sim.requests).toHaveLength(1);
  });
});
