// When Redis fails, calls keep working: a redis-server this test starts itself on a free port (never the shared
// one) is frozen (slow), killed (down) and started again (restarted, its scripts forgotten) while a client keeps
// calling the simulator. The limiter falls back to a local share of the quota, says so once, never hangs, and
// goes back to the shared quota when Redis answers again.
import type { ChildProcess } from "node:child_process";
import { format } from "node:util";
import Redis from "ioredis";
import { YclientsClient } from "../../src/index";
import { log } from "../../src/log";
import { RedisRateLimitStore } from "../../src/redis";
import { DEFAULT_PARTNER_TOKEN, startYclientsSimulator, type YclientsSimulator } from "../../src/testing/index";
import { freePort, startRedisServer, stopped } from "../helpers/redis-server";
import { uniquePrefix } from "../helpers/shared-redis";

const WINDOWS = [{ limit: 8, windowMs: 1_000 }];

let sim: YclientsSimulator;
let server: ChildProcess | undefined;
let redis: Redis;
const lines: string[] = [];
const saved = { enabled: log.ratelimit.enabled, log: log.ratelimit.log };

beforeAll(async () => {
  sim = await startYclientsSimulator({ seed: 3, rateLimit: { windows: WINDOWS } });
  log.ratelimit.enabled = true;
  log.ratelimit.log = (...args: unknown[]) => lines.push(format(...(args as [string])));
});

afterAll(async () => {
  log.ratelimit.enabled = saved.enabled;
  log.ratelimit.log = saved.log;
  redis?.disconnect();
  if (server && server.exitCode === null) {
    server.kill("SIGKILL");
    await stopped(server);
  }
  await sim?.close();
});

test("slow, down, restarted: every call succeeds, no 429, one fallback notice, then the shared quota again", async () => {
  const port = await freePort();
  server = await startRedisServer(port);
  // ioredis' defaults (reconnect forever, queue commands while offline): the limiter's store timeout is what
  // keeps calls from waiting on it.
  redis = new Redis(port, "127.0.0.1");
  redis.on("error", () => undefined);
  const prefix = uniquePrefix("failure");
  const yc = new YclientsClient({
    partnerToken: DEFAULT_PARTNER_TOKEN,
    baseUrl: sim.url,
    retry: false,
    rateLimit: {
      windows: WINDOWS,
      store: new RedisRateLimitStore({ redis, prefix }),
      storeTimeoutMs: 300,
      fallbackShare: 0.5,
    },
  });
  const burst = async (n: number) => {
    const results = await Promise.all(
      Array.from({ length: n }, () => yc.booking.services(undefined, { companyId: sim.state.companies[0].id })),
    );
    expect(results.every((r) => r.success)).toBe(true);
  };

  await burst(10);
  expect(await redis.exists(`${prefix}log`)).toBe(1);
  expect(lines.filter((l) => l.includes("the store failed"))).toHaveLength(0);

  // Slow: the server is frozen, so commands get no answer at all.
  server.kill("SIGSTOP");
  await burst(10);
  server.kill("SIGCONT");

  // Down.
  server.kill("SIGKILL");
  await stopped(server);
  await burst(10);
  expect(lines.filter((l) => l.includes("the store failed"))).toHaveLength(1);

  // Restarted on the same port, empty and without the scripts loaded.
  server = await startRedisServer(port);
  for (let i = 0; i < 40 && !lines.some((l) => l.includes("the store answers again")); i++) await burst(2);
  expect(lines.filter((l) => l.includes("the store answers again"))).toHaveLength(1);
  await burst(4);
  expect(await redis.zcard(`${prefix}log`)).toBeGreaterThan(0);

  expect(sim.requests.every((r) => r.status === 200)).toBe(true);
  expect(lines.filter((l) => l.includes("the store failed"))).toHaveLength(1);
}, 60_000);
