// The sliding-log rule shared by the memory store and the Redis fallback: every request's time is kept
// for the longest window, and a request may go when each window holds fewer than its limit. The Lua
// script in redis-store.ts is the same rule, run inside Redis.
//
// The cost of a decision does not grow with the number of entries: finished requests are kept in time
// order, so expiry pops from the front and each window keeps a pointer to its first entry (a running
// count); requests in flight are a map of their own, and they count in every window until released.
import { IN_FLIGHT_RECHECK_MS, type AcquireResult, type RateLimitWindow } from "./store.js";

/** How often leases that ran out (a request never released) are looked for; until then they count as in flight. */
const LEASE_SWEEP_MS = 1_000;

export class SlidingLog {
  /** Finish times, oldest first; the live part is [head, length). */
  protected times: number[] = [];
  protected ids: string[] = [];
  protected head = 0;
  /** Window length → index of its first entry inside the window, as of the last look. */
  private readonly firstInside = new Map<number, number>();
  /** Requests in flight: id → when their lease ends (if never released, they count from then). */
  protected readonly inFlight = new Map<string, number>();
  protected longestMs = 0;
  private pausedUntil = -Infinity;
  private sweptAt = -Infinity;
  /** Grows with every change; lets a caller tell whether anything was recorded since it last looked (fallback-log.ts). */
  version = 0;

  acquire(now: number, windows: readonly RateLimitWindow[], id: string, leaseMs: number): AcquireResult {
    const refused = this.check(now, windows);
    if (refused) return refused;
    this.inFlight.set(id, now + leaseMs);
    this.version++;
    return { granted: true };
  }

  /** What `acquire` would answer, without recording anything: undefined when a request may go now. */
  check(now: number, windows: readonly RateLimitWindow[]): Exclude<AcquireResult, { granted: true }> | undefined {
    if (this.pausedUntil > now) return { granted: false, waitMs: this.pausedUntil - now, paused: true };
    for (const w of windows) this.longestMs = Math.max(this.longestMs, w.windowMs);
    this.advance(now);
    let waitMs = 0;
    for (const { limit, windowMs } of windows) {
      const first = this.firstIndex(now, windowMs);
      const finished = this.times.length - first;
      const inside = finished + this.inFlight.size;
      if (inside < limit) continue;
      // Inside the window, oldest first: the finished entries, then those in flight (they count as "now or later").
      // Once the entry at `inside - limit` (and every older one) leaves the window, there is room for one more.
      const k = inside - limit;
      const wait =
        k < finished ? Math.max(1, this.times[first + k] + windowMs - now) : Math.min(windowMs, IN_FLIGHT_RECHECK_MS);
      waitMs = Math.max(waitMs, wait);
    }
    return waitMs > 0 ? { granted: false, waitMs, paused: false } : undefined;
  }

  /** The request is finished: from now on it counts from `now`. */
  release(now: number, id: string): void {
    if (!this.inFlight.delete(id)) return;
    this.insert(now, id);
    this.version++;
  }

  /** Forgets a request that was never sent. */
  cancel(id: string): void {
    if (this.inFlight.delete(id)) this.version++;
  }

  pause(now: number, ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, now + ms);
  }

  /** Drops what left the longest window, and turns leases that ran out into finished entries. */
  protected advance(now: number): void {
    if (now - this.sweptAt >= LEASE_SWEEP_MS || now < this.sweptAt) {
      this.sweptAt = now;
      for (const [id, end] of this.inFlight) {
        if (end > now) continue;
        this.inFlight.delete(id);
        this.insert(end, id);
      }
    }
    const before = now - this.longestMs;
    while (this.head < this.times.length && this.times[this.head] <= before) this.head++;
    // Compact now and then, so the arrays hold about one window's entries: amortised O(1) per entry.
    if (this.head > 1_024 && this.head * 2 > this.times.length) {
      this.times = this.times.slice(this.head);
      this.ids = this.ids.slice(this.head);
      for (const [w, index] of this.firstInside) this.firstInside.set(w, Math.max(0, index - this.head));
      this.head = 0;
    }
  }

  /** The index of the first entry inside the window ending at `now`; moves a pointer, usually by 0 or 1. */
  private firstIndex(now: number, windowMs: number): number {
    const from = now - windowMs;
    let i = Math.max(this.head, this.firstInside.get(windowMs) ?? this.head);
    while (i < this.times.length && this.times[i] <= from) i++;
    while (i > this.head && this.times[i - 1] > from) i--;
    this.firstInside.set(windowMs, i);
    return i;
  }

  /** Adds a finish time in order: an append, except for a lease that ran out before the last finish. */
  private insert(at: number, id: string): void {
    const { times } = this;
    if (times.length === this.head || times[times.length - 1] <= at) {
      times.push(at);
      this.ids.push(id);
      return;
    }
    let low = this.head;
    let high = times.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (times[mid] <= at) low = mid + 1;
      else high = mid;
    }
    times.splice(low, 0, at);
    this.ids.splice(low, 0, id);
    // A pointer past the new entry still points at the same entry after the shift.
    for (const [w, index] of this.firstInside) if (index > low) this.firstInside.set(w, index + 1);
  }
}
