// The sliding-log rule shared by the memory store and the Redis fallback: every request's time is kept
// for the longest window, and a request may go when each window holds fewer than its limit. The Lua
// script in redis-store.ts is the same rule, run inside Redis.
import { IN_FLIGHT_RECHECK_MS, type AcquireResult, type RateLimitWindow } from "./store.js";

export class SlidingLog {
  /** Request id → the time it counts from (in the future while it is in flight). */
  private readonly times = new Map<string, number>();
  private pausedUntil = 0;
  private prunedAt = 0;

  acquire(now: number, windows: readonly RateLimitWindow[], id: string, leaseMs: number): AcquireResult {
    if (this.pausedUntil > now) return { granted: false, waitMs: this.pausedUntil - now, paused: true };
    let longest = 0;
    for (const w of windows) longest = Math.max(longest, w.windowMs);
    // One pass: forget what left the longest window, count what is inside each window.
    const inside = windows.map(() => 0);
    for (const [key, at] of this.times) {
      if (at <= now - longest) {
        this.times.delete(key);
        continue;
      }
      for (let i = 0; i < windows.length; i++) if (at > now - windows[i].windowMs) inside[i]++;
    }

    let waitMs = 0;
    windows.forEach(({ limit, windowMs }, i) => {
      if (inside[i] < limit) return;
      const times: number[] = [];
      for (const at of this.times.values()) if (at > now - windowMs) times.push(at);
      times.sort((a, b) => a - b);
      // Once this entry (and every older one) leaves the window, there is room for one more.
      const blocking = times[times.length - limit];
      const free = blocking + windowMs - now;
      waitMs = Math.max(waitMs, blocking > now ? Math.min(free, IN_FLIGHT_RECHECK_MS) : free);
    });
    if (waitMs > 0) return { granted: false, waitMs, paused: false };
    this.times.set(id, now + leaseMs);
    return { granted: true };
  }

  /** Records a request granted elsewhere (by a shared store), so a later fallback to this log knows about it. */
  record(now: number, id: string, leaseMs: number, longestMs: number): void {
    // Pruning walks every entry; once a second keeps recording O(1) per request on average.
    if (now - this.prunedAt >= 1_000) {
      this.forget(now - longestMs);
      this.prunedAt = now;
    }
    this.times.set(id, now + leaseMs);
  }

  private forget(before: number): void {
    for (const [key, at] of this.times) if (at <= before) this.times.delete(key);
  }

  release(now: number, id: string): void {
    if (this.times.has(id)) this.times.set(id, now);
  }

  pause(now: number, ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, now + ms);
  }
}
