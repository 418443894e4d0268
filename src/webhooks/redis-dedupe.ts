// A de-duplication store shared by several processes through Redis: one key per entity holding its last
// delivery (`<fingerprint> <attempt>`), checked and set by one Lua script, which Redis runs atomically, so
// two processes receiving the same delivery never both win. Every call is bounded by `timeoutMs`: with Redis
// down or frozen the receiver answers 503 at once (the sender retries) instead of waiting on the client's
// reconnect queue. Typed by the one command it sends, so the package does not depend on a Redis client.
import { YclientsConfigError, YclientsError } from "../errors.js";
import type { DedupeClaim, WebhookDedupeStore } from "./dedupe.js";

/** The command used, in ioredis's call form (`new Redis(url)` fits as is). */
export interface RedisDedupeClient {
  eval(script: string, numKeys: number, ...args: Array<string | number>): Promise<unknown>;
}

export interface RedisDedupeStoreOptions {
  /** A connected client; the store never closes it. */
  redis: RedisDedupeClient;
  /** Start of every key (default `yclients:webhooks:`). */
  prefix?: string;
  /** How long a claim or release may take before it counts as failed (default 1,000 ms). */
  timeoutMs?: number;
}

export const DEFAULT_DEDUPE_STORE_TIMEOUT_MS = 1_000;

/** The store did not answer within `timeoutMs`, or failed; the receiver answers 503 for it. */
export class YclientsDedupeStoreError extends YclientsError {}
Object.defineProperty(YclientsDedupeStoreError.prototype, "name", {
  value: "YclientsDedupeStoreError",
  writable: true,
  configurable: true,
});

// KEYS: entity. ARGV: fingerprint, attempt, ttl. 1 = claimed (or claimed already by this attempt), 0 = redelivery.
const CLAIM = `
local last = redis.call('GET', KEYS[1])
local mine = ARGV[1] .. ' ' .. ARGV[2]
if last == mine then return 1 end
if last and string.sub(last, 1, #ARGV[1] + 1) == ARGV[1] .. ' ' then return 0 end
redis.call('SET', KEYS[1], mine, 'PX', ARGV[3])
return 1
`;

// KEYS: entity. ARGV: fingerprint, attempt. Deletes the key only if it still holds this claim.
const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] .. ' ' .. ARGV[2] then return redis.call('DEL', KEYS[1]) end
return 0
`;

export class RedisDedupeStore implements WebhookDedupeStore {
  private readonly redis: RedisDedupeClient;
  private readonly prefix: string;
  readonly timeoutMs: number;

  constructor(options: RedisDedupeStoreOptions) {
    const redis = options?.redis as Partial<RedisDedupeClient> | undefined;
    if (!redis || typeof redis.eval !== "function") {
      throw new YclientsConfigError("RedisDedupeStore needs { redis }: a client with eval(), e.g. ioredis");
    }
    this.redis = redis as RedisDedupeClient;
    this.prefix = options.prefix ?? "yclients:webhooks:";
    this.timeoutMs = options.timeoutMs ?? DEFAULT_DEDUPE_STORE_TIMEOUT_MS;
    if (!Number.isFinite(this.timeoutMs) || this.timeoutMs <= 0) {
      throw new YclientsConfigError("RedisDedupeStore timeoutMs must be a positive number");
    }
  }

  async claim(claim: DedupeClaim, ttlMs: number): Promise<boolean> {
    const ttl = Math.max(1, Math.ceil(ttlMs));
    const reply = await this.bounded("claim", () =>
      this.redis.eval(CLAIM, 1, this.prefix + claim.entity, claim.fingerprint, claim.attempt, ttl),
    );
    return Number(reply) === 1;
  }

  async release(claim: DedupeClaim): Promise<void> {
    await this.bounded("release", () =>
      this.redis.eval(RELEASE, 1, this.prefix + claim.entity, claim.fingerprint, claim.attempt),
    );
  }

  private bounded<T>(what: string, run: () => Promise<T>): Promise<T> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(new YclientsDedupeStoreError(`The dedupe store's ${what} got no answer within ${this.timeoutMs}ms`)),
        this.timeoutMs,
      );
    });
    // The client's own error is not quoted: its message may hold a connection string.
    const answer = Promise.resolve()
      .then(run)
      .catch((error: unknown) => {
        throw new YclientsDedupeStoreError(`The dedupe store's ${what} failed (${errorName(error)})`);
      });
    return Promise.race([answer, late]).finally(() => clearTimeout(timer));
  }
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}
