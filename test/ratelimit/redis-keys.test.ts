// What the Redis store writes: the keys under the default prefix `{yclients:ratelimit}:` (README, "Many processes
// behind one IP"), nothing of a call's tokens in a key, an argument or a stored value, and no slot left behind by an
// acquire that timed out. The store talks to the real Redis through pass-through clients: one notes each key and
// argument and moves the keys under this test's own prefix (the shared Redis's default keys are never touched), one
// holds every command while "frozen" and sends them, in order, when it wakes, as a stopped Redis would run them.
import type Redis from "ioredis";
import { YclientsClient, YclientsRateLimitError } from "../../src/index";
import { RedisRateLimitStore, type RedisScriptClient } from "../../src/redis";
import { connectRedis, dropPrefix, uniquePrefix } from "../helpers/shared-redis";
import { json, ok, useServer } from "../helpers/scripted-server";

const DEFAULT_PREFIX = "{yclients:ratelimit}:";
const PARTNER = "partner-redis-secret-1";
const USER = "user-redis-secret-2";

const server = useServer();
let redis: Redis;
const prefix = uniquePrefix("keys");

beforeAll(async () => {
  redis = await connectRedis();
});

afterAll(async () => {
  await dropPrefix(redis, prefix);
  redis.disconnect();
});

/** Forwards to `redis`, keeping what the store asked for and moving its keys from the default prefix to `prefix`. */
function noting(keys: string[], args: string[]): RedisScriptClient {
  const moved = (numKeys: number, rest: Array<string | number>) => {
    keys.push(...rest.slice(0, numKeys).map(String));
    args.push(...rest.slice(numKeys).map(String));
    return rest.map((value, i) => (i < numKeys ? String(value).replace(DEFAULT_PREFIX, prefix) : value));
  };
  return {
    evalsha: (sha, numKeys, ...rest) => redis.evalsha(sha, numKeys, ...moved(numKeys, rest)),
    eval: (script, numKeys, ...rest) => redis.eval(script, numKeys, ...moved(numKeys, rest)),
  };
}

test("keys live under {yclients:ratelimit}: by default, and no token reaches a key, an argument or a value", async () => {
  const keys: string[] = [];
  const args: string[] = [];
  const yc = new YclientsClient({
    partnerToken: PARTNER,
    userToken: USER,
    baseUrl: server.url,
    retry: false,
    circuitBreaker: false,
    rateLimit: { store: new RedisRateLimitStore({ redis: noting(keys, args) }) },
  });
  server.handle((_req, res, i) => (i === 0 ? json(res, 200, ok([])) : json(res, 429, {}, { "retry-after": "1" })));
  await yc.GET("/countries");
  await expect(yc.withUserToken("user-redis-secret-3").GET("/countries")).rejects.toBeInstanceOf(
    YclientsRateLimitError,
  );
  // The 429's pause is written without being awaited: wait (bounded) until it is there.
  for (let i = 0; i < 100 && (await redis.pttl(`${prefix}pause`)) <= 0; i++)
    await new Promise((r) => setTimeout(r, 10));

  expect(new Set(keys)).toEqual(
    new Set(["log", "pause", "generation", "recovering"].map((name) => `${DEFAULT_PREFIX}${name}`)),
  );
  const stored = await redis.keys(`${prefix}*`);
  expect(stored).toEqual(expect.arrayContaining([`${prefix}log`, `${prefix}pause`, `${prefix}generation`]));
  const values = [
    ...(await redis.zrange(`${prefix}log`, 0, -1, "WITHSCORES")),
    String(await redis.get(`${prefix}generation`)),
  ];
  expect(values.length).toBeGreaterThan(1);
  const written = [...keys, ...args, ...stored, ...values].join("\n");
  for (const secret of [PARTNER, USER, "user-redis-secret-3"]) expect(written).not.toContain(secret);
});

test("an acquire that timed out is taken back: a frozen Redis that wakes up keeps no slot nobody used", async () => {
  const frozenPrefix = uniquePrefix("frozen");
  const held: Array<() => Promise<unknown>> = [];
  let frozen = false;
  const send = <T>(command: () => Promise<T>): Promise<T> =>
    frozen ? new Promise<T>((resolve, reject) => held.push(() => command().then(resolve, reject))) : command();
  const freezable: RedisScriptClient = {
    evalsha: (...args) => send(() => redis.evalsha(...args)),
    eval: (...args) => send(() => redis.eval(...args)),
  };
  const yc = new YclientsClient({
    partnerToken: PARTNER,
    baseUrl: server.url,
    retry: false,
    circuitBreaker: false,
    // Redis would grant a second request; this process's local share (one request) is used up by the first.
    rateLimit: {
      windows: [{ limit: 2, windowMs: 60_000 }],
      store: new RedisRateLimitStore({ redis: freezable, prefix: frozenPrefix }),
      storeTimeoutMs: 100,
    },
  });
  server.handle((_req, res) => json(res, 200, ok([])));
  try {
    await yc.GET("/countries");
    expect(await redis.zcard(`${frozenPrefix}log`)).toBe(1);
    frozen = true;
    const controller = new AbortController();
    const waiting = yc.GET("/countries", { signal: controller.signal }).catch((e: unknown) => e);
    // The acquire, then the cancel that takes it back, queue up on the frozen connection.
    for (let i = 0; i < 200 && held.length < 2; i++) await new Promise((r) => setTimeout(r, 10));
    expect(held.length).toBeGreaterThanOrEqual(2);
    controller.abort(new Error("gave up"));
    await expect(waiting).resolves.toThrow("gave up");
    frozen = false;
    for (const command of held.splice(0)) await command();
    expect(await redis.zcard(`${frozenPrefix}log`)).toBe(1);
    expect(server.seen).toHaveLength(1);
  } finally {
    frozen = false;
    for (const command of held.splice(0)) await command().catch(() => undefined);
    await dropPrefix(redis, frozenPrefix);
  }
});
