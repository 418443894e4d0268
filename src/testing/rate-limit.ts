// The published limit, as strictly as the real API: 5 requests per second and 200 per rolling minute,
// per IP. Each window is a rolling window (a request counts for exactly `windowMs` after it arrived),
// and the window lengths are options so tests can exercise both limits in seconds. Each key keeps the
// arrival times of its accepted requests for the longest window only, so memory per key is bounded;
// refused requests do not count.
import type { RateLimitWindow } from "./options.js";

export class RateLimiter {
  private readonly log = new Map<string, number[]>();
  private readonly longest: number;

  constructor(private readonly windows: readonly RateLimitWindow[]) {
    if (windows.length === 0) throw new TypeError("rateLimit needs at least one window");
    for (const w of windows) {
      if (!Number.isInteger(w.limit) || w.limit < 1 || !(w.windowMs > 0)) {
        throw new TypeError("each rate-limit window needs a positive integer limit and a positive windowMs");
      }
    }
    this.longest = Math.max(...windows.map((w) => w.windowMs));
  }

  /** Records a request at `now` (ms) and returns undefined, or the whole seconds to wait when over a limit. */
  take(key: string, now: number): number | undefined {
    let times = this.log.get(key);
    if (!times) this.log.set(key, (times = []));
    while (times.length && times[0] <= now - this.longest) times.shift();

    let waitMs = 0;
    for (const { limit, windowMs } of this.windows) {
      // Times are in arrival order: the ones inside this window are a suffix of the list.
      let inside = 0;
      for (let i = times.length - 1; i >= 0 && times[i] > now - windowMs; i--) inside++;
      if (inside >= limit) waitMs = Math.max(waitMs, times[times.length - limit] + windowMs - now);
    }
    if (waitMs > 0) return Math.max(1, Math.ceil(waitMs / 1_000));
    times.push(now);
    // Forget idle clients so the map cannot grow without bound.
    if (this.log.size > 1_000) {
      for (const [k, v] of this.log) if (!v.length || v[v.length - 1] <= now - this.longest) this.log.delete(k);
    }
    return undefined;
  }

  reset(): void {
    this.log.clear();
  }
}
