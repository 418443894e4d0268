// Per-request cost, run as a child process with --expose-gc. Every round runs each scenario (small
// body / records page, sequential / 64 in flight) for every contender, with a full GC first:
//  - sequential: the contenders take turns request by request (contender A, B, C, … then again, the
//    starting contender shifting every cycle), so drift of any time scale hits all of them alike. On a
//    VM, one request at a time between two processes makes the vCPUs idle and wake at every request,
//    and wake-up latency drifts by several times within seconds; per-contender runs would absorb that.
//  - 64 in flight: each contender's run is cut into `slices` parts and the contenders take turns slice by
//    slice, in an order that rotates (and reverses) from round to round.
import { loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { checkAnswer, makeContenders, type Contender } from "./contenders";
import { childInput, collectGarbage, progress, reply } from "./processes";
import { percentileOfSorted, sortedCopy } from "./stats";

export type BodyKind = "small" | "page";
export interface Scenario {
  body: BodyKind;
  /** Requests in flight at once: 1 = sequential. */
  inFlight: number;
  /** Requests per run (sequential: per contender, interleaved). */
  requests: number;
}

export interface LatencyInput {
  baseUrl: string;
  rounds: number;
  warmupRequests: number;
  /** Parts each 64-in-flight run is cut into, taken in turns by the contenders. */
  slices: number;
  scenarios: Scenario[];
}

export interface RunSample {
  contender: string;
  body: BodyKind;
  inFlight: number;
  round: number;
  requests: number;
  elapsedMs: number;
  medianMs: number;
  p99Ms: number;
  requestsPerSecond: number;
  /** CPU time (user + system, all threads of the client process: JS, GC, undici) per request, µs. */
  cpuPerRequestUs: number;
  /** 1-minute load average when the run ended (other processes on the machine show up here). */
  load1: number;
}

export interface LatencyOutput {
  contenders: { id: string; label: string }[];
  samples: RunSample[];
  errors: number;
}

async function timed(call: () => Promise<unknown>, requests: number, inFlight: number) {
  const took = new Float64Array(requests);
  let next = 0;
  const worker = async () => {
    for (;;) {
      const i = next++;
      if (i >= requests) return;
      const t0 = performance.now();
      await call();
      took[i] = performance.now() - t0;
    }
  };
  const cpu0 = process.cpuUsage();
  const started = performance.now();
  const workers: Promise<void>[] = [];
  for (let w = 0; w < inFlight; w++) workers.push(worker());
  await Promise.all(workers);
  const elapsedMs = performance.now() - started;
  const cpu = process.cpuUsage(cpu0);
  return { took, elapsedMs, cpuUs: cpu.user + cpu.system };
}

/** Many in flight, in slices: every contender runs `requests / slices` calls per turn until each has done `requests`. */
async function measureSliced(calls: (() => Promise<unknown>)[], requests: number, inFlight: number, slices: number) {
  const took = calls.map(() => [] as number[]);
  const elapsed = calls.map(() => 0);
  const cpuUs = calls.map(() => 0);
  const per = Math.ceil(requests / slices);
  for (let slice = 0; slice < slices; slice++) {
    const count = Math.min(per, requests - slice * per);
    if (count <= 0) break;
    const order = slice % 2 === 0 ? calls.map((_, i) => i) : calls.map((_, i) => calls.length - 1 - i);
    for (const which of order) {
      collectGarbage();
      const run = await timed(calls[which], count, inFlight);
      took[which].push(...run.took);
      elapsed[which] += run.elapsedMs;
      cpuUs[which] += run.cpuUs;
    }
  }
  return took.map((t, i) => figures(Float64Array.from(t), elapsed[i], cpuUs[i]));
}

function figures(took: Float64Array, elapsedMs: number, cpuUs: number) {
  const sorted = sortedCopy(took);
  return {
    elapsedMs,
    medianMs: percentileOfSorted(sorted, 50),
    p99Ms: percentileOfSorted(sorted, 99),
    requestsPerSecond: (took.length / elapsedMs) * 1000,
    cpuPerRequestUs: cpuUs / took.length,
  };
}

/** Sequential, interleaved: `requests` calls per contender, taking turns one request at a time. */
async function measureInterleaved(calls: (() => Promise<unknown>)[], requests: number) {
  const took = calls.map(() => new Float64Array(requests));
  const cpuUs = calls.map(() => 0);
  for (let i = 0; i < requests; i++) {
    for (let k = 0; k < calls.length; k++) {
      const which = (i + k) % calls.length;
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      await calls[which]();
      took[which][i] = performance.now() - t0;
      const cpu = process.cpuUsage(cpu0);
      cpuUs[which] += cpu.user + cpu.system;
    }
  }
  // Back to back, a contender would need the sum of its own request times.
  return took.map((t, i) =>
    figures(
      t,
      t.reduce((a, b) => a + b, 0),
      cpuUs[i],
    ),
  );
}

/** Contenders in round `r`: rotated by r, and reversed on odd rounds, so each one runs in every position. */
export function orderFor<T>(items: readonly T[], r: number): T[] {
  const shift = r % items.length;
  const rotated = [...items.slice(shift), ...items.slice(0, shift)];
  return Math.floor(r / items.length) % 2 === 1 ? rotated.reverse() : rotated;
}

async function main(): Promise<void> {
  const input = childInput<LatencyInput>();
  const contenders = await makeContenders(input.baseUrl);
  const call = (c: Contender, body: BodyKind) => (body === "small" ? c.small() : c.page());

  // Warm-up: correctness check, then enough calls of every kind for the JIT to settle.
  for (const c of contenders) {
    for (const body of ["small", "page"] as const) {
      checkAnswer(c, body, await call(c, body));
      await timed(() => call(c, body), input.warmupRequests, 1);
      await timed(() => call(c, body), input.warmupRequests, 64);
    }
  }
  progress(`warm-up done (${contenders.length} contenders)`);

  const samples: RunSample[] = [];
  for (let round = 0; round < input.rounds; round++) {
    for (const scenario of input.scenarios) {
      const order = orderFor(contenders, round);
      const record = (c: Contender, result: ReturnType<typeof figures>) =>
        samples.push({
          contender: c.id,
          body: scenario.body,
          inFlight: scenario.inFlight,
          round,
          requests: scenario.requests,
          ...result,
          load1: Math.round(loadavg()[0] * 100) / 100,
        });
      if (scenario.inFlight === 1) {
        collectGarbage();
        const results = await measureInterleaved(
          order.map((c) => () => call(c, scenario.body)),
          scenario.requests,
        );
        order.forEach((c, i) => record(c, results[i]));
        continue;
      }
      const results = await measureSliced(
        order.map((c) => () => call(c, scenario.body)),
        scenario.requests,
        scenario.inFlight,
        input.slices,
      );
      order.forEach((c, i) => record(c, results[i]));
    }
    progress(`latency round ${round + 1}/${input.rounds} done (load average ${loadavg()[0].toFixed(2)})`);
  }
  await reply({
    contenders: contenders.map(({ id, label }) => ({ id, label })),
    samples,
    errors: 0,
  } satisfies LatencyOutput);
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
