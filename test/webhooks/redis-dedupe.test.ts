// De-duplication shared through a real Redis (127.0.0.1:6379 or REDIS_URL): two receivers, as two
// processes would be, get the same deliveries; each is processed once in all. Then a redis-server this file
// starts on a free port (never the shared one) is frozen and killed: the receiver answers 503 within the
// store's timeout, and a claim Redis applied although its answer came too late is given back.
import type { ChildProcess } from "node:child_process";
import Redis from "ioredis";
import {
  createWebhookHandler,
  RedisDedupeStore,
  YclientsDedupeStoreError,
  type WebhookEvent,
} from "../../src/webhooks/index";
import { freePort, startRedisServer, stopped } from "../helpers/redis-server";
import { connectRedis, dropPrefix, uniquePrefix } from "../helpers/shared-redis";
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
const staff = (name: string) =>
  JSON.stringify({ company_id: 4564, resource: "staff", resource_id: 7, status: "update", data: { id: 7, name } });

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
    const answers = [
      ...(await Promise.all([receivers[0](post(recordUpdateText)), receivers[1](post(recordUpdateText))])),
      ...(await Promise.all([
        receivers[1](post(JSON.stringify(changed))),
        receivers[0](post(JSON.stringify(changed))),
      ])),
    ];
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    const bodies = await Promise.all(answers.map((a) => a.json()));
    expect(bodies.reduce((n, b) => n + b.events, 0)).toBe(2);
    expect(bodies.reduce((n, b) => n + b.duplicates, 0)).toBe(2);
    expect(processed).toHaveLength(2);
    const keys = await redis.keys(`${prefix}*`);
    expect(keys).toEqual([`${prefix}record:199630:122641972`]); // one key per entity
    const ttl = await redis.pttl(keys[0]);
    expect(ttl).toBeGreaterThan(23 * 60 * 60 * 1000); // the 24-hour default
  });

  it("processes a staff change A → B → A three times, and an exact redelivery (A, A) once", async () => {
    const names: string[] = [];
    const handle = createWebhookHandler({
      respond: "process",
      dedupe: { store: new RedisDedupeStore({ redis, prefix }) },
      onEvent: (event) => void names.push((event as { data: { name: string } }).data.name),
    });
    for (const name of ["A", "B", "A", "A"]) expect((await handle(post(staff(name)))).status).toBe(200);
    expect(names).toEqual(["A", "B", "A"]);
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

  it("claims again for the same attempt, and releases only its own claim", async () => {
    const store = new RedisDedupeStore({ redis, prefix });
    const mine = { entity: "staff:1:7", fingerprint: "update:A", attempt: "1" };
    expect(await store.claim(mine, 60_000)).toBe(true);
    expect(await store.claim(mine, 60_000)).toBe(true); // a client re-sending the command after a lost reply
    expect(await store.claim({ ...mine, attempt: "2" }, 60_000)).toBe(false);
    await store.release({ ...mine, attempt: "2" });
    expect(await redis.get(`${prefix}staff:1:7`)).toBe("update:A 1");
    await store.release(mine);
    expect(await redis.get(`${prefix}staff:1:7`)).toBeNull();
  });

  it("refuses a client without eval() and a bad timeout", () => {
    expect(() => new RedisDedupeStore({ redis: {} as never })).toThrow(/eval/);
    expect(() => new RedisDedupeStore({ redis, timeoutMs: 0 })).toThrow(/timeoutMs/);
    expect(new RedisDedupeStore({ redis }).timeoutMs).toBe(1_000);
  });
});

describe("RedisDedupeStore when Redis fails", () => {
  let server: ChildProcess | undefined;
  const clients: Redis[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) client.disconnect();
    if (server && server.exitCode === null) {
      server.kill("SIGCONT");
      server.kill("SIGKILL");
      await stopped(server);
    }
    server = undefined;
  });

  // ioredis as people configure it: reconnect forever and, with `maxRetriesPerRequest: null`, queue commands
  // for ever. The store's timeout is what bounds each delivery.
  const client = (port: number) => {
    const c = new Redis(port, "127.0.0.1", { maxRetriesPerRequest: null, disconnectTimeout: 50 });
    c.on("error", () => undefined);
    clients.push(c);
    return c;
  };

  it("answers 503 within the timeout with Redis frozen, and gives back the claim Redis applied too late", async () => {
    const port = await freePort();
    server = await startRedisServer(port);
    const redisOnPort = client(port);
    await redisOnPort.ping();
    const errors: unknown[] = [];
    let calls = 0;
    const handle = createWebhookHandler({
      respond: "process",
      dedupe: { store: new RedisDedupeStore({ redis: redisOnPort, prefix, timeoutMs: 200 }) },
      onEvent: () => void calls++,
      onError: (error) => void errors.push(error),
    });

    server.kill("SIGSTOP"); // the claim is sent; Redis runs it only when it wakes, long after the answer
    const started = Date.now();
    const refused = await handle(post(recordUpdateText));
    const waited = Date.now() - started;
    expect(refused.status).toBe(503);
    expect(waited).toBeLessThan(5_000); // bounded: not the client's reconnect or retry schedule
    expect(errors[0]).toBeInstanceOf(YclientsDedupeStoreError);

    server.kill("SIGCONT");
    await redisOnPort.ping(); // the claim and then the release have run by now, in order
    expect(await redisOnPort.keys(`${prefix}*`)).toEqual([]);
    const retry = await handle(post(recordUpdateText));
    expect(retry.status).toBe(200);
    expect(await retry.json()).toEqual({ ok: true, events: 1, duplicates: 0 });
    expect(calls).toBe(1);
    await dropPrefix(redisOnPort, prefix);
  }, 20_000);

  it("answers 503 within the timeout with Redis unreachable (a closed port)", async () => {
    const port = await freePort(); // nothing listens there
    const errors: unknown[] = [];
    const handle = createWebhookHandler({
      dedupe: { store: new RedisDedupeStore({ redis: client(port), prefix, timeoutMs: 200 }) },
      onError: (error) => void errors.push(error),
    });
    for (let i = 0; i < 2; i++) {
      const started = Date.now();
      const answer = await handle(post(recordUpdateText));
      expect(answer.status).toBe(503);
      expect(Date.now() - started).toBeLessThan(5_000);
    }
    expect(errors[0]).toBeInstanceOf(YclientsDedupeStoreError);
    expect(String((errors[0] as Error).message)).not.toContain(String(port));
  }, 20_000);
});
