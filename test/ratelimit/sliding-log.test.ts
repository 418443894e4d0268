// The sliding-log rule every store follows, at chosen instants: both windows at once, in-flight requests,
// release, pause. Pure: no clock and no I/O.
import { SlidingLog } from "../../src/ratelimit/sliding-log";
import { IN_FLIGHT_RECHECK_MS } from "../../src/ratelimit/store";

const WINDOWS = [
  { limit: 3, windowMs: 1_000 },
  { limit: 5, windowMs: 10_000 },
];

/** Acquires and releases at once, like a request with no latency. */
function send(log: SlidingLog, now: number, id: string) {
  const result = log.acquire(now, WINDOWS, id, 5_000);
  if (result.granted) log.release(now, id);
  return result;
}

test("grants up to the short window's limit, then says exactly when the oldest leaves it", () => {
  const log = new SlidingLog();
  for (let i = 0; i < 3; i++) expect(send(log, 100, `a${i}`)).toEqual({ granted: true });
  expect(send(log, 400, "a3")).toEqual({ granted: false, waitMs: 700, paused: false });
  expect(send(log, 1_100, "a3")).toEqual({ granted: true });
});

test("both windows at once: the long window binds once the short one has room", () => {
  const log = new SlidingLog();
  for (let i = 0; i < 3; i++) expect(send(log, 0, `a${i}`)).toEqual({ granted: true });
  for (let i = 0; i < 2; i++) expect(send(log, 2_000, `b${i}`)).toEqual({ granted: true });
  // The short window holds 2 of 3, but the long one holds 5 of 5: the first request leaves it at 10 000.
  expect(send(log, 3_000, "c")).toEqual({ granted: false, waitMs: 7_000, paused: false });
  expect(send(log, 10_000, "c")).toEqual({ granted: true });
});

test("a request in flight counts until released, then from its release time", () => {
  const log = new SlidingLog();
  for (const id of ["s1", "s2", "s3"]) expect(log.acquire(0, WINDOWS, id, 5_000)).toEqual({ granted: true });
  // Full because of requests whose end is unknown: ask again soon rather than after their lease.
  const soon = { granted: false, waitMs: IN_FLIGHT_RECHECK_MS, paused: false };
  expect(log.acquire(900, WINDOWS, "d", 5_000)).toEqual(soon);
  expect(log.acquire(2_000, WINDOWS, "d", 5_000)).toEqual(soon);
  log.release(2_500, "s1");
  // s1 now counts from 2 500 and is the oldest of the three: it leaves the 1-s window at 3 500.
  expect(log.acquire(2_600, WINDOWS, "d", 5_000)).toEqual({ granted: false, waitMs: 900, paused: false });
  log.release(2_600, "s2");
  log.release(2_600, "s3");
  expect(log.acquire(2_700, WINDOWS, "d", 5_000)).toEqual({ granted: false, waitMs: 800, paused: false });
  expect(log.acquire(3_500, WINDOWS, "d", 5_000)).toEqual({ granted: true });
});

test("an unreleased request stops counting once its lease and the longest window are over", () => {
  const log = new SlidingLog();
  for (let i = 0; i < 3; i++) expect(log.acquire(0, WINDOWS, `lost${i}`, 2_000)).toEqual({ granted: true });
  expect(log.acquire(1_000, WINDOWS, "x", 2_000).granted).toBe(false);
  // Counted as sent at 2 000 (the lease): out of the 1-s window after 3 000.
  expect(log.acquire(3_001, WINDOWS, "x", 2_000)).toEqual({ granted: true });
});

test("a pause refuses everything until it ends and is never shortened", () => {
  const log = new SlidingLog();
  log.pause(0, 2_000);
  log.pause(0, 500);
  expect(log.acquire(1_000, WINDOWS, "a", 5_000)).toEqual({ granted: false, waitMs: 1_000, paused: true });
  expect(log.acquire(2_000, WINDOWS, "a", 5_000)).toEqual({ granted: true });
});

/** The rule written the plain way (every entry looked at on every decision), to check the indexed log against. */
class PlainLog {
  readonly times = new Map<string, number>();
  acquire(now: number, windows: typeof WINDOWS, id: string, leaseMs: number) {
    let waitMs = 0;
    for (const { limit, windowMs } of windows) {
      const inside = [...this.times.values()].filter((at) => at > now - windowMs).sort((a, b) => a - b);
      if (inside.length < limit) continue;
      const blocking = inside[inside.length - limit];
      const free = blocking + windowMs - now;
      waitMs = Math.max(waitMs, blocking > now ? Math.min(free, IN_FLIGHT_RECHECK_MS) : free);
    }
    if (waitMs > 0) return { granted: false, waitMs, paused: false };
    this.times.set(id, now + leaseMs);
    return { granted: true };
  }
  release(now: number, id: string) {
    if (this.times.has(id)) this.times.set(id, now);
  }
}

test("the indexed log decides exactly like the plain rule over 20,000 random steps", () => {
  let seed = 42;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const indexed = new SlidingLog();
  const plain = new PlainLog();
  const inFlight: string[] = [];
  let now = 0;
  for (let step = 0; step < 20_000; step++) {
    now += Math.floor(random() * 150);
    if (inFlight.length > 0 && random() < 0.5) {
      const [id] = inFlight.splice(Math.floor(random() * inFlight.length), 1);
      indexed.release(now, id);
      plain.release(now, id);
      continue;
    }
    const id = `r${step}`;
    // Leases far longer than the run: only releases end a request here (the lease test above covers the rest).
    const expected = plain.acquire(now, WINDOWS, id, 1e9);
    expect(indexed.acquire(now, WINDOWS, id, 1e9)).toEqual(expected);
    if (expected.granted) inFlight.push(id);
  }
});

test("a request cancelled before it was sent no longer counts", () => {
  const log = new SlidingLog();
  for (const id of ["a", "b", "c"]) expect(log.acquire(0, WINDOWS, id, 5_000)).toEqual({ granted: true });
  expect(log.acquire(10, WINDOWS, "d", 5_000).granted).toBe(false);
  log.cancel("b");
  expect(log.acquire(20, WINDOWS, "d", 5_000)).toEqual({ granted: true });
});
