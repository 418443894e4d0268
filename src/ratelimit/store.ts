// What a rate-limit store does, whatever keeps its state: in this process (memory-store.ts) or in
// Redis for every process behind one IP (redis-store.ts). The limiter (limiter.ts) owns the queue and
// the policy; a store only answers "may one more request go now, and if not, how long until it may".

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
}

export type AcquireResult =
  | { granted: true }
  /** `waitMs`: when asking again may succeed. `paused`: a 429 paused everyone sharing the store. */
  | { granted: false; waitMs: number; paused: boolean };

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
}

/** The published YCLIENTS limit: 5 requests per second and 200 per rolling minute, per IP. */
export const YCLIENTS_RATE_LIMITS: readonly RateLimitWindow[] = Object.freeze([
  Object.freeze({ limit: 5, windowMs: 1_000 }),
  Object.freeze({ limit: 200, windowMs: 60_000 }),
]);

/**
 * How soon to ask again when the window is full only because of requests still in flight: they may
 * finish any moment, and a store shared between processes cannot tell us when.
 */
export const IN_FLIGHT_RECHECK_MS = 25;
