// The default store: the quota lives in this process. Right for one process per egress IP.
import { SlidingLog } from "./sliding-log.js";
import type { AcquireRequest, AcquireResult, RateLimitStore } from "./store.js";

/** Monotonic milliseconds: a wall clock stepped back or forward (NTP, a VM resumed) moves no window. */
export const monotonicNow = (): number => performance.now();

export class MemoryRateLimitStore implements RateLimitStore {
  private readonly log = new SlidingLog();

  /** `now` is the clock in ms (default: monotonic, `performance.now`); the benchmark steps it to measure a steady state. */
  constructor(private readonly now: () => number = monotonicNow) {}

  acquire(request: AcquireRequest): Promise<AcquireResult> {
    return Promise.resolve(this.log.acquire(this.now(), request.windows, request.id, request.leaseMs));
  }

  release(id: string): Promise<void> {
    this.log.release(this.now(), id);
    return Promise.resolve();
  }

  cancel(id: string): Promise<void> {
    this.log.cancel(id);
    return Promise.resolve();
  }

  pause(ms: number): Promise<void> {
    this.log.pause(this.now(), ms);
    return Promise.resolve();
  }
}
