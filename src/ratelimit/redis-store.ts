// The quota in Redis, for every process and host behind one egress IP. Each decision is one Lua
// script, so checking both windows and recording the request is atomic across processes, and Redis'
// own clock is the only clock. The same sliding-log rule as sliding-log.ts; see ARCHITECTURE.md for
// why this script and not rate-limiter-flexible or bottleneck.
import { createHash } from "node:crypto";
import { YclientsConfigError } from "../errors.js";
import { IN_FLIGHT_RECHECK_MS, type AcquireRequest, type AcquireResult, type RateLimitStore } from "./store.js";

/** What the store needs from a Redis client; an ioredis `Redis` or `Cluster` fits. */
export interface RedisScriptClient {
  evalsha(sha: string, numKeys: number, ...args: Array<string | number>): Promise<unknown>;
  eval(script: string, numKeys: number, ...args: Array<string | number>): Promise<unknown>;
}

export interface RedisRateLimitStoreOptions {
  /** A connected client, e.g. `new Redis(process.env.REDIS_URL)` from ioredis. The store never closes it. */
  redis: RedisScriptClient;
  /**
   * Start of every key (default `{yclients:ratelimit}:`). Processes that share a prefix share one quota; give
   * each egress IP or partner account its own. Keep a `{hash tag}` in it on Redis Cluster.
   */
  prefix?: string;
}

// KEYS: log (sorted set id → time it counts from), pause. ARGV: id, leaseMs, recheckMs, then limit, windowMs pairs.
// Replies {1} when granted, {0, waitMs, paused}.
const ACQUIRE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local paused = redis.call('PTTL', KEYS[2])
if paused > 0 then return {0, paused, 1} end
local longest = 0
for i = 4, #ARGV, 2 do
  local w = tonumber(ARGV[i + 1])
  if w > longest then longest = w end
end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - longest)
local recheck = tonumber(ARGV[3])
local wait = 0
for i = 4, #ARGV, 2 do
  local limit = tonumber(ARGV[i])
  local w = tonumber(ARGV[i + 1])
  local from = '(' .. string.format('%d', now - w)
  local count = redis.call('ZCOUNT', KEYS[1], from, '+inf')
  if count >= limit then
    local entry = redis.call('ZRANGEBYSCORE', KEYS[1], from, '+inf', 'WITHSCORES', 'LIMIT', count - limit, 1)
    local blocking = tonumber(entry[2])
    local free = blocking + w - now
    if blocking > now and free > recheck then free = recheck end
    if free > wait then wait = free end
  end
end
if wait > 0 then return {0, math.ceil(wait), 0} end
local lease = tonumber(ARGV[2])
redis.call('ZADD', KEYS[1], now + lease, ARGV[1])
if redis.call('PTTL', KEYS[1]) < longest + lease then redis.call('PEXPIRE', KEYS[1], longest + lease) end
return {1}
`;

// KEYS: log. ARGV: id. The request now counts from Redis' present time (only if it is still recorded).
const RELEASE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
return redis.call('ZADD', KEYS[1], 'XX', now, ARGV[1])
`;

// KEYS: pause. ARGV: ms. Extends the pause, never shortens it.
const PAUSE = `
local ms = tonumber(ARGV[1])
if redis.call('PTTL', KEYS[1]) < ms then redis.call('SET', KEYS[1], '1', 'PX', ms) end
return 1
`;

class Script {
  readonly sha: string;
  constructor(readonly source: string) {
    this.sha = createHash("sha1").update(source).digest("hex");
  }

  /** EVALSHA, loading the script with EVAL the first time a server has not seen it (or after a restart). */
  async run(redis: RedisScriptClient, keys: string[], args: Array<string | number>): Promise<unknown> {
    try {
      return await redis.evalsha(this.sha, keys.length, ...keys, ...args);
    } catch (error) {
      if (!String((error as Error)?.message).startsWith("NOSCRIPT")) throw error;
      return redis.eval(this.source, keys.length, ...keys, ...args);
    }
  }
}

const acquireScript = new Script(ACQUIRE);
const releaseScript = new Script(RELEASE);
const pauseScript = new Script(PAUSE);

export class RedisRateLimitStore implements RateLimitStore {
  private readonly redis: RedisScriptClient;
  private readonly logKey: string;
  private readonly pauseKey: string;

  constructor(options: RedisRateLimitStoreOptions) {
    const redis = options?.redis as Partial<RedisScriptClient> | undefined;
    if (!redis || typeof redis.evalsha !== "function" || typeof redis.eval !== "function") {
      throw new YclientsConfigError(
        "RedisRateLimitStore needs { redis }: a client with eval() and evalsha(), e.g. ioredis",
      );
    }
    const prefix = options.prefix ?? "{yclients:ratelimit}:";
    if (typeof prefix !== "string" || prefix === "") throw new YclientsConfigError("prefix must be a non-empty string");
    this.redis = redis as RedisScriptClient;
    this.logKey = `${prefix}log`;
    this.pauseKey = `${prefix}pause`;
  }

  async acquire(request: AcquireRequest): Promise<AcquireResult> {
    const args: Array<string | number> = [request.id, Math.ceil(request.leaseMs), IN_FLIGHT_RECHECK_MS];
    for (const w of request.windows) args.push(w.limit, w.windowMs);
    const reply = (await acquireScript.run(this.redis, [this.logKey, this.pauseKey], args)) as number[];
    if (reply[0] === 1) return { granted: true };
    return { granted: false, waitMs: Number(reply[1]), paused: reply[2] === 1 };
  }

  async release(id: string): Promise<void> {
    await releaseScript.run(this.redis, [this.logKey], [id]);
  }

  async pause(ms: number): Promise<void> {
    await pauseScript.run(this.redis, [this.pauseKey], [Math.ceil(ms)]);
  }
}
