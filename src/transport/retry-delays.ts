// How long to wait between attempts: exponential growth by `expoFactor` from `baseDelay`, with
// optional ±50 % jitter, plus the server's own `Retry-After`. Shared by the transport and `backoff()`.
import { ExponentialBackoff, type GeneratorFn, type IBackoff } from "cockatiel";
import type { BackoffSettings } from "../config.js";
import { subscribeAbort } from "./abort.js";

/**
 * cockatiel's own no-jitter generator hard-codes powers of two and ignores `exponent`; this one honours
 * it, so YCLIENTS_BACKOFF_EXPO_FACTOR=2.1 really gives 0.5 s, 1.05 s, 2.2 s …
 * State is the number of delays handed out so far.
 */
export function exponentGenerator(jitter: boolean, random: () => number = Math.random): GeneratorFn<number> {
  return (state, options) => {
    const step = state ?? 0;
    const plain = options.initialDelay * Math.pow(options.exponent, step);
    const delay = jitter ? plain * (0.5 + random()) : plain;
    return [Math.min(options.maxDelay, delay), step + 1];
  };
}

/** A fresh delay sequence for one call: `.next()` yields the first delay, then each following one. */
export function backoffSequence(settings: BackoffSettings, random?: () => number): ExponentialBackoff<number> {
  return new ExponentialBackoff({
    initialDelay: settings.baseDelay * 1000,
    exponent: settings.expoFactor,
    maxDelay: 120_000,
    generator: exponentGenerator(settings.jitter, random),
  });
}

/** Steps through a backoff sequence one delay at a time. */
export class DelayPlan {
  private current?: IBackoff<unknown>;
  constructor(private readonly factory: ExponentialBackoff<number>) {}

  next(): number {
    this.current = this.current ? this.current.next(undefined) : this.factory.next();
    return this.current.duration;
  }
}

/** Waits `ms`, or rejects with the signal's reason the moment it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    // Through the shared fan-out, so any number of waits on one signal add one listener (abort.ts).
    const unsubscribe = signal
      ? subscribeAbort(signal, () => {
          clearTimeout(timer);
          reject(signal.reason);
        })
      : undefined;
    const timer = setTimeout(() => {
      unsubscribe?.();
      resolve();
    }, ms);
  });
}
