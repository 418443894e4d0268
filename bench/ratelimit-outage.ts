// `make bench` (bench-ratelimit-outage): the shared quota across a Redis outage. Four processes (ratelimit-worker.ts)
// share a redis-server this script starts on a free port, and call the simulator, which counts a strict sliding log
// per window and answers 429 beyond it. Once the long window is full, Redis is killed (SIGKILL) and started again
// empty; later it is frozen (SIGSTOP) and woken (SIGCONT). Reports per outage:
//   - 429s (the target is none);
//   - fallback use: what arrived during the outage (from detection, `storeTimeoutMs` after it began, to its end)
//     against the most each process's fallback share allows in that time given its own requests before (a
//     greedy schedule per process, summed), and against share × binding rate × processes;
//   - recovery: from Redis answering again until every process is back on the shared quota, the longest gap between
//     arrivals in the 10 s after it, and the arrival rate in those 10 s against the binding rate. A process's return
//     is its last "back" in this outage's own span (up to the next outage), and Redis answers again at the earlier
//     of this script's own ping and the first process back (see backOnRedis).
// Writes bench/ratelimit-outage-results.json (--quick: bench/tmp/) and prints a Markdown table for BENCHMARKS.md.
//   --quick   scaled-down windows (5 per 1 s and 40 per 10 s) and 8-s outages: about a minute
//   (full)    the real limits (5 per 1 s, 200 per 60 s) and 20-s outages: about 5 minutes
import { fork, type ChildProcess } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { RateLimitWindow } from "../src/index";
import { startYclientsSimulator } from "../src/testing/index";
import { freePort, killRedisServer, startRedisServer } from "../test/helpers/redis-server";

const QUICK = process.argv.includes("--quick");
const WINDOWS: RateLimitWindow[] = QUICK
  ? [
      { limit: 5, windowMs: 1_000 },
      { limit: 40, windowMs: 10_000 },
    ]
  : [
      { limit: 5, windowMs: 1_000 },
      { limit: 200, windowMs: 60_000 },
    ];
const PROCESSES = 4;
const SHARE = 0.25;
const STORE_TIMEOUT_MS = 1_000; // the default
const LONGEST = Math.max(...WINDOWS.map((w) => w.windowMs));
const OUTAGE_MS = QUICK ? 8_000 : 20_000;
const AFTER_MS = 10_000;
/** Requests per ms the windows allow in the long run: the binding window's rate. */
const rate = (windows: RateLimitWindow[]) => Math.min(...windows.map((w) => w.limit / w.windowMs));
const FALLBACK_RATE = rate(WINDOWS.map((w) => ({ ...w, limit: Math.max(1, Math.floor(w.limit * SHARE)) })));

const FALLBACK_WINDOWS = WINDOWS.map((w) => ({ ...w, limit: Math.max(1, Math.floor(w.limit * SHARE)) }));

/** The most one process may send in [from, to) under its fallback windows, given its earlier arrivals `before`. */
function greedyAllowed(before: number[], from: number, to: number): number {
  const times = before.filter((t) => t > from - LONGEST);
  let sent = 0;
  for (let t = from; t < to; t++) {
    while (FALLBACK_WINDOWS.every((w) => times.filter((x) => x > t - w.windowMs).length < w.limit)) {
      times.push(t);
      sent++;
    }
  }
  return sent;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Outage {
  kind: string;
  start: number;
  end: number;
}

type WorkerEvent = { at: number; event: string };

/**
 * When each process went back to the shared quota after outage `o`: its last "shared" event from the outage's start
 * up to `until` (the next outage), or null when its last word there is still "fallback" (it never came back). Only
 * this span counts: a process whose return is not found must not borrow the next outage's (that read as "back after
 * outage + one window"). Redis answered again at the earlier of `o.end` (this script's ping, which a worker that
 * reconnects first can beat) and the first return.
 */
function backOnRedis(o: Outage, until: number, workers: WorkerEvent[][]) {
  const backs = workers.map((events) => {
    const span = events.filter((e) => e.at >= o.start && e.at < until);
    const last = span[span.length - 1];
    return last === undefined ? undefined : last.event === "shared" ? last.at : null;
  });
  const returned = backs.filter((b): b is number => typeof b === "number");
  const answeredAt = Math.min(o.end, ...returned);
  return {
    answeredAt,
    recoveryMs: backs.includes(null) ? null : Math.max(0, ...returned.map((b) => b - answeredAt)),
    /** Per process, ms from the outage's start: when it fell back and when it came back (diagnosis). */
    events: workers.map((events) =>
      events.filter((e) => e.at >= o.start && e.at < until).map((e) => `${e.event} +${e.at - o.start}`),
    ),
  };
}

async function main(): Promise<void> {
  const sim = await startYclientsSimulator({ seed: 1, rateLimit: { windows: WINDOWS }, maxLoggedRequests: 100_000 });
  const port = await freePort();
  let redis: ChildProcess = await startRedisServer(port);
  const children: ChildProcess[] = [];
  try {
    const startAt = Date.now() + 8_000; // time for four tsx processes to start
    const total = LONGEST + 1_000 + 2 * (OUTAGE_MS + LONGEST) + AFTER_MS;
    for (let i = 0; i < PROCESSES; i++) {
      children.push(
        fork(join(__dirname, "ratelimit-worker.ts"), [], {
          execArgv: process.execArgv,
          stdio: ["ignore", "inherit", "inherit", "ipc"],
          env: {
            ...process.env,
            SIM_URL: sim.url,
            PARTNER_TOKEN: sim.partnerToken,
            COMPANY_ID: String(sim.state.companies[0].id),
            REDIS_URL: `redis://127.0.0.1:${port}`,
            PREFIX: "bench-outage:",
            START_AT: String(startAt),
            STOP_AT: String(startAt + total),
            WINDOWS: JSON.stringify(WINDOWS),
            FALLBACK_SHARE: String(SHARE),
            STORE_TIMEOUT_MS: String(STORE_TIMEOUT_MS),
            WORKER: String(i),
          },
        }),
      );
    }
    const reports = children.map(
      (child) =>
        new Promise<{ failures: number; events: Array<{ at: number; event: string }> }>((resolve, reject) => {
          child.once("message", resolve as never);
          child.once("exit", (code) => code !== 0 && reject(new Error(`worker exited with ${code}`)));
        }),
    );
    await sleep(startAt - Date.now() + LONGEST + 1_000); // the long window fills: from here on it is at the limit
    const outages: Outage[] = [];
    const kill = { kind: "killed, restarted empty", start: Date.now(), end: 0 };
    await killRedisServer(redis);
    await sleep(OUTAGE_MS);
    redis = await startRedisServer(port);
    kill.end = Date.now();
    outages.push(kill);
    await sleep(LONGEST);
    const freeze = { kind: "frozen, woken", start: Date.now(), end: 0 };
    redis.kill("SIGSTOP");
    await sleep(OUTAGE_MS);
    redis.kill("SIGCONT");
    freeze.end = Date.now();
    outages.push(freeze);
    const done = await Promise.all(reports);

    const arrivals = sim.requests
      .map((r) => ({ time: r.time, status: r.status, worker: String(r.headers["x-bench-worker"]) }))
      .sort((a, b) => a.time - b.time);
    const between = (from: number, to: number) => arrivals.filter((r) => r.time >= from && r.time < to);
    const rows = outages.map((o, i) => {
      const from = o.start + STORE_TIMEOUT_MS;
      const during = between(from, o.end);
      const after = between(o.end, o.end + AFTER_MS);
      const back = backOnRedis(
        o,
        outages[i + 1]?.start ?? Infinity,
        done.map((d) => d.events),
      );
      let gap = 0;
      let last = o.end;
      for (const r of after) {
        gap = Math.max(gap, r.time - last);
        last = r.time;
      }
      return {
        outage: o.kind,
        seconds: (o.end - o.start) / 1000,
        rateLimited: between(o.start, o.end + LONGEST).filter((r) => r.status === 429).length,
        fallbackUse: during.length / ((o.end - from) * FALLBACK_RATE * PROCESSES),
        fallbackUseOfAllowed:
          during.length /
          children
            .map((_, i) =>
              greedyAllowed(
                arrivals.filter((r) => r.worker === String(i) && r.time < from).map((r) => r.time),
                from,
                o.end,
              ),
            )
            .reduce((a, b) => a + b, 0),
        recoveryMs: back.recoveryMs,
        redisAnsweredAfterMs: back.answeredAt - o.start,
        workerEvents: back.events,
        longestGapMs: gap,
        rateAfter: after.length / (AFTER_MS * rate(WINDOWS)),
      };
    });
    const result = {
      date: new Date().toISOString(),
      quick: QUICK,
      windows: WINDOWS,
      processes: PROCESSES,
      fallbackShare: SHARE,
      rateLimitedTotal: arrivals.filter((r) => r.status === 429).length,
      accepted: arrivals.filter((r) => r.status === 200).length,
      failures: done.reduce((a, d) => a + d.failures, 0),
      rows,
    };
    console.log(JSON.stringify(result, null, 2));
    const pct = (x: number) => `${(x * 100).toFixed(0)} %`;
    console.log(
      [
        "",
        `| outage (${WINDOWS.map((w) => `${w.limit}/${w.windowMs / 1000} s`).join(", ")}; ${PROCESSES} processes, share ${SHARE}) | length | 429s | fallback share used (of what each process's share allowed) | back on Redis after | longest gap in the next 10 s | rate in the next 10 s / binding rate |`,
        "| --- | --- | --- | --- | --- | --- | --- |",
        ...rows.map(
          (r) =>
            `| ${r.outage} | ${r.seconds.toFixed(0)} s | ${r.rateLimited} | ${pct(r.fallbackUse)} (${pct(r.fallbackUseOfAllowed)}) | ${r.recoveryMs === null ? "not back before the next outage" : `${r.recoveryMs} ms`} | ${r.longestGapMs} ms | ${pct(r.rateAfter)} |`,
        ),
        `| whole run | ${((arrivals[arrivals.length - 1].time - arrivals[0].time) / 1000).toFixed(0)} s | ${result.rateLimitedTotal} | | | | |`,
        "",
        `whole run: ${result.accepted} accepted, ${result.failures} calls failed`,
      ].join("\n"),
    );
    const dir = QUICK ? join(__dirname, "tmp") : __dirname;
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, QUICK ? "ratelimit-outage-results-quick.json" : "ratelimit-outage-results.json"),
      JSON.stringify(result, null, 2),
    );
  } finally {
    for (const child of children) if (child.exitCode === null) child.kill();
    if (redis.signalCode === null && redis.exitCode === null) redis.kill("SIGCONT");
    await killRedisServer(redis);
    await sim.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
