// One limiter per client (shared by its scoped clients, since the quota belongs to the IP). Calls wait
// in a FIFO queue until the store grants them quota; only the head of the queue asks the store, so
// order is kept and a full window costs one store call per wait, not one per waiting call. When a
// shared store fails or is slow, a local sliding log with a share of the quota takes over, so calls
// never hang on the store.
import { log as defaultLog, type Log } from "../log.js";
import { parseRetryAfter } from "../retry-after.js";
import type { RateLimitSettings } from "./options.js";
import { YclientsRateLimitQueueError } from "./queue-error.js";
import { SlidingLog } from "./sliding-log.js";
import type { RateLimitWindow } from "./store.js";

/** What the limiter knows about the call it holds back: enough to name it in an error, never a secret. */
export interface LimitedCall {
  method: string;
  path: string;
  signal?: AbortSignal;
}

/** A granted slot; `local` when the fallback log granted it rather than the store. */
interface Grant {
  id: string;
  local: boolean;
}

interface Waiter {
  call: LimitedCall;
  leaseMs: number;
  resolve(grant: Grant): void;
  reject(error: unknown): void;
  /** Detaches the abort listener and the wait-cap timer. */
  cleanup(): void;
}

type Attempt = { granted: true; grant: Grant } | { granted: false; waitMs: number; paused: boolean };

/** How long an unreleased slot may count as "in flight" beyond the attempt's own timeout. */
const LEASE_SLACK_MS = 1_000;
/** After the store failed, how long the local fallback runs before the store is tried again. */
const STORE_RETRY_MS = 2_000;
/** The longest pause a 429 may impose on everyone, whatever its `Retry-After` says. */
const MAX_PAUSE_MS = 60_000;

class StoreTimeout extends Error {
  readonly code = "timeout";
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StoreTimeout(`no answer within ${ms}ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** A store failure described without its message (a connection string could be in it). */
function describe(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === "string" || typeof code === "number") return String(code);
  return error instanceof Error ? error.name : typeof error;
}

export class RateLimiter {
  private readonly queue: Waiter[] = [];
  private readonly watched = new Map<AbortSignal, { waiting: number; onAbort: () => void }>();
  private pumping = false;
  /** Ends the pump's current wait early (a slot was released, or the queue emptied). */
  private wake?: () => void;
  /** Set while the store is failing: local grants until `retryAt`. */
  private outage?: { retryAt: number };
  /**
   * This process's own requests, whoever granted them: during an outage it is the limiter, and it already
   * knows what this process sent just before the store failed.
   */
  private readonly local = new SlidingLog();
  private readonly longestMs: number;
  /** Set by a 429 seen here, so this process stops at once even before a shared store records the pause. */
  private pausedUntil = 0;
  /** While the pump waits: when the head may be served at the earliest. */
  private blockedUntil = 0;
  private readonly fallbackWindows: RateLimitWindow[];
  private readonly idPrefix = Math.random().toString(36).slice(2, 10);
  private nextId = 0;

  private readonly log: Log;

  constructor(
    private readonly settings: RateLimitSettings,
    log: Log = defaultLog,
  ) {
    this.log = log;
    this.longestMs = Math.max(...settings.windows.map((w) => w.windowMs));
    this.fallbackWindows = settings.windows.map((w) => ({
      limit: Math.max(1, Math.floor(w.limit * settings.fallbackShare)),
      windowMs: w.windowMs,
    }));
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
    const blockedFor = this.blockedUntil - Date.now();
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
      this.queue.push(waiter);
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
        const attempt = await this.tryAcquire(head.leaseMs);
        if (this.queue[0] !== head) {
          // The head gave up (aborted, or its wait cap) while the store answered: hand the slot back.
          if (attempt.granted) this.release(attempt.grant);
          continue;
        }
        if (attempt.granted) {
          this.queue.shift();
          head.cleanup();
          head.resolve(attempt.grant);
          continue;
        }
        this.refuseHopeless(attempt.waitMs);
        if (this.queue.length === 0) break;
        if (this.log.ratelimit.enabled) {
          this.log.ratelimit(
            "%d call(s) waiting; next in %dms (%s)",
            this.queue.length,
            Math.ceil(attempt.waitMs),
            attempt.paused ? "paused after a 429" : "window full",
          );
        }
        this.blockedUntil = Date.now() + attempt.waitMs;
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
      this.log.ratelimit("%s %s refused by the local queue: %s", call.method, call.path, why);
    return new YclientsRateLimitQueueError(
      `${call.method} ${call.path} was not sent: the local rate-limit queue is full, ${why}. ` +
        "This is the SDK's own limit, not an HTTP 429 from the server.",
      { method: call.method, path: call.path, attempts: 0, reason },
    );
  }

  /** Asks the store (or, during an outage, the local fallback log) for one slot. Never throws. */
  private async tryAcquire(leaseMs: number): Promise<Attempt> {
    const id = `${this.idPrefix}:${++this.nextId}`;
    const { store, windows } = this.settings;
    const pausedFor = this.pausedUntil - Date.now();
    if (pausedFor > 0) return { granted: false, waitMs: pausedFor, paused: true };
    if (this.outage && Date.now() < this.outage.retryAt) return this.acquireLocally(id, leaseMs);
    try {
      const result = await this.guard(store.acquire({ windows, id, leaseMs }));
      if (this.outage) {
        this.outage = undefined;
        if (this.log.ratelimit.enabled) this.log.ratelimit("the store answers again: back to the shared quota");
      }
      if (!result.granted) return result;
      if (this.settings.sharedStore) this.local.record(Date.now(), id, leaseMs, this.longestMs);
      return { granted: true, grant: { id, local: false } };
    } catch (error) {
      if (!this.outage && this.log.ratelimit.enabled) {
        this.log.ratelimit(
          "the store failed (%s): using a local limiter with %d%% of the quota until it answers again",
          describe(error),
          Math.round(this.settings.fallbackShare * 100),
        );
      }
      this.outage = { retryAt: Date.now() + STORE_RETRY_MS };
      return this.acquireLocally(id, leaseMs);
    }
  }

  /** A shared store's answer, or a failure once it is `storeTimeoutMs` late; the built-in memory store answers at once. */
  private guard<T>(promise: Promise<T>): Promise<T> {
    return this.settings.sharedStore ? withTimeout(promise, this.settings.storeTimeoutMs) : promise;
  }

  private acquireLocally(id: string, leaseMs: number): Attempt {
    const result = this.local.acquire(Date.now(), this.fallbackWindows, id, leaseMs);
    return result.granted ? { granted: true, grant: { id, local: true } } : result;
  }

  private release(grant: Grant): void {
    this.local.release(Date.now(), grant.id);
    if (grant.local) {
      this.wake?.();
      return;
    }
    // Not awaited by the caller: the answer is already there. A lost release only keeps the slot
    // counted until its lease ends, which errs on the safe side.
    this.guard(this.settings.store.release(grant.id)).then(
      () => this.wake?.(),
      () => undefined,
    );
  }

  /** A 429: every caller sharing the store waits `Retry-After` (default: the shortest window). */
  private pauseAll(retryAfter: string | null): void {
    const shortest = Math.min(...this.settings.windows.map((w) => w.windowMs));
    const ms = Math.min(parseRetryAfter(retryAfter) ?? shortest, MAX_PAUSE_MS);
    if (this.log.ratelimit.enabled)
      this.log.ratelimit("HTTP 429: pausing every caller that shares the quota for %dms", ms);
    this.pausedUntil = Math.max(this.pausedUntil, Date.now() + ms);
    this.guard(this.settings.store.pause(ms)).catch(() => undefined);
  }
}
