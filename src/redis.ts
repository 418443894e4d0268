// `yclients-client/redis`: the rate-limit store that shares one quota between processes through Redis.
// A separate entry point so that browsers and programs without Redis never bundle it.
export {
  RedisRateLimitStore,
  type RedisRateLimitStoreOptions,
  type RedisScriptClient,
} from "./ratelimit/redis-store.js";
// For your own store that can fail: `forLimiter(context) { return new FailSafeRateLimitStore(this, context); }`.
export { FailSafeRateLimitStore } from "./ratelimit/fail-safe-store.js";
