// The retry loop: cockatiel's RetryPolicy decides and counts; the waits are ours, because cockatiel's
// own backoff wait cannot be interrupted by an AbortSignal. Used by the transport and by `backoff()`.
//
// The policy is built from its two parts, as cockatiel's own `retry(handleWhen(…))` builds it, but without going
// through its `Policy` builder class: that class (every builder method, and NoopPolicy with it) would otherwise
// be in every bundle of the client. ExecuteWrapper is not re-exported by cockatiel's index, hence the deep import
// (scripts/lazy-cockatiel.ts points bundles at its ES module).
import { ConstantBackoff, RetryPolicy } from "cockatiel";
import { ExecuteWrapper } from "cockatiel/dist/common/Executor";
import type { BackoffSettings } from "../config.js";
import { backoffSequence, DelayPlan, sleep } from "./retry-delays.js";

export interface RetryHooks<T, C = undefined> {
  /** Whether a thrown error should be tried again. */
  retryError(error: unknown): boolean;
  /** Whether a returned value should be tried again (e.g. a 503 response); never, when absent. */
  retryResult?(value: T): boolean;
  /** A wait the outcome itself asks for (e.g. `Retry-After`), overriding the backoff delay. */
  requestedDelay?(outcome: T | unknown): number | undefined;
  /** Called before each wait; for logging. `context` is what `run` was given (the transport's call). */
  onRetry?(info: { attempt: number; delayMs: number; outcome: T | unknown; context?: C }): void;
}

export class RetryRunner<T, C = undefined> {
  private readonly policy: RetryPolicy;

  constructor(
    private readonly settings: BackoffSettings,
    private readonly hooks: RetryHooks<T, C>,
    private readonly random?: () => number,
  ) {
    // cockatiel's maxAttempts counts retries, not attempts: maxTries 3 = 1 attempt + 2 retries.
    this.policy = new RetryPolicy(
      // No backoff of cockatiel's: `run` waits itself (the constant 0 is what `retry()` would give).
      { backoff: new ConstantBackoff(0), maxAttempts: settings.maxTries - 1 },
      new ExecuteWrapper(
        (error) => hooks.retryError(error),
        (value) => hooks.retryResult?.(value as T) ?? false,
      ),
    );
  }

  /** Runs `task` until it succeeds, fails for good, or runs out of attempts; `attempt` is 1-based. */
  async run(task: (attempt: number) => Promise<T>, signal?: AbortSignal, context?: C): Promise<T> {
    let plan: DelayPlan | undefined; // made on the first retry: most calls never need one
    let last: T | unknown;
    return this.policy.execute(async ({ attempt }) => {
      if (attempt > 0) {
        plan ??= new DelayPlan(backoffSequence(this.settings, this.random));
        const requested = this.hooks.requestedDelay?.(last);
        const delayMs = requested ?? plan.next();
        this.hooks.onRetry?.({ attempt: attempt + 1, delayMs, outcome: last, context });
        await sleep(delayMs, signal);
      }
      if (signal?.aborted) throw signal.reason;
      try {
        last = await task(attempt + 1);
        return last as T;
      } catch (error) {
        last = error;
        throw error;
      }
    }, signal);
  }
}
