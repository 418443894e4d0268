// What a rate-limit store does, whatever keeps its state: in this process (memory-store.ts) or in
// Redis for every process behind one IP (redis-store.ts). The limiter (limiter.ts) owns the queue and
// the policy; a store only answers "may one more request go now, and if not, how long until it may".
import type { Log } from "../log.js";

/** At most `limit` requests in any rolling window of `windowMs` milliseconds. */
export interface RateLimitWindow {
  limit: number;
  windowMs: number;
}

export interface AcquireRequest {
  /** Every window must have room; the request is recorded in all of them at once, or in none. */
  windows: readonly RateLimitWindow[];
  /** Unique per request; `release()` names the request by it. */
  id: string;
  /**
   * How long the request may stay in flight. Until `release()` it counts as sent "now or later" in every
   * window; if `release()` never comes (the process died), it counts as sent at acquire time + `leaseMs`.
   */
  leaseMs: number;
  /**
   * The store's `generation` the caller saw last (undefined at first). A store that lost its memory since then
   * (Redis restarted empty) refuses with `restore: true` instead of granting from a log that forgot requests.
   */
  generation?: string;
  /**
   * 0 when the caller's own requests leave room within its fallback share of every window, else how long until
   * they do. After an outage, while the store is `restore`d by processes coming back, it grants only to callers
   * within their share (a store that was just restored may still miss another process's requests).
   */
  shareWaitMs?: number;
}

export type AcquireResult =
  | {
      granted: true;
      generation?: string;
      /**
       * Optional, from a store shared between processes: how many requests each window (in the order of `windows`)
       * held once this one was recorded, every process's. A fail-safe keeps the last one it saw, so that in an
       * outage it leaves room for what the other processes had already sent (see fail-safe-store.ts).
       */
      counts?: readonly number[];
    }
  /**
   * `waitMs`: when asking again may succeed. `paused`: a 429 paused everyone sharing the store. `restore`: the
   * store forgot requests (a new generation): call `restore()` before asking again.
   */
  | { granted: false; waitMs: number; paused: boolean; restore?: boolean; generation?: string };

/** One of the caller's own requests that still counts, for `restore()`. */
export interface RestoredRequest {
  id: string;
  /** Relative to now: negative for a finished request (when it finished), positive for one in flight (its lease end). */
  fromNowMs: number;
}

export interface RestoreRequest {
  windows: readonly RateLimitWindow[];
  /** Every request of this caller that still counts in the longest window, whoever granted it. */
  requests: readonly RestoredRequest[];
}

export interface RateLimitStore {
  /** Atomically checks every window and, when all have room, records the request. */
  acquire(request: AcquireRequest): Promise<AcquireResult>;
  /**
   * The request is finished: from now on it counts as sent at this moment. Counting the finish time
   * rather than the send time keeps the server's view (arrival time) inside ours whatever the latency.
   */
  release(id: string): Promise<void>;
  /** The server answered 429: nobody sharing this store may acquire for `ms`. Never shortens a longer pause. */
  pause(ms: number): Promise<void>;
  /**
   * Optional: the request was granted but never sent (its caller gave up, or the grant came too late): forget it.
   * Without it the limiter calls `release()`, which keeps the slot counted for one window.
   */
  cancel?(id: string): Promise<void>;
  /**
   * Optional, for a store that can fail: after an outage, writes back the caller's own requests of the last window
   * (idempotent by id), so the store knows what was sent while it was away, and for one window grants only within
   * each caller's share (`shareWaitMs`). Resolves with the store's generation. Without it, the store is probed
   * with an `acquire` that is cancelled at once.
   */
  restore?(request: RestoreRequest): Promise<{ generation?: string }>;
  /**
   * Optional, for a store that can fail: the store one client's limiter should use instead, given that client's
   * settings. `RedisRateLimitStore` returns itself behind `FailSafeRateLimitStore` (`yclients-client/redis`): the
   * local fallback with `fallbackShare` of the quota while the store fails or is slower than `storeTimeoutMs`, and
   * the `restore` after it. Without it, the limiter uses the store as it is, and a store call that fails fails the
   * call that was waiting for it.
   */
  forLimiter?(context: LimiterContext): RateLimitStore;
}

/** What a store's `forLimiter` is told about the client whose limiter will use it. */
export interface LimiterContext {
  windows: readonly RateLimitWindow[];
  /** `rateLimit.fallbackShare`: the share of each limit this process may use alone while the store fails. */
  fallbackShare: number;
  /** `rateLimit.storeTimeoutMs`: a store call slower than this counts as failed. */
  storeTimeoutMs: number;
  /** Where the limiter logs (the client's `logger`, or the `yclients:ratelimit` channel). */
  log: Log;
  /** Tells the limiter to ask again now rather than when its current wait ends (the store answers again). */
  wake(): void;
}

/** The published YCLIENTS limit: 5 requests per second and 200 per rolling minute, per IP. */
export const YCLIENTS_RATE_LIMITS: readonly RateLimitWindow[] = /* @__PURE__ */ Object.freeze([
  /* @__PURE__ */ Object.freeze({ limit: 5, windowMs: 1_000 }),
  /* @__PURE__ */ Object.freeze({ limit: 200, windowMs: 60_000 }),
]);

/**
 * How soon to ask again when the window is full only because of requests still in flight: they may
 * finish any moment, and a store shared between processes cannot tell us when.
 */
export const IN_FLIGHT_RECHECK_MS = 25;
