// What the Redis store writes: the keys under the default prefix `{yclients:ratelimit}:` (README, "Many processes
// behind one IP"), and nothing of a call's tokens in a key, an argument or a stored value. The store talks to the
// real Redis through a pass-through client that notes each key and argument and moves the keys under this test's
// own prefix, so the shared Redis's default keys are never touched.
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
