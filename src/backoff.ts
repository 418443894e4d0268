// `backoff()`: the SDK's own retry policy, offered for users' async functions, as a wrapper or as a
// TypeScript 5 method decorator. Same knobs, same YCLIENTS_BACKOFF_* defaults, same retry loop.
import { backoffFromEnv, mergeBackoff, type BackoffSettings } from "./config.js";
import { YclientsClientError, YclientsConfigError, YclientsCircuitOpenError, YclientsError } from "./errors.js";
import { log } from "./log.js";
import { RetryRunner } from "./transport/retry.js";

type ErrorClass = abstract new (...args: any[]) => unknown;

export interface BackoffOptions extends Partial<BackoffSettings> {
  /**
   * Which errors are worth another attempt: error classes, or a predicate. By default every error is,
   * except aborts and SDK errors that cannot change by waiting (client errors, bad configuration, an open circuit).
   */
  retryOn?: ErrorClass[] | ((error: unknown) => boolean);
  /** Cancels the waits and further attempts at once. */
  signal?: AbortSignal;
}

type AnyAsync = (this: any, ...args: any[]) => any;

/** Wraps a function (or decorates a method) so that it is retried with exponential backoff. */
export interface BackoffWrapper {
  <F extends AnyAsync>(
    fn: F,
    context?: ClassMethodDecoratorContext,
  ): (this: ThisParameterType<F>, ...args: Parameters<F>) => Promise<Awaited<ReturnType<F>>>;
}

/**
 * An abort or a signal timeout, told by its name: a DOMException from another realm (a vm context, Jest's test
 * environment, an iframe) is not `instanceof Error` there, and it must still not be retried.
 */
function isAbort(error: unknown): boolean {
  if (error === null || typeof error !== "object") return false;
  const { name } = error as { name?: unknown };
  return name === "AbortError" || name === "TimeoutError";
}

function defaultRetryable(error: unknown): boolean {
  if (isAbort(error)) return false;
  if (error instanceof YclientsError) {
    return !(
      error instanceof YclientsClientError ||
      error instanceof YclientsConfigError ||
      error instanceof YclientsCircuitOpenError
    );
  }
  return true;
}

function retryPredicate(retryOn: BackoffOptions["retryOn"]): (error: unknown) => boolean {
  if (retryOn === undefined) return defaultRetryable;
  if (typeof retryOn === "function") return (error) => !isAbort(error) && retryOn(error);
  if (!Array.isArray(retryOn) || retryOn.some((c) => typeof c !== "function")) {
    throw new YclientsConfigError("backoff: retryOn must be an array of error classes or a predicate");
  }
  return (error) => retryOn.some((errorClass) => error instanceof errorClass);
}

export function backoff(options: BackoffOptions = {}): BackoffWrapper {
  if (options === null || typeof options !== "object")
    throw new YclientsConfigError("backoff: options must be an object");
  const settings = mergeBackoff(backoffFromEnv(), options, "backoff");
  const retryable = retryPredicate(options.retryOn);
  const { signal } = options;

  const wrap = <F extends AnyAsync>(fn: F, context?: ClassMethodDecoratorContext) => {
    if (typeof fn !== "function") throw new YclientsConfigError("backoff: expected a function to wrap");
    const name = context ? String(context.name) : fn.name || "function";
    const runner = new RetryRunner<unknown>(settings, {
      // Only thrown errors are retried; whatever the function returns is its result.
      retryError: retryable,
      onRetry: ({ attempt, delayMs, outcome }) => {
        if (log.retry.enabled) {
          const errorName = outcome instanceof Error ? outcome.name : typeof outcome;
          log.retry(
            { function: name, attempt, maxTries: settings.maxTries, error: errorName, delayMs: Math.round(delayMs) },
            "%s: attempt %d of %d after %s, waiting %dms",
            name,
            attempt,
            settings.maxTries,
            errorName,
            Math.round(delayMs),
          );
        }
      },
    });
    return function (this: ThisParameterType<F>, ...args: Parameters<F>): Promise<Awaited<ReturnType<F>>> {
      return runner.run(async () => fn.apply(this, args), signal) as Promise<Awaited<ReturnType<F>>>;
    };
  };
  return wrap as BackoffWrapper;
}
