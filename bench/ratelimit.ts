// `make bench-ratelimit` (also run by `make bench`): the client-side rate limiter at the real YCLIENTS limits
// (5 per second and 200 per rolling minute) against the simulator, which enforces the same limits per IP.
//   1. utilisation: calls kept waiting for quota for a fixed time, by 1 process (memory store) and by 4 processes
//      sharing Redis; accepted requests against the most the two windows allow in that time, and 429s;
//   2. paging 20,000 simulated companies (50 per page) next to the least time the limits allow;
//   3. the limiter's own cost per request when quota is available, in memory and with Redis.
// Writes bench/ratelimit-results.json and prints Markdown tables for BENCHMARKS.md.
//   --quick   short runs (a smoke test of the harness; the figures mean little)
//   --cost    only the cost per request (seconds instead of minutes)
//   --four    only the 4-process run
//   RATELIMIT_BENCH_SECONDS=n   length of the utilisation runs (default 180: three whole minutes)
//   RATELIMIT_BENCH_DEBUG=1     the workers log under yclients:ratelimit
import { fork } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Redis from "ioredis";
import { MemoryRateLimitStore, YclientsClient, type RateLimitWindow } from "../src/index";
import { RateLimiter } from "../src/ratelimit/limiter";
import { resolveRateLimit } from "../src/ratelimit/rate-limit-options";
import { RedisRateLimitStore } from "../src/redis";
import { startYclientsSimulator, type YclientsSimulator } from "../src/testing/index";

const QUICK = process.argv.includes("--quick");
const COST_ONLY = process.argv.includes("--cost");
const REAL: RateLimitWindow[] = [
  { limit: 5, windowMs: 1_000 },
  { limit: 200, windowMs: 60_000 },
];
const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const RUN_MS = Number(process.env.RATELIMIT_BENCH_SECONDS ?? (QUICK ? 15 : 180)) * 1000;
/** `--four`: only the 4-process run. */
const FOUR_ONLY = process.argv.includes("--four");
const PAGED_ITEMS = QUICK ? 2_000 : 20_000;
const PAGE_SIZE = 50;

/** The greedy schedule (send whenever every window has room) is the most any client can send; ms resolution. */
function greedyTimes(windows: RateLimitWindow[], untilMs: number, maxCount = Infinity): number[] {
  const times: number[] = [];
  const firstInside = windows.map(() => 0);
  for (let t = 0; t < untilMs && times.length < maxCount; t++) {
    for (;;) {
      let room = true;
      windows.forEach((w, i) => {
        while (firstInside[i] < times.length && times[firstInside[i]] <= t - w.windowMs) firstInside[i]++;
        if (times.length - firstInside[i] >= w.limit) room = false;
      });
      if (!room || times.length >= maxCount) break;
      times.push(t);
    }
  }
  return times;
}

interface Utilisation {
  processes: number;
  durationMs: number;
  accepted: number;
  maxAllowed: number;
  utilisation: number;
  rateLimited: number;
  lost: number;
}

/** Arrivals within [first, first + durationMs) against the greedy maximum for that span. */
function utilisationOf(sim: YclientsSimulator, processes: number, durationMs: number, lost: number): Utilisation {
  const times = sim.requests.map((r) => r.time).sort((a, b) => a - b);
  const start = times[0];
  const accepted = sim.requests.filter((r) => r.status === 200 && r.time < start + durationMs).length;
  const maxAllowed = greedyTimes(REAL, durationMs).length;
  return {
    processes,
    durationMs,
    accepted,
    maxAllowed,
    utilisation: accepted / maxAllowed,
    rateLimited: sim.requests.filter((r) => r.status === 429).length,
    lost,
  };
}

/** Keeps `inFlight` calls waiting for quota until `stopAt`, then cancels the ones still waiting. */
async function saturate(yc: YclientsClient, companyId: number, inFlight: number, stopAt: number): Promise<number> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new Error("run over")), stopAt - Date.now());
  let failures = 0;
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (!controller.signal.aborted) {
        try {
          await yc.booking.services(undefined, { companyId, signal: controller.signal });
        } catch {
          if (!controller.signal.aborted) failures++;
        }
      }
    }),
  );
  clearTimeout(timer);
  return failures;
}

async function oneProcess(): Promise<Utilisation> {
  const sim = await startYclientsSimulator({ seed: 1, maxLoggedRequests: 100_000 });
  try {
    const yc = new YclientsClient({ partnerToken: sim.partnerToken, baseUrl: sim.url, retry: false });
    const lost = await saturate(yc, sim.state.companies[0].id, 20, Date.now() + RUN_MS);
    return utilisationOf(sim, 1, RUN_MS, lost);
  } finally {
    await sim.close();
  }
}

async function fourProcesses(): Promise<Utilisation> {
  const sim = await startYclientsSimulator({ seed: 1, maxLoggedRequests: 100_000 });
  const prefix = `yclients-bench:${process.pid}:${Date.now()}:`;
  try {
    const startAt = Date.now() + 8_000; // time for four tsx processes to start
    const children = Array.from({ length: 4 }, () =>
      fork(join(__dirname, "ratelimit-worker.ts"), [], {
        execArgv: process.execArgv,
        stdio: ["ignore", "inherit", "inherit", "ipc"],
        env: {
          ...process.env,
          DEBUG: process.env.RATELIMIT_BENCH_DEBUG ? "yclients:ratelimit" : "",
          SIM_URL: sim.url,
          PARTNER_TOKEN: sim.partnerToken,
          COMPANY_ID: String(sim.state.companies[0].id),
          REDIS_URL,
          PREFIX: prefix,
          START_AT: String(startAt),
          STOP_AT: String(startAt + RUN_MS),
        },
      }),
    );
    const failures = await Promise.all(
      children.map(
        (child) =>
          new Promise<number>((resolve, reject) => {
            child.once("message", (m: { failures: number }) => resolve(m.failures));
            child.once("exit", (code) => code !== 0 && reject(new Error(`worker exited with ${code}`)));
          }),
      ),
    );
    return utilisationOf(
      sim,
      4,
      RUN_MS,
      failures.reduce((a, b) => a + b, 0),
    );
  } finally {
    const redis = new Redis(REDIS_URL);
    await redis.del(`${prefix}log`, `${prefix}pause`);
    redis.disconnect();
    await sim.close();
  }
}

async function paging(): Promise<{ items: number; requests: number; seconds: number; minimumSeconds: number }> {
  const sim = await startYclientsSimulator({ seed: 1, extraCompanies: PAGED_ITEMS, maxLoggedRequests: 100_000 });
  try {
    const yc = new YclientsClient({ partnerToken: sim.partnerToken, baseUrl: sim.url, retry: false });
    const started = Date.now();
    let items = 0;
    for await (const _ of yc.companies.iterate(undefined, { pageSize: PAGE_SIZE })) items++;
    const seconds = (Date.now() - started) / 1000;
    const requests = sim.requests.length;
    const minimumSeconds = greedyTimes(REAL, Infinity, requests)[requests - 1] / 1000;
    if (sim.requests.some((r) => r.status === 429)) throw new Error("paging met a 429");
    return { items, requests, seconds, minimumSeconds };
  } finally {
    await sim.close();
  }
}

/** µs per `limiter.run()` around an answer that is already there, quota always available. */
async function costPerRequest(): Promise<{ memoryUs: number; redisUs: number; noLimiterUs: number }> {
  const answer = new Response(null, { status: 204 });
  const send = () => Promise.resolve(answer);
  const call = { method: "GET", path: "/bench" };
  const n = QUICK ? 2_000 : 20_000;
  const time = async (run: () => Promise<unknown>, count: number) => {
    for (let i = 0; i < Math.min(500, count); i++) await run();
    const started = process.hrtime.bigint();
    for (let i = 0; i < count; i++) await run();
    return Number(process.hrtime.bigint() - started) / 1000 / count;
  };
  const noLimiterUs = await time(send, n);
  // A clock that moves 300 ms per request: the real windows stay just short of full, as at full utilisation.
  let clock = 0;
  const memory = new RateLimiter(resolveRateLimit({ store: new MemoryRateLimitStore(() => (clock += 300)) })!);
  const memoryUs = await time(() => memory.run(send, call, 5_000), n);
  // Redis: the real clock, limits high enough that quota is always there.
  const redis = new Redis(REDIS_URL);
  const prefix = `yclients-bench:cost:${process.pid}:`;
  const windows = [
    { limit: 1e9, windowMs: 1_000 },
    { limit: 1e9, windowMs: 60_000 },
  ];
  const shared = new RateLimiter(
    resolveRateLimit({ windows, store: new RedisRateLimitStore({ redis, prefix }), storeTimeoutMs: 5_000 })!,
  );
  const redisUs = await time(() => shared.run(send, call, 5_000), QUICK ? 500 : 5_000);
  await new Promise((r) => setTimeout(r, 200)); // let the last releases land
  await redis.del(`${prefix}log`, `${prefix}pause`);
  redis.disconnect();
  return { memoryUs: memoryUs - noLimiterUs, redisUs: redisUs - noLimiterUs, noLimiterUs };
}

async function main(): Promise<void> {
  const started = Date.now();
  console.log(`rate limiter bench (${QUICK ? "quick" : "full"}): utilisation runs of ${RUN_MS / 1000} s`);
  if (FOUR_ONLY) {
    console.log("4 processes:", await fourProcesses());
    return;
  }
  const cost = await costPerRequest();
  console.log("cost per request (µs):", cost);
  if (COST_ONLY) return;
  const paged = await paging();
  console.log("paging:", paged);
  const single = await oneProcess();
  console.log("1 process:", single);
  const four = await fourProcesses();
  console.log("4 processes:", four);

  const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
  const md = [
    "| run | span | accepted | most the limits allow | utilisation | 429s | calls lost |",
    "| --- | --- | --- | --- | --- | --- | --- |",
    ...[single, four].map(
      (u) =>
        `| ${u.processes === 1 ? "1 process, memory store" : "4 processes, one Redis store"} | ${u.durationMs / 1000} s | ${u.accepted} | ${u.maxAllowed} | ${pct(u.utilisation)} | ${u.rateLimited} | ${u.lost} |`,
    ),
    "",
    "| paging | items | requests | time | least time the limits allow |",
    "| --- | --- | --- | --- | --- |",
    `| companies.iterate(), ${PAGE_SIZE} per page | ${paged.items} | ${paged.requests} | ${paged.seconds.toFixed(1)} s | ${paged.minimumSeconds.toFixed(1)} s |`,
    "",
    "| limiter cost per request, quota available | µs |",
    "| --- | --- |",
    `| memory store (the default) | ${cost.memoryUs.toFixed(1)} |`,
    `| Redis store (local Redis, one round trip to acquire; the release is not awaited) | ${cost.redisUs.toFixed(1)} |`,
  ].join("\n");
  console.log(`\n${md}\n`);
  const out = QUICK
    ? join(__dirname, "tmp", "ratelimit-results-quick.json")
    : join(__dirname, "ratelimit-results.json");
  if (QUICK) mkdirSync(join(__dirname, "tmp"), { recursive: true });
  writeFileSync(
    out,
    JSON.stringify({ date: new Date().toISOString(), quick: QUICK, cost, paged, single, four }, null, 2),
  );
  console.log(`wrote ${out} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
