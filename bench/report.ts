// Turns raw samples into the published figures: per contender and scenario, the median over rounds of
// each round's median / p99 / req/s, and the ratio to bare openapi-fetch taken within each round (so a
// slow round slows both sides of the ratio) and then the median over rounds, with the min–max spread.
import type { BodyKind, LatencyOutput, RunSample } from "./latency";
import { BASELINE_ID } from "./contenders";
import { median, minMax, spreadPercent } from "./stats";

export interface Figure {
  value: number;
  /** ± half the min–max range over rounds, relative to the median, in %. */
  spreadPct: number;
}

export interface Ratio {
  value: number;
  min: number;
  max: number;
}

export interface LatencyRow {
  contender: string;
  label: string;
  body: BodyKind;
  inFlight: number;
  rounds: number;
  medianMs: Figure;
  p99Ms: Figure;
  requestsPerSecond: Figure;
  cpuPerRequestUs: Figure;
  /** contender / baseline for latencies; contender / baseline for req/s (higher is faster). */
  medianRatio: Ratio;
  p99Ratio: Ratio;
  rpsRatio: Ratio;
  cpuRatio: Ratio;
  /** Cost per request relative to the baseline: the median-latency ratio when sequential, baseline req/s ÷ req/s at 64 in flight. */
  costRatio: Ratio;
}

function figure(values: number[]): Figure {
  return { value: median(values), spreadPct: spreadPercent(values) };
}

function ratio(values: number[]): Ratio {
  const [min, max] = minMax(values);
  return { value: median(values), min, max };
}

export function summariseLatency(out: LatencyOutput): LatencyRow[] {
  const rows: LatencyRow[] = [];
  const key = (s: RunSample) => `${s.body}|${s.inFlight}`;
  const scenarios = [...new Set(out.samples.map(key))];
  for (const scenario of scenarios) {
    const inScenario = out.samples.filter((s) => key(s) === scenario);
    const baseline = new Map(inScenario.filter((s) => s.contender === BASELINE_ID).map((s) => [s.round, s]));
    for (const c of out.contenders) {
      const runs = inScenario.filter((s) => s.contender === c.id);
      if (!runs.length) continue;
      const paired = runs.filter((s) => baseline.has(s.round));
      const base = (s: RunSample) => baseline.get(s.round)!;
      const medianRatio = ratio(paired.map((s) => s.medianMs / base(s).medianMs));
      const rpsRatio = ratio(paired.map((s) => s.requestsPerSecond / base(s).requestsPerSecond));
      const costs = paired.map((s) =>
        s.inFlight === 1 ? s.medianMs / base(s).medianMs : base(s).requestsPerSecond / s.requestsPerSecond,
      );
      rows.push({
        contender: c.id,
        label: c.label,
        body: runs[0].body,
        inFlight: runs[0].inFlight,
        rounds: runs.length,
        medianMs: figure(runs.map((s) => s.medianMs)),
        p99Ms: figure(runs.map((s) => s.p99Ms)),
        requestsPerSecond: figure(runs.map((s) => s.requestsPerSecond)),
        cpuPerRequestUs: figure(runs.map((s) => s.cpuPerRequestUs)),
        medianRatio,
        p99Ratio: ratio(paired.map((s) => s.p99Ms / base(s).p99Ms)),
        rpsRatio,
        cpuRatio: ratio(paired.map((s) => s.cpuPerRequestUs / base(s).cpuPerRequestUs)),
        costRatio: ratio(costs),
      });
    }
  }
  return rows;
}

export interface TargetCheck {
  /** The bench/run.ts section that measured it. */
  section: string;
  name: string;
  target: string;
  measured: string;
  met: boolean;
}

/** Text table; a column is right-aligned when every cell in it starts with a digit. */
export function textTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const numeric = header.map((_, i) => rows.length > 0 && rows.every((r) => /^[0-9]/.test(r[i])));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (numeric[i] ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
      .join("  ")
      .trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

export function markdownTable(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map((_, i) => (i === 0 ? "---" : "---:"))), ...rows.map(line)].join("\n");
}

export const fmt = {
  ms: (f: Figure) => `${f.value.toFixed(f.value < 10 ? 3 : 1)} ±${f.spreadPct.toFixed(0)}%`,
  rps: (f: Figure) => `${Math.round(f.value)} ±${f.spreadPct.toFixed(0)}%`,
  ratio: (r: Ratio) => `${r.value.toFixed(2)}× (${r.min.toFixed(2)}–${r.max.toFixed(2)})`,
  kb: (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`,
};

export function latencyTableRows(rows: LatencyRow[]): string[][] {
  return rows.map((r) => [
    r.label,
    fmt.ms(r.medianMs),
    fmt.ratio(r.medianRatio),
    fmt.ms(r.p99Ms),
    fmt.ratio(r.p99Ratio),
    fmt.rps(r.requestsPerSecond),
    fmt.ratio(r.rpsRatio),
    fmt.rps(r.cpuPerRequestUs),
    fmt.ratio(r.cpuRatio),
  ]);
}

export const LATENCY_HEADER = [
  "contender",
  "median ms",
  "× base",
  "p99 ms",
  "× base",
  "req/s",
  "× base",
  "client CPU µs/req",
  "× base",
];
