// One limiter per client (shared by its scoped clients, since the quota belongs to the IP). Calls wait
// in a FIFO queue until the store grants them quota; only the head of the queue asks the store, so
// order is kept and a full window costs one store call per wait, not one per waiting call. A store that
// can fail (Redis) brings its own fail-safe (fail-safe-store.ts, through `forLimiter`), so the limiter of a
// client whose quota is in memory carries none of it. Local times are monotonic (`performance.now`).
import { log as defaultLog, type Log } from "../log.js";
import { parseRetryAfter } from "../retry-after.js";
import type { RateLimitSettings } from "./rate-limit-options.js";
import { YclientsRateLimitQueueError } from "./queue-error.js";
import { monotonicNow as clock } from "./memory-store.js";
import type { AcquireResult, RateLimitStore } from "./store.js";

/** What the limiter knows about the call it holds back: enough to name it in an error, never a secret. */
export interface LimitedCall {
  method: string;
  path: string;
  signal?: AbortSignal;
  /** Attempts made so far, this one included: a retry (more than 1) goes to the head of the queue, not the back. */
  attempts?: number;
}

/** A granted slot, named by its id in the store. */
interface Grant {
  id: string;
}

interface Waiter {
  call: LimitedCall;
  leaseMs: number;
  resolve(grant: Grant): void;
  reject(error: unknown): void;
  /** Detaches the abort listener and the wait-cap timer. */
  cleanup(): void;
}

type Attempt =
  | { granted: true; grant: Grant }
  | { granted: false; waitMs: number; paused: boolean }
  /** The store failed (one without a fail-safe): the call that asked fails with its error. */
  | { granted: false; failed: unknown };

/** How long an unreleased slot may count as "in flight" beyond the attempt's own timeout. */
const LEASE_SLACK_MS = 1_000;
/** The longest pause a 429 may impose on everyone, whatever its `Retry-After` says. */
const MAX_PAUSE_MS = 60_000;

export class RateLimiter {
  private readonly queue: Waiter[] = [];
  private readonly watched = new Map<AbortSignal, { waiting: number; onAbort: () => void }>();
  private pumping = false;
  /** Ends the pump's current wait early (a slot was released, or the queue emptied). */
  private wake?: () => void;
  /** The store this limiter asks: the configured one, or what its `forLimiter` gave (a fail-safe around it). */
  private readonly store: RateLimitStore;
  /** Set by a 429 seen here, so this process stops at once even before a shared store records the pause. */
  private pausedUntil = -Infinity;
  /** While the pump waits: when the head may be served at the earliest. */
  private blockedUntil = 0;
  private readonly idPrefix = Math.random().toString(36).slice(2, 10);
  private nextId = 0;

  private readonly log: Log;

  constructor(
    private readonly settings: RateLimitSettings,
    log: Log = defaultLog,
  ) {
    this.log = log;
    const { store, windows, fallbackShare, storeTimeoutMs } = settings;
    this.store =
      store.forLimiter?.({ windows, fallbackShare, storeTimeoutMs, log, wake: () => this.wake?.() }) ?? store;
  }

  /**
   * Waits for quota, then sends. The slot is released when the attempt ends, and a 429 pauses everyone
   * sharing the store. `timeoutMs` is the attempt's own timeout, which starts only inside `send`.
   */
  async run(send: () => Promise<Response>, call: LimitedCall, timeoutMs: number): Promise<Response> {
    const grant = await this.acquire(call, timeoutMs + LEASE_SLACK_MS);
    try {
      const response = await send();
      if (response.status === 429) this.pauseAll(response.headers.get("retry-after"));
      return response;
    } finally {
      this.release(grant);
    }
  }

  /** Calls waiting for quota right now. */
  get waiting(): number {
    return this.queue.length;
  }

  private acquire(call: LimitedCall, leaseMs: number): Promise<Grant> {
    const { signal } = call;
    if (signal?.aborted) return Promise.reject(signal.reason);
    // While the queue is known to be blocked, a call that cannot fit fails at once.
    const blockedFor = this.blockedUntil - clock();
    if (blockedFor > 0 && this.queue.length >= this.settings.maxQueue) {
      return Promise.reject(this.queueError(call, "queue"));
    }
    if (blockedFor > this.settings.maxWaitMs) return Promise.reject(this.queueError(call, "wait"));
    return new Promise<Grant>((resolve, reject) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const waiter: Waiter = {
        call,
        leaseMs,
        resolve,
        reject,
        cleanup: () => {
          if (timer) clearTimeout(timer);
          if (signal) this.unwatch(signal);
        },
      };
      if (Number.isFinite(this.settings.maxWaitMs)) {
        timer = setTimeout(() => this.drop(waiter, this.queueError(call, "wait")), this.settings.maxWaitMs);
      }
      if (signal) this.watch(signal);
      // A retry was at the head once already (its first attempt was sent): it keeps that place.
      if ((call.attempts ?? 1) > 1) this.queue.unshift(waiter);
      else this.queue.push(waiter);
      void this.pump();
    });
  }

  /** Serves the queue head by head until it is empty. Only one pump runs at a time. */
  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (this.queue.length > 0) {
        const head = this.queue[0];
        let attempt = await this.tryAcquire(head.leaseMs);
        if (this.queue[0] !== head) {
          // The head gave up (aborted, or its wait cap) or a retry took its place while the store answered:
          // the slot was never used.
          if (attempt.granted) this.cancel(attempt.grant);
          continue;
        }
        const pausedFor = this.pausedUntil - clock();
        if (attempt.granted && pausedFor > 0) {
          // A 429 arrived while the store answered: nothing more goes out until the pause ends.
          this.cancel(attempt.grant);
          attempt = { granted: false, waitMs: pausedFor, paused: true };
        }
        if (attempt.granted) {
          this.queue.shift();
          head.cleanup();
          head.resolve(attempt.grant);
          continue;
        }
        if ("failed" in attempt) {
          this.drop(head, attempt.failed);
          continue;
        }
        this.refuseHopeless(attempt.waitMs);
        if (this.queue.length === 0) break;
        if (this.log.ratelimit.enabled) {
          this.log.ratelimit(
            { waiting: this.queue.length, waitMs: Math.ceil(attempt.waitMs), paused: attempt.paused === true },
            "%d call(s) waiting; next in %dms (%s)",
            this.queue.length,
            Math.ceil(attempt.waitMs),
            attempt.paused ? "paused after a 429" : "window full",
          );
        }
        this.blockedUntil = clock() + attempt.waitMs;
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, attempt.waitMs);
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        this.wake = undefined;
        this.blockedUntil = 0;
      }
    } finally {
      this.pumping = false;
    }
  }

  /**
   * The queue must wait at least `waitMs`: calls beyond `maxQueue` and calls whose wait cap ends sooner
   * fail now rather than later.
   */
  private refuseHopeless(waitMs: number): void {
    const { maxQueue, maxWaitMs } = this.settings;
    if (this.queue.length > maxQueue) {
      for (const waiter of this.queue.splice(maxQueue)) {
        waiter.cleanup();
        waiter.reject(this.queueError(waiter.call, "queue"));
      }
    }
    if (waitMs > maxWaitMs) {
      for (const waiter of this.queue.splice(0)) {
        waiter.cleanup();
        waiter.reject(this.queueError(waiter.call, "wait"));
      }
    }
  }

  /**
   * One abort listener per signal, however many waiting calls share it (a job passing one signal to 100 calls
   * would otherwise trip Node's MaxListenersExceededWarning).
   */
  private watch(signal: AbortSignal): void {
    let entry = this.watched.get(signal);
    if (!entry) {
      const onAbort = () => {
        this.watched.delete(signal);
        for (const waiter of this.queue.filter((w) => w.call.signal === signal)) this.drop(waiter, signal.reason);
      };
      entry = { waiting: 0, onAbort };
      this.watched.set(signal, entry);
      signal.addEventListener("abort", onAbort, { once: true });
    }
    entry.waiting++;
  }

  private unwatch(signal: AbortSignal): void {
    const entry = this.watched.get(signal);
    if (!entry || --entry.waiting > 0) return;
    this.watched.delete(signal);
    signal.removeEventListener("abort", entry.onAbort);
  }

  private drop(waiter: Waiter, reason: unknown): void {
    const index = this.queue.indexOf(waiter);
    if (index < 0) return;
    this.queue.splice(index, 1);
    waiter.cleanup();
    waiter.reject(reason);
    if (this.queue.length === 0) this.wake?.();
  }

  private queueError(call: LimitedCall, reason: "queue" | "wait"): YclientsRateLimitQueueError {
    const why =
      reason === "queue"
        ? `${this.settings.maxQueue} calls are already waiting for quota (rateLimit.maxQueue)`
        : `quota would not free up within ${this.settings.maxWaitMs}ms (rateLimit.maxWaitMs)`;
    if (this.log.ratelimit.enabled)
      this.log.ratelimit(
        { method: call.method, path: call.path, refused: reason },
        "%s %s refused by the local queue: %s",
        call.method,
        call.path,
        why,
      );
    return new YclientsRateLimitQueueError(
      `${call.method} ${call.path} was not sent: the local rate-limit queue is full, ${why}. ` +
        "This is the SDK's own limit, not an HTTP 429 from the server.",
      { method: call.method, path: call.path, attempts: 0, reason },
    );
  }

  /** Asks the store for one slot. Never throws: a store's failure is an attempt that failed. */
  private async tryAcquire(leaseMs: number): Promise<Attempt> {
    const id = `${this.idPrefix}:${++this.nextId}`;
    const pausedFor = this.pausedUntil - clock();
    if (pausedFor > 0) return { granted: false, waitMs: pausedFor, paused: true };
    let result: AcquireResult;
    try {
      result = await this.store.acquire({ windows: this.settings.windows, id, leaseMs });
    } catch (error) {
      // It may have recorded the request all the same: take it back.
      this.cancel({ id });
      return { granted: false, failed: error };
    }
    return result.granted ? { granted: true, grant: { id } } : result;
  }

  private release(grant: Grant): void {
    // Not awaited by the caller: the answer is already there. A lost release only keeps the slot
    // counted until its lease ends, which errs on the safe side.
    this.store.release(grant.id).then(
      () => this.wake?.(),
      () => undefined,
    );
  }

  /** A grant that was never used: it counts nowhere. Not awaited (see release). */
  private cancel(grant: Grant): void {
    const { store } = this;
    (store.cancel ? store.cancel(grant.id) : store.release(grant.id)).catch(() => undefined);
    this.wake?.();
  }

  /** A 429: every caller sharing the store waits `Retry-After` (default: the shortest window). */
  private pauseAll(retryAfter: string | null): void {
    const shortest = Math.min(...this.settings.windows.map((w) => w.windowMs));
    const ms = Math.min(parseRetryAfter(retryAfter) ?? shortest, MAX_PAUSE_MS);
    if (this.log.ratelimit.enabled)
      this.log.ratelimit(
        { status: 429, pauseMs: ms },
        "HTTP 429: pausing every caller that shares the quota for %dms",
        ms,
      );
    this.pausedUntil = Math.max(this.pausedUntil, clock() + ms);
    this.store.pause(ms).catch(() => undefined);
  }
}
