// The client's rate-limit store, in this process as by default, counting how often a call had to wait for
// quota: the progress line shows it, so a slow export is visibly the rate limit and not the network.
import { MemoryRateLimitStore } from "../ratelimit/memory-store.js";
import type { AcquireRequest, AcquireResult, RateLimitStore } from "../ratelimit/store.js";
import type { ProgressCounters } from "./progress.js";

export class CountingRateLimitStore implements RateLimitStore {
  private readonly inner = new MemoryRateLimitStore();

  constructor(private readonly counters: ProgressCounters) {}

  async acquire(request: AcquireRequest): Promise<AcquireResult> {
    const result = await this.inner.acquire(request);
    if (!result.granted) this.counters.rateLimitWaits++;
    return result;
  }

  release(id: string): Promise<void> {
    return this.inner.release(id);
  }

  pause(ms: number): Promise<void> {
    return this.inner.pause(ms);
  }
}
