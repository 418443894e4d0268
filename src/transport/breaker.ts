// One circuit breaker per client (shared with its scoped clients): after N consecutive failures
// every call fails fast for a while, then one trial request decides whether to close it again.
import { CircuitState, ConsecutiveBreaker, circuitBreaker, handleWhen, type CircuitBreakerPolicy } from "cockatiel";
import type { BreakerSettings } from "../config.js";
import { log } from "../log.js";
import { isBreakerFailure } from "./decisions.js";

export function createBreaker(settings: BreakerSettings): CircuitBreakerPolicy {
  const policy = circuitBreaker(
    handleWhen((error) => isBreakerFailure(error)).orWhenResult((result) => isBreakerFailure(result)),
    {
      halfOpenAfter: settings.halfOpenAfterMs,
      breaker: new ConsecutiveBreaker(settings.failures),
    },
  );
  policy.onStateChange((state) => {
    if (log.breaker.enabled) log.breaker("circuit %s", CircuitState[state].toLowerCase());
  });
  return policy;
}
