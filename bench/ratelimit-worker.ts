// One of the four processes of the shared-Redis runs (bench/ratelimit.ts, bench/ratelimit-outage.ts): from START_AT
// to STOP_AT it keeps 10 calls waiting for quota from the store they all share, then reports over IPC its failures
// and when its limiter switched to the local fallback and back (from the yclients:ratelimit log).
//   WINDOWS (JSON), FALLBACK_SHARE, STORE_TIMEOUT_MS   optional rateLimit settings (default: the real limits)
import Redis from "ioredis";
import { YclientsClient } from "../src/index";
import { log } from "../src/log";
import { RedisRateLimitStore } from "../src/redis";

async function main(): Promise<void> {
  const env = process.env;
  // Reconnect within 200 ms once Redis is back; the error listener keeps ioredis from printing every failed
  // reconnect as an "Unhandled error event" while Redis is down.
  const redis = new Redis(env.REDIS_URL!, { retryStrategy: (times) => Math.min(times * 50, 200) });
  redis.on("error", () => undefined);
  const events: Array<{ at: number; event: "fallback" | "shared" }> = [];
  log.ratelimit.enabled = true;
  log.ratelimit.log = (...args: unknown[]) => {
    const format = String(args[0]);
    if (format.includes("using a local limiter")) events.push({ at: Date.now(), event: "fallback" });
    else if (format.includes("answers again")) events.push({ at: Date.now(), event: "shared" });
    else if (env.RATELIMIT_BENCH_DEBUG) console.error(format);
  };
  const yc = new YclientsClient({
    partnerToken: env.PARTNER_TOKEN!,
    baseUrl: env.SIM_URL!,
    retry: false,
    rateLimit: {
      store: new RedisRateLimitStore({ redis, prefix: env.PREFIX! }),
      ...(env.WINDOWS ? { windows: JSON.parse(env.WINDOWS) } : {}),
      ...(env.FALLBACK_SHARE ? { fallbackShare: Number(env.FALLBACK_SHARE) } : {}),
      ...(env.STORE_TIMEOUT_MS ? { storeTimeoutMs: Number(env.STORE_TIMEOUT_MS) } : {}),
    },
  });
  const companyId = Number(env.COMPANY_ID);
  // Names this process to the simulator, so the outage bench can tell whose requests arrived.
  const headers = { "x-bench-worker": env.WORKER ?? "0" };
  await new Promise((r) => setTimeout(r, Math.max(0, Number(env.START_AT) - Date.now())));
  const controller = new AbortController();
  setTimeout(() => controller.abort(new Error("run over")), Number(env.STOP_AT) - Date.now());
  let failures = 0;
  await Promise.all(
    Array.from({ length: 10 }, async () => {
      while (!controller.signal.aborted) {
        try {
          await yc.booking.services(undefined, { companyId, signal: controller.signal, headers });
        } catch {
          if (!controller.signal.aborted) failures++;
        }
      }
    }),
  );
  redis.disconnect();
  process.send!({ failures, events }, () => process.exit(0));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
