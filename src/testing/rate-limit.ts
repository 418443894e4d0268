// The published limit: 5 requests per second and 200 per rolling minute. Each client key keeps
// the times of its accepted requests for the last minute (at most perMinute entries), so the
// memory per key is bounded; rejected requests are not counted.
import type { RateLimitOptions } from "./options.js";

export class RateLimiter {
  private readonly log = new Map<string, number[]>();

  constructor(private readonly limits: Required<RateLimitOptions>) {}

  /** Records a request at `now` (ms) and returns undefined, or the seconds to wait when over the limit. */
  take(key: string, now: number): number | undefined {
    let times = this.log.get(key);
    if (!times) this.log.set(key, (times = []));
    while (times.length && times[0] <= now - 60_000) times.shift();

    const lastSecond = times.filter((t) => t > now - 1_000);
    if (lastSecond.length >= this.limits.perSecond) {
      return Math.max(1, Math.ceil((lastSecond[lastSecond.length - this.limits.perSecond] + 1_000 - now) / 1_000));
    }
    if (times.length >= this.limits.perMinute) {
      return Math.max(1, Math.ceil((times[times.length - this.limits.perMinute] + 60_000 - now) / 1_000));
    }
    times.push(now);
    // Forget idle clients so the map cannot grow without bound.
    if (this.log.size > 1_000) {
      for (const [k, v] of this.log) if (!v.length || v[v.length - 1] <= now - 60_000) this.log.delete(k);
    }
    return undefined;
  }

  reset(): void {
    this.log.clear();
  }
}
