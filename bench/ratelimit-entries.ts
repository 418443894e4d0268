// `make bench` (bench-ratelimit-entries): what one decision of the in-memory sliding log costs (the memory store and
// the Redis fallback use it) as the log grows, from 200 to 100,000 entries in the window. Configured limits large
// enough to hold that many; a clock stepped so that the log stays just short of full, one entry leaving the long
// window for each one that enters. Prints a Markdown table for BENCHMARKS.md.
//   --quick   fewer rounds (a smoke test of the script; the figures mean less)
// FallbackLog: the same log with `entries()`, used here only to count what is inside the window.
import { FallbackLog } from "../src/ratelimit/fallback-log";

const QUICK = process.argv.includes("--quick");
const SIZES = [200, 1_000, 10_000, 21_000, 100_000];
const WINDOW_MS = 60_000;

function costPerDecision(entries: number): { us: number; inside: number } {
  const windows = [
    { limit: Math.max(5, Math.ceil(entries / 30)), windowMs: 1_000 },
    { limit: entries, windowMs: WINDOW_MS },
  ];
  const log = new FallbackLog();
  const step = WINDOW_MS / entries; // one entry per step: the long window holds `entries - 1` once full
  let now = 0;
  let id = 0;
  const decide = () => {
    now += step;
    const key = `r${++id}`;
    if (log.acquire(now, windows, key, 5_000).granted) log.release(now, key);
  };
  for (let i = 0; i < entries * 2; i++) decide(); // fill one whole window, then one more: a steady state
  const rounds = QUICK ? 20_000 : 200_000;
  const started = process.hrtime.bigint();
  for (let i = 0; i < rounds; i++) decide();
  const us = Number(process.hrtime.bigint() - started) / 1000 / rounds;
  return { us, inside: log.entries(now).length };
}

function main(): void {
  const rows = SIZES.map((entries) => {
    costPerDecision(entries); // warm-up
    const runs = [costPerDecision(entries), costPerDecision(entries), costPerDecision(entries)];
    const us = runs.map((r) => r.us).sort((a, b) => a - b)[1];
    return { entries, inside: runs[1].inside, us };
  });
  console.log(`in-memory sliding log, one decision (acquire + release), median of 3 (${QUICK ? "quick" : "full"})\n`);
  console.log("| entries in the window | µs per decision |");
  console.log("| --- | --- |");
  for (const r of rows) console.log(`| ${r.inside.toLocaleString("en")} | ${r.us.toFixed(2)} |`);
}

main();
