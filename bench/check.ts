// `make bench-check` (part of `make check`): the latest measured figures in bench/results.json against the budgets
// in bench/budgets.json. Measures nothing itself, so it is fast and gives the same answer on every machine; a figure
// fails above its limit times the group's headroom, and a budget with no figure fails too (run the bench section).
// Exits 1 on any failure. `make bench` (or `tsx bench/run.ts --only size`) refreshes the figures.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import budgets from "./budgets.json";
import type { LatencyRow } from "./report";
import { textTable } from "./report";

interface Verdict {
  budget: string;
  measured: number | undefined;
  limit: number;
  allowed: number;
  unit: string;
}

interface Results {
  measuredAt?: Record<string, string>;
  size?: { bundles: { id: string; gzipBytes: number }[] };
  latency?: { summary: LatencyRow[] };
}

const SDK_CONTENDERS = ["sdk-typed", "sdk-friendly"];

export function checkBudgets(results: Results): Verdict[] {
  const verdicts: Verdict[] = [];
  const { bundles, overhead } = budgets;
  for (const [id, limit] of Object.entries(bundles.ceilings)) {
    verdicts.push({
      budget: `bundle ${id}, gzip`,
      measured: results.size?.bundles.find((b) => b.id === id)?.gzipBytes,
      limit,
      allowed: Math.round(limit * bundles.headroom),
      unit: "B",
    });
  }
  for (const [body, limit] of Object.entries(overhead.costRatio)) {
    for (const contender of SDK_CONTENDERS) {
      for (const inFlight of [1, 64]) {
        const row = results.latency?.summary.find(
          (r) => r.contender === contender && r.body === body && r.inFlight === inFlight,
        );
        verdicts.push({
          budget: `${contender}, ${body} body, ${inFlight === 1 ? "sequential" : "64 in flight"}: × openapi-fetch`,
          measured: row?.costRatio.value,
          limit,
          allowed: limit * overhead.headroom,
          unit: "×",
        });
      }
    }
  }
  return verdicts;
}

const passes = (v: Verdict) => v.measured !== undefined && v.measured <= v.allowed;

function main(): void {
  const file = process.argv[2] ?? join(__dirname, "results.json");
  const results = JSON.parse(readFileSync(file, "utf8")) as Results;
  const verdicts = checkBudgets(results);
  const show = (n: number | undefined, unit: string) =>
    n === undefined ? "not measured" : unit === "B" ? `${n} B` : `${n.toFixed(2)}×`;
  const rows = verdicts.map((v) => [
    v.budget,
    show(v.measured, v.unit),
    show(v.limit, v.unit),
    show(v.allowed, v.unit),
    passes(v) ? "ok" : "FAIL",
  ]);
  console.log(textTable(["budget", "measured", "limit", "with headroom", ""], rows));
  const dates = Object.entries(results.measuredAt ?? {}).map(([section, at]) => `${section} ${at.slice(0, 10)}`);
  console.log(`figures from ${file} (${dates.join(", ") || "undated"}); budgets from bench/budgets.json`);
  const failed = verdicts.filter((v) => !passes(v));
  if (failed.length) {
    console.error(`${failed.length} budget(s) exceeded or not measured: ${failed.map((v) => v.budget).join("; ")}`);
    process.exit(1);
  }
}

if (require.main === module) main();
