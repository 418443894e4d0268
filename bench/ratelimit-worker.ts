// One of the four processes of the shared-Redis utilisation run (bench/ratelimit.ts): from START_AT to STOP_AT
// it keeps 10 calls waiting for quota from the store they all share, then reports its failures over IPC.
import Redis from "ioredis";
import { YclientsClient } from "../src/index";
import { RedisRateLimitStore } from "../src/redis";

async function main(): Promise<void> {
  const env = process.env;
  const redis = new Redis(env.REDIS_URL!);
  const yc = new YclientsClient({
    partnerToken: env.PARTNER_TOKEN!,
    baseUrl: env.SIM_URL!,
    retry: false,
    rateLimit: { store: new RedisRateLimitStore({ redis, prefix: env.PREFIX! }) },
  });
  const companyId = Number(env.COMPANY_ID);
  await new Promise((r) => setTimeout(r, Math.max(0, Number(env.START_AT) - Date.now())));
  const controller = new AbortController();
  setTimeout(() => controller.abort(new Error("run over")), Number(env.STOP_AT) - Date.now());
  let failures = 0;
  await Promise.all(
    Array.from({ length: 10 }, async () => {
      while (!controller.signal.aborted) {
        try {
          await yc.booking.services(undefined, { companyId, signal: controller.signal });
        } catch {
          if (!controller.signal.aborted) failures++;
        }
      }
    }),
  );
  redis.disconnect();
  process.send!({ failures }, () => process.exit(0));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
