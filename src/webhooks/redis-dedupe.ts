// A de-duplication store shared by several processes through Redis: one `SET key 1 PX ttl NX` per
// delivery, which Redis runs atomically, so two processes receiving the same delivery never both win.
// Typed by the two commands it sends, so the package does not depend on a Redis client.
import type { WebhookDedupeStore } from "./dedupe.js";

/** The commands used, in ioredis's call form (`new Redis(url)` fits as is). */
export interface RedisDedupeClient {
  set(key: string, value: string, px: "PX", ttlMs: number, nx: "NX"): Promise<unknown>;
  del(key: string): Promise<unknown>;
}

export interface RedisDedupeStoreOptions {
  /** A connected client; the store never closes it. */
  redis: RedisDedupeClient;
  /** Start of every key (default `yclients:webhooks:`). */
  prefix?: string;
}

export class RedisDedupeStore implements WebhookDedupeStore {
  private readonly redis: RedisDedupeClient;
  private readonly prefix: string;

  constructor(options: RedisDedupeStoreOptions) {
    this.redis = options.redis;
    this.prefix = options.prefix ?? "yclients:webhooks:";
  }

  async claim(key: string, ttlMs: number): Promise<boolean> {
    // Redis answers OK when it set the key, null when the key was there already.
    return (await this.redis.set(this.prefix + key, "1", "PX", Math.max(1, Math.ceil(ttlMs)), "NX")) === "OK";
  }

  async release(key: string): Promise<void> {
    await this.redis.del(this.prefix + key);
  }
}
