// The Redis the rate-limit tests talk to: REDIS_URL, else the project's machines' 127.0.0.1:6379. No Redis is a
// failure with instructions, never a silent skip. Every test run writes under its own key prefix.
import Redis from "ioredis";

export const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
export const START_REDIS = 'redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no';

export async function connectRedis(url: string = REDIS_URL): Promise<Redis> {
  const redis = new Redis(url, { lazyConnect: true, connectTimeout: 2_000, maxRetriesPerRequest: 1 });
  redis.on("error", () => undefined); // connection errors surface through the commands below
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    redis.disconnect();
    const shown = url.replace(/\/\/[^@/]*@/, "//[REDACTED]@"); // a REDIS_URL may carry a password
    throw new Error(
      `The rate-limit tests need a Redis server and none answered at ${shown} (${(error as Error).message}). ` +
        `Start one with: ${START_REDIS}   (or point REDIS_URL at another)`,
    );
  }
  return redis;
}

/** A key prefix no other run or test uses. */
export function uniquePrefix(name: string): string {
  return `yclients-test:${name}:${process.pid}:${Date.now().toString(36)}:${Math.random().toString(36).slice(2, 8)}:`;
}

/** Deletes every key under `prefix` (the store uses two). */
export async function dropPrefix(redis: Redis, prefix: string): Promise<void> {
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length) await redis.del(...keys);
}
