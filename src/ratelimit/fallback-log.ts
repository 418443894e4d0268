// The sliding log a fail-safe store (fail-safe-store.ts) keeps of this process's own requests: it also records the
// requests the shared store granted, so that while the store fails the fallback already counts them, and it lists
// them all for the store's `restore` afterwards. Kept out of sliding-log.ts, which every client carries (the memory
// store), because only a fail-safe store needs these two methods.
import { SlidingLog } from "./sliding-log.js";

/** One request the log still counts. */
export interface LoggedRequest {
  id: string;
  /** The time it counts from; for a request still in flight, when its lease ends. */
  at: number;
  inFlight: boolean;
}

export class FallbackLog extends SlidingLog {
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
