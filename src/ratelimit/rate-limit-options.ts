// The client's `rateLimit` option: its shape, defaults and validation.
import { YclientsConfigError } from "../errors.js";
import { optionKeys, refuseUnknownKeys } from "../call-options.js";
import { MemoryRateLimitStore } from "./memory-store.js";
import { YCLIENTS_RATE_LIMITS, type RateLimitStore, type RateLimitWindow } from "./store.js";

export interface RateLimitOptions {
  /** Rolling windows that all apply at once (default 5 per 1 000 ms and 200 per 60 000 ms, the YCLIENTS limit). */
  windows?: RateLimitWindow[];
  /** How many calls may wait for quota; one more fails at once with `YclientsRateLimitQueueError` (default: no cap). */
  maxQueue?: number;
  /** How long a call may wait for quota, in ms; beyond it the call fails with `YclientsRateLimitQueueError` (default: no cap). */
  maxWaitMs?: number;
  /** Where the quota is kept (default: in this process). `RedisRateLimitStore` from `yclients-client/redis` shares it. */
  store?: RateLimitStore;
  /**
   * While the store fails, this process alone uses this share of each limit (default 0.25, at least 1 request).
   * For a store with a fail-safe (`RedisRateLimitStore`, or one whose `forLimiter` gives `FailSafeRateLimitStore`).
   */
  fallbackShare?: number;
  /** A store call that takes longer than this counts as failed, in ms (default 1 000); for a store with a fail-safe. */
  storeTimeoutMs?: number;
}

export interface RateLimitSettings {
  windows: readonly RateLimitWindow[];
  maxQueue: number;
  maxWaitMs: number;
  store: RateLimitStore;
  /** Passed to the store's `forLimiter` (a store that can fail: the share of the quota while it fails). */
  fallbackShare: number;
  storeTimeoutMs: number;
}

function positive(value: unknown, label: string, integer: boolean): number {
  if (typeof value !== "number" || !(value > 0) || (integer && !Number.isInteger(value))) {
    throw new YclientsConfigError(`${label} must be a positive ${integer ? "integer" : "number"}`);
  }
  return value;
}

function checkWindows(value: unknown): RateLimitWindow[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw new YclientsConfigError("rateLimit.windows must be a non-empty array of { limit, windowMs }");
  }
  return value.map((w: unknown, i) => {
    if (!w || typeof w !== "object")
      throw new YclientsConfigError(`rateLimit.windows[${i}] must be { limit, windowMs }`);
    const { limit, windowMs } = w as Partial<RateLimitWindow>;
    return {
      limit: positive(limit, `rateLimit.windows[${i}].limit`, true),
      windowMs: positive(windowMs, `rateLimit.windows[${i}].windowMs`, true),
    };
  });
}

function isStore(value: unknown): value is RateLimitStore {
  const store = value as Partial<RateLimitStore> | null;
  return (
    !!store &&
    typeof store === "object" &&
    typeof store.acquire === "function" &&
    typeof store.release === "function" &&
    typeof store.pause === "function"
  );
}

/** The limiter's settings, or undefined for `rateLimit: false`. */
/** The keys `rateLimit` takes, checked at run time too. */
const RATE_LIMIT_KEYS = /* @__PURE__ */ optionKeys<RateLimitOptions>({
  windows: true,
  maxQueue: true,
  maxWaitMs: true,
  store: true,
  fallbackShare: true,
  storeTimeoutMs: true,
});

export function resolveRateLimit(option: RateLimitOptions | false | undefined): RateLimitSettings | undefined {
  if (option === false) return undefined;
  if (option !== undefined && (option === null || typeof option !== "object")) {
    throw new YclientsConfigError("rateLimit must be an object or false");
  }
  if (option) refuseUnknownKeys(option, RATE_LIMIT_KEYS, "rateLimit");
  const o = option ?? {};
  if (o.store !== undefined && !isStore(o.store)) {
    throw new YclientsConfigError("rateLimit.store must have acquire(), release() and pause() methods");
  }
  const fallbackShare =
    o.fallbackShare === undefined ? 0.25 : positive(o.fallbackShare, "rateLimit.fallbackShare", false);
  if (fallbackShare > 1) throw new YclientsConfigError("rateLimit.fallbackShare must be at most 1");
  return {
    windows: o.windows === undefined ? YCLIENTS_RATE_LIMITS : checkWindows(o.windows),
    maxQueue: o.maxQueue === undefined ? Infinity : positive(o.maxQueue, "rateLimit.maxQueue", true),
    maxWaitMs: o.maxWaitMs === undefined ? Infinity : positive(o.maxWaitMs, "rateLimit.maxWaitMs", false),
    store: o.store ?? new MemoryRateLimitStore(),
    fallbackShare,
    storeTimeoutMs:
      o.storeTimeoutMs === undefined ? 1_000 : positive(o.storeTimeoutMs, "rateLimit.storeTimeoutMs", false),
  };
}
