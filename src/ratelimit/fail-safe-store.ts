// A store that can fail (Redis), behind a fail-safe: when it fails or is slow, a local sliding log with a share of
// the quota takes over, so calls never hang on the store; the store is probed in the background, and before it
// grants again it is given back what this process sent meanwhile (`restore`). Times shared between processes are
// the store's own clock (Redis `TIME`); local ones are monotonic.
//
// It lives with the stores that need it (`yclients-client/redis`), not in the client: a client whose quota is kept
// in memory (the default, and every browser or Worker) never carries it. A store opts in through `forLimiter`.
import type { Log } from "../log.js";
import { monotonicNow as clock } from "./memory-store.js";
import { FallbackLog } from "./fallback-log.js";
import type {
  AcquireRequest,
  AcquireResult,
  LimiterContext,
  RateLimitStore,
  RateLimitWindow,
  RestoreRequest,
} from "./store.js";

/** While the store is failing, how often it is probed in the background (never by a waiting call). */
const PROBE_MS = 250;

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

/**
 * `store` as one client's limiter should use it (from the store's `forLimiter`). Give your own store that can fail
 * the same protection with `forLimiter(context) { return new FailSafeRateLimitStore(this, context); }`.
 */
export class FailSafeRateLimitStore implements RateLimitStore {
  /** Set while the store is failing (or forgot what it knew): local grants, and a probe in the background. */
  private outage?: { since: number };
  private probing = false;
  /** The store's generation seen last; a store that lost its memory has a new one and asks to be restored. */
  private generation?: string;
  /**
   * This process's own requests, whoever granted them: during an outage it is the limiter, and it already
   * knows what this process sent just before the store failed.
   */
  private readonly local = new FallbackLog();
  /** Requests the local log granted (during an outage): their release and cancel never reach the store. */
  private readonly localGrants = new Set<string>();
  private readonly longestMs: number;
  private readonly fallbackWindows: RateLimitWindow[];
  private readonly idPrefix = Math.random().toString(36).slice(2, 10);
  private nextProbe = 0;
  private readonly log: Log;
  /** What the shared store said its windows held at its last grant to this process, and when (local clock). */
  private lastSeen?: { at: number; counts: readonly number[] };

  constructor(
    private readonly store: RateLimitStore,
    private readonly context: LimiterContext,
  ) {
    this.log = context.log;
    this.longestMs = Math.max(...context.windows.map((w) => w.windowMs));
    this.fallbackWindows = context.windows.map((w) => ({
      limit: Math.max(1, Math.floor(w.limit * context.fallbackShare)),
      windowMs: w.windowMs,
    }));
  }

  /** Asks the store (or, during an outage, the local fallback log) for one slot. Never throws. */
  async acquire(request: AcquireRequest): Promise<AcquireResult> {
    const { windows, id, leaseMs } = request;
    if (this.outage) return this.acquireLocally(id, leaseMs);
    const shareWaitMs = this.local.check(clock(), this.fallbackWindows)?.waitMs ?? 0;
    let result;
    try {
      result = await this.guard(this.store.acquire({ windows, id, leaseMs, generation: this.generation, shareWaitMs }));
    } catch (error) {
      // A late answer may still grant it (a frozen Redis runs the queued script when it wakes): take it back.
      this.cancelInStore(id);
      this.startOutage(`the store failed (${describe(error)})`);
      return this.acquireLocally(id, leaseMs);
    }
    if (result.generation !== undefined) this.generation = result.generation;
    if (!result.granted && result.restore) {
      this.startOutage("the store lost what it knew (restarted empty?)");
      return this.acquireLocally(id, leaseMs);
    }
    if (!result.granted) return result;
    const now = clock();
    if (result.counts?.length === windows.length) this.lastSeen = { at: now, counts: result.counts };
    this.local.record(now, id, leaseMs, this.longestMs);
    return { granted: true };
  }

  release(id: string): Promise<void> {
    this.local.release(clock(), id);
    if (this.localGrants.delete(id)) return Promise.resolve();
    return this.guard(this.store.release(id));
  }

  /** A grant that was never used: it counts nowhere. */
  cancel(id: string): Promise<void> {
    this.local.cancel(id);
    if (!this.localGrants.delete(id)) this.cancelInStore(id);
    return Promise.resolve();
  }

  pause(ms: number): Promise<void> {
    return this.guard(this.store.pause(ms));
  }

  /** Switches to the local fallback and starts probing the store in the background. */
  private startOutage(why: string): void {
    if (!this.outage) {
      this.outage = { since: clock() };
      this.holdBackForOthers(this.outage.since);
      if (this.log.ratelimit.enabled) {
        this.log.ratelimit(
          { store: "outage", fallbackShare: this.context.fallbackShare },
          "%s: using a local limiter with %d%% of the quota until it answers again",
          why,
          Math.round(this.context.fallbackShare * 100),
        );
      }
    }
    void this.probe();
  }

  /**
   * While the outage lasts: every PROBE_MS, give the store back this process's requests of the last window. Once
   * that succeeds with nothing granted locally in the meantime, the store has the full picture and takes over.
   */
  private async probe(): Promise<void> {
    if (this.probing) return;
    this.probing = true;
    try {
      while (this.outage) {
        const version = this.local.version;
        if (await this.probeOnce()) {
          if (this.local.version !== version) continue; // granted locally meanwhile: write that back too
          this.outage = undefined;
          this.local.holdBack([]);
          if (this.log.ratelimit.enabled)
            this.log.ratelimit({ store: "recovered" }, "the store answers again: back to the shared quota");
          this.context.wake();
          break;
        }
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, PROBE_MS);
          // A probe alone does not keep the process alive (Node; other runtimes have no unref).
          (timer as { unref?: () => void }).unref?.();
        });
      }
    } finally {
      this.probing = false;
    }
  }

  /** One probe: true when the store answered (and, if it can, took back this process's requests). */
  private async probeOnce(): Promise<boolean> {
    const { windows } = this.context;
    try {
      if (this.store.restore) {
        const now = clock();
        const requests = this.local.entries(now).map((r) => ({ id: r.id, fromNowMs: r.at - now }));
        const restore: RestoreRequest = { windows, requests };
        const { generation } = await this.guard(this.store.restore(restore));
        if (generation !== undefined) this.generation = generation;
        return true;
      }
      const id = `${this.idPrefix}:probe:${++this.nextProbe}`;
      const result = await this.guard(this.store.acquire({ windows, id, leaseMs: 1, generation: this.generation }));
      if (result.granted) this.cancelInStore(id);
      return true;
    } catch {
      return false;
    }
  }

  /**
   * The share alone counts only this process's requests: after uneven use (another process took more than its
   * share just before the outage) the shares together would go over the limit. So until the windows the store
   * last reported have passed, this process may send only its share of what they had left, `share × (limit −
   * held)`, plus what of its own leaves the window meanwhile; shares that sum to at most 1 then stay within every
   * limit. After even use this changes nothing. What it cannot see: grants to other processes after its own last.
   */
  private holdBackForOthers(now: number): void {
    const seen = this.lastSeen;
    if (!seen) return;
    const { windows, fallbackShare } = this.context;
    const own = this.local.counts(now, windows);
    this.local.holdBack(
      windows
        .map((w, i) => ({
          windowMs: w.windowMs,
          until: seen.at + w.windowMs,
          count:
            this.fallbackWindows[i].limit - Math.floor(fallbackShare * Math.max(0, w.limit - seen.counts[i])) - own[i],
        }))
        .filter((h) => h.until > now),
    );
  }

  /** The store's answer, or a failure once it is `storeTimeoutMs` late. */
  private guard<T>(promise: Promise<T>): Promise<T> {
    return withTimeout(promise, this.context.storeTimeoutMs);
  }

  private acquireLocally(id: string, leaseMs: number): AcquireResult {
    const result = this.local.acquire(clock(), this.fallbackWindows, id, leaseMs);
    if (result.granted) this.localGrants.add(id);
    return result;
  }

  /** Not awaited, and not timed out: a store that is away runs it after the acquire it undoes (same connection). */
  private cancelInStore(id: string): void {
    (this.store.cancel ? this.store.cancel(id) : this.store.release(id)).catch(() => undefined);
  }
}
