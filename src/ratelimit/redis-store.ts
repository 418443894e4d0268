// The quota in Redis, for every process and host behind one egress IP. Each decision is one Lua
// script, so checking both windows and recording the request is atomic across processes, and Redis'
// own clock is the only clock. The same sliding-log rule as sliding-log.ts; see ARCHITECTURE.md for
// why this script and not rate-limiter-flexible or bottleneck.
import { createHash } from "node:crypto";
import { YclientsConfigError } from "../errors.js";
import { FailSafeRateLimitStore } from "./fail-safe-store.js";
import {
  IN_FLIGHT_RECHECK_MS,
  type AcquireRequest,
  type AcquireResult,
  type LimiterContext,
  type RateLimitStore,
  type RestoreRequest,
} from "./store.js";

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

// Every script reads Redis' clock; the generation is a key that never expires, so a Redis that lost its data
// (restarted empty, flushed) has none, makes a new one, and callers that knew the old one restore first.
const CLOCK_AND_GENERATION = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local generation = redis.call('GET', KEYS[3])
if not generation then
  generation = t[1] .. string.format('%06d', tonumber(t[2]))
  redis.call('SET', KEYS[3], generation)
end
`;

// KEYS: log (sorted set id → time it counts from), pause, generation, recovering. ARGV: id, leaseMs, recheckMs,
// the caller's generation ('' when it has none), shareWaitMs, then limit, windowMs pairs.
// Replies {1, 0, 0, generation, count per window with this request} when granted, {0, waitMs, paused, generation}
// when not, {2, 0, 0, generation} when the caller must restore first. The 429 pause is checked in the same step as
// the grant.
const ACQUIRE = `${CLOCK_AND_GENERATION}
if ARGV[4] ~= '' and ARGV[4] ~= generation then return {2, 0, 0, generation} end
local paused = redis.call('PTTL', KEYS[2])
if paused > 0 then return {0, paused, 1, generation} end
local share = tonumber(ARGV[5])
if share > 0 and redis.call('PTTL', KEYS[4]) > 0 then return {0, math.ceil(share), 0, generation} end
local longest = 0
for i = 6, #ARGV, 2 do
  local w = tonumber(ARGV[i + 1])
  if w > longest then longest = w end
end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - longest)
local recheck = tonumber(ARGV[3])
local wait = 0
local reply = {1, 0, 0, generation}
for i = 6, #ARGV, 2 do
  local limit = tonumber(ARGV[i])
  local w = tonumber(ARGV[i + 1])
  local from = '(' .. string.format('%d', now - w)
  local count = redis.call('ZCOUNT', KEYS[1], from, '+inf')
  reply[#reply + 1] = count + 1
  if count >= limit then
    local entry = redis.call('ZRANGEBYSCORE', KEYS[1], from, '+inf', 'WITHSCORES', 'LIMIT', count - limit, 1)
    local blocking = tonumber(entry[2])
    local free = blocking + w - now
    if blocking > now and free > recheck then free = recheck end
    if free > wait then wait = free end
  end
end
if wait > 0 then return {0, math.ceil(wait), 0, generation} end
local lease = tonumber(ARGV[2])
redis.call('ZADD', KEYS[1], now + lease, ARGV[1])
if redis.call('PTTL', KEYS[1]) < longest + lease then redis.call('PEXPIRE', KEYS[1], longest + lease) end
return reply
`;

// KEYS: log, pause, generation, recovering. ARGV: longest window, then id, fromNowMs pairs. Writes the caller's
// own requests back at Redis' present time plus their offset (the same id overwrites: idempotent), and marks the
// quota as recovering for one window. Replies the generation.
const RESTORE = `${CLOCK_AND_GENERATION}
local longest = tonumber(ARGV[1])
local latest = now
for i = 2, #ARGV, 2 do
  local at = now + tonumber(ARGV[i + 1])
  if at > latest then latest = at end
  redis.call('ZADD', KEYS[1], at, ARGV[i])
end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - longest)
local keep = latest - now + longest
if redis.call('PTTL', KEYS[1]) < keep then redis.call('PEXPIRE', KEYS[1], keep) end
if redis.call('PTTL', KEYS[4]) < longest then redis.call('SET', KEYS[4], '1', 'PX', longest) end
return generation
`;

// KEYS: log. ARGV: id. The request now counts from Redis' present time (only if it is still recorded).
const RELEASE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
return redis.call('ZADD', KEYS[1], 'XX', now, ARGV[1])
`;

// KEYS: log. ARGV: id. The request was never sent.
const CANCEL = `return redis.call('ZREM', KEYS[1], ARGV[1])`;

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
const restoreScript = new Script(RESTORE);
const releaseScript = new Script(RELEASE);
const cancelScript = new Script(CANCEL);
const pauseScript = new Script(PAUSE);

export class RedisRateLimitStore implements RateLimitStore {
  private readonly redis: RedisScriptClient;
  private readonly logKey: string;
  private readonly pauseKey: string;
  /** The keys every decision reads: log, pause, generation, recovering. */
  private readonly keys: string[];

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
    this.keys = [this.logKey, this.pauseKey, `${prefix}generation`, `${prefix}recovering`];
  }

  async acquire(request: AcquireRequest): Promise<AcquireResult> {
    const args: Array<string | number> = [
      request.id,
      Math.ceil(request.leaseMs),
      IN_FLIGHT_RECHECK_MS,
      request.generation ?? "",
      Math.ceil(request.shareWaitMs ?? 0),
    ];
    for (const w of request.windows) args.push(w.limit, w.windowMs);
    const reply = (await acquireScript.run(this.redis, this.keys, args)) as [
      number,
      number,
      number,
      string,
      ...number[],
    ];
    const generation = String(reply[3]);
    if (reply[0] === 1) return { granted: true, generation, counts: reply.slice(4).map(Number) };
    if (reply[0] === 2) return { granted: false, waitMs: 0, paused: false, restore: true, generation };
    return { granted: false, waitMs: Number(reply[1]), paused: reply[2] === 1, generation };
  }

  async restore(request: RestoreRequest): Promise<{ generation: string }> {
    const args: Array<string | number> = [Math.max(...request.windows.map((w) => w.windowMs))];
    for (const r of request.requests) args.push(r.id, Math.round(r.fromNowMs));
    return { generation: String(await restoreScript.run(this.redis, this.keys, args)) };
  }

  async cancel(id: string): Promise<void> {
    await cancelScript.run(this.redis, [this.logKey], [id]);
  }

  async release(id: string): Promise<void> {
    await releaseScript.run(this.redis, [this.logKey], [id]);
  }

  async pause(ms: number): Promise<void> {
    await pauseScript.run(this.redis, [this.pauseKey], [Math.ceil(ms)]);
  }

  /** Redis can fail: each client's limiter uses it behind the fail-safe (local fallback, restore after). */
  forLimiter(context: LimiterContext): RateLimitStore {
    return new FailSafeRateLimitStore(this, context);
  }
}
