// The sliding log a fail-safe store (fail-safe-store.ts) keeps of this process's own requests: it also records the
// requests the shared store granted, so that while the store fails the fallback already counts them; it lists them
// all for the store's `restore` afterwards; and during an outage it can hold back room for other processes'
// requests. Kept out of sliding-log.ts, which every client carries (the memory store), because only a fail-safe
// store needs these methods.
import { SlidingLog } from "./sliding-log.js";
import type { AcquireResult, RateLimitWindow } from "./store.js";

/** One request the log still counts. */
export interface LoggedRequest {
  id: string;
  /** The time it counts from; for a request still in flight, when its lease ends. */
  at: number;
  inFlight: boolean;
}

/** Room a window keeps for other processes' requests until `until` (see `holdBack`). */
interface HeldBack {
  windowMs: number;
  count: number;
  until: number;
}

export class FallbackLog extends SlidingLog {
  private held: HeldBack[] = [];

  /** Leaves `count` fewer slots in the window of that length until `until` (replaces what was held back before). */
  holdBack(held: HeldBack[]): void {
    this.held = held.filter((h) => h.count > 0);
    this.version++;
  }

  override check(
    now: number,
    windows: readonly RateLimitWindow[],
  ): Exclude<AcquireResult, { granted: true }> | undefined {
    if (this.held.length > 0) this.held = this.held.filter((h) => h.until > now);
    if (this.held.length === 0) return super.check(now, windows);
    const narrowed = windows.map((w) => {
      const held = this.held.find((h) => h.windowMs === w.windowMs);
      return held ? { limit: w.limit - held.count, windowMs: w.windowMs } : w;
    });
    const refused = super.check(now, narrowed);
    if (!refused || refused.paused) return refused;
    // Room may come back when what is held back ends, before any of this process's own requests leave the window.
    const ends = Math.min(...this.held.map((h) => h.until)) - now;
    return { ...refused, waitMs: Math.max(1, Math.min(refused.waitMs, ends)) };
  }

  /** How many of this process's requests each window holds now, in flight or finished. */
  counts(now: number, windows: readonly RateLimitWindow[]): number[] {
    const entries = this.entries(now);
    return windows.map((w) => entries.filter((e) => e.inFlight || e.at > now - w.windowMs).length);
  }

  /** Records a request granted elsewhere (by a shared store), so a later fallback to this log knows about it. */
  record(now: number, id: string, leaseMs: number, longestMs: number): void {
    this.longestMs = Math.max(this.longestMs, longestMs);
    this.advance(now);
    this.inFlight.set(id, now + leaseMs);
    this.version++;
  }

  /** Every request that still counts in the longest window: finished ones oldest first, then those in flight. */
  entries(now: number): LoggedRequest[] {
    this.advance(now);
    const out: LoggedRequest[] = [];
    for (let i = this.head; i < this.times.length; i++)
      out.push({ id: this.ids[i], at: this.times[i], inFlight: false });
    for (const [id, at] of this.inFlight) out.push({ id, at, inFlight: true });
    return out;
  }
}
