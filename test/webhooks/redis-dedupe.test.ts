// De-duplication shared through a real Redis (127.0.0.1:6379 or REDIS_URL): two receivers, as two
// processes would be, get the same deliveries; each is processed once in all.
import type Redis from "ioredis";
import { createWebhookHandler, RedisDedupeStore, type WebhookEvent } from "../../src/webhooks/index";
import { connectRedis, dropPrefix, uniquePrefix } from "../ratelimit/redis";
import { recordUpdateText } from "./samples";

let redis: Redis;
let prefix: string;
beforeAll(async () => {
  redis = await connectRedis();
});
beforeEach(() => {
  prefix = uniquePrefix("webhooks");
});
afterEach(() => dropPrefix(redis, prefix));
afterAll(() => redis?.quit());

const post = (body: string) => new Request("https://p.example/hooks", { method: "POST", body });

describe("RedisDedupeStore", () => {
  it("lets only one of two receivers process a delivery both get", async () => {
    const processed: Array<[string, WebhookEvent]> = [];
    const receivers = ["a", "b"].map((name) =>
      createWebhookHandler({
        respond: "process",
        dedupe: { store: new RedisDedupeStore({ redis, prefix }) },
        onEvent: (event) => void processed.push([name, event]),
      }),
    );
    const changed = JSON.parse(recordUpdateText);
    changed.data.comment = "changed";
    const answers = await Promise.all([
      receivers[0](post(recordUpdateText)),
      receivers[1](post(recordUpdateText)),
      receivers[1](post(JSON.stringify(changed))),
      receivers[0](post(JSON.stringify(changed))),
    ]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    const bodies = await Promise.all(answers.map((a) => a.json()));
    expect(bodies.reduce((n, b) => n + b.events, 0)).toBe(2);
    expect(bodies.reduce((n, b) => n + b.duplicates, 0)).toBe(2);
    expect(processed).toHaveLength(2);
    const keys = await redis.keys(`${prefix}*`);
    expect(keys).toHaveLength(2);
    const ttl = await redis.pttl(keys[0]);
    expect(ttl).toBeGreaterThan(23 * 60 * 60 * 1000); // the 24-hour default
  });

  it("forgets the key when the callback failed, so the retry is processed", async () => {
    let calls = 0;
    const handle = createWebhookHandler({
      respond: "process",
      dedupe: { store: new RedisDedupeStore({ redis, prefix }), ttlMs: 60_000 },
      onEvent: () => {
        calls++;
        if (calls === 1) throw new Error("busy");
      },
    });
    expect((await handle(post(recordUpdateText))).status).toBe(500);
    expect(await redis.keys(`${prefix}*`)).toEqual([]);
    expect((await handle(post(recordUpdateText))).status).toBe(200);
    expect((await handle(post(recordUpdateText))).status).toBe(200);
    expect(calls).toBe(2);
  });
});
