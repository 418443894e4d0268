// Four processes behind one IP share one quota through Redis: together they fire more calls than the windows
// allow at the simulator, and the simulator answers every one of them without a 429.
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import type Redis from "ioredis";
import { startYclientsSimulator, type YclientsSimulator } from "../../src/testing/index";
import { REDIS_URL, connectRedis, dropPrefix, uniquePrefix } from "../helpers/shared-redis";

const run = promisify(execFile);
const ROOT = join(__dirname, "..", "..");
const PROCESSES = 4;
const CALLS_EACH = 15;
// The long window binds, as in the real limit: 60 calls need at least two full 3-s windows.
const WINDOWS = [
  { limit: 10, windowMs: 1_000 },
  { limit: 25, windowMs: 3_000 },
];

let sim: YclientsSimulator;
let redis: Redis;
const prefix = uniquePrefix("processes");

beforeAll(async () => {
  redis = await connectRedis();
  sim = await startYclientsSimulator({ seed: 5, rateLimit: { windows: WINDOWS } });
});

afterAll(async () => {
  await sim?.close();
  if (redis) {
    await dropPrefix(redis, prefix);
    redis.disconnect();
  }
});

test(`${PROCESSES} processes sharing a Redis store: ${PROCESSES * CALLS_EACH} calls, no 429, nothing lost`, async () => {
  const env = {
    ...process.env,
    SIM_URL: sim.url,
    PARTNER_TOKEN: sim.partnerToken,
    COMPANY_ID: String(sim.state.companies[0].id),
    REDIS_URL,
    PREFIX: prefix,
    CALLS: String(CALLS_EACH),
    WINDOWS: JSON.stringify(WINDOWS),
  };
  const tsx = join(ROOT, "node_modules", ".bin", "tsx");
  const outputs = await Promise.all(
    Array.from({ length: PROCESSES }, () =>
      run(tsx, [join(__dirname, "fixtures", "worker.ts")], { env, cwd: ROOT, timeout: 60_000 }),
    ),
  );
  const reports = outputs.map((o) => JSON.parse(o.stdout.trim().split("\n").pop()!));
  expect(reports).toEqual(Array.from({ length: PROCESSES }, () => ({ succeeded: CALLS_EACH, failed: [] })));
  expect(sim.requests).toHaveLength(PROCESSES * CALLS_EACH);
  expect(sim.requests.filter((r) => r.status !== 200)).toEqual([]);
  // More than the quota was asked for: the long window was really reached.
  const times = sim.requests.map((r) => r.time).sort((a, b) => a - b);
  expect(times[25] - times[0]).toBeGreaterThanOrEqual(3_000);
}, 90_000);
