// `debug` namespaces. Callers pass only values that are safe to print (method, path template,
// status, timings, request ids); `redact.ts` is applied before anything that could hold a secret.
import createDebug from "debug";

export const log = {
  http: createDebug("yclients:http"),
  retry: createDebug("yclients:retry"),
  breaker: createDebug("yclients:breaker"),
  ratelimit: createDebug("yclients:ratelimit"),
};
