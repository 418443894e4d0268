// `make bench` / `make bench-quick`: runs every measurement once, prints the tables, and records the figures in
// bench/results.json (full counts; `--only` replaces just its sections there) or bench/tmp/results-quick.json.
// Markdown versions of the tables go to bench/tmp/results.md for BENCHMARKS.md. Needs dist/ (`make build`).
//   --quick         small counts, one round: a smoke run for CI (< 1 minute)
//   --only a,b      run only some sections: latency, memory, devtime, size, coldstart, validation
//   --baseline f    with validation: a dist/index.mjs built before validateResponses, to compare with
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem, type as osType, release } from "node:os";
import { join } from "node:path";
import { DIST_CJS, DIST_ESM } from "./contenders";
import { measureDevtime, type DevtimeInput, type DevtimeOutput } from "./devtime";
import type { LatencyInput, LatencyOutput, Scenario } from "./latency";
import type { MemoryInput, MemoryOutput } from "./memory";
import { runChild, startServer } from "./processes";
import {
  LATENCY_HEADER,
  fmt,
  latencyTableRows,
  markdownTable,
  summariseLatency,
  textTable,
  type LatencyRow,
  type TargetCheck,
} from "./report";
import { installPackedTarball } from "./installed";
import { BUNDLE_TARGETS, measureShippedBundles, type ShippedBundle } from "./shipped-size";
import { measureColdStart, type ColdStartRow } from "./cold-start";
import { measureValidation, type ValidationOutput } from "./validation";
import type { ServerStats } from "./server";

const SECTIONS = ["latency", "memory", "devtime", "size", "coldstart", "validation"] as const;
type Section = (typeof SECTIONS)[number];

interface Plan {
  latency: Omit<LatencyInput, "baseUrl">;
  memory: Omit<MemoryInput, "baseUrl" | "pagedBaseUrl">;
  devtime: DevtimeInput;
  /** Fresh processes per cold-start case. */
  coldStartRuns: number;
}

const scenarios = (smallSeq: number, smallWide: number, pageSeq: number, pageWide: number): Scenario[] => [
  { body: "small", inFlight: 1, requests: smallSeq },
  { body: "small", inFlight: 64, requests: smallWide },
  { body: "page", inFlight: 1, requests: pageSeq },
  { body: "page", inFlight: 64, requests: pageWide },
];

const FULL: Plan = {
  latency: { rounds: 30, warmupRequests: 200, slices: 4, scenarios: scenarios(400, 1024, 100, 512) },
  memory: { items: 100_000, requests: 100_000, inFlight: 16, contrast: true },
  devtime: { codegenRuns: 3, tscRuns: 5 },
  coldStartRuns: 15,
};

const QUICK: Plan = {
  latency: { rounds: 1, warmupRequests: 50, slices: 2, scenarios: scenarios(200, 384, 50, 128) },
  memory: { items: 5_000, requests: 2_000, inFlight: 16, contrast: false },
  devtime: { codegenRuns: 1, tscRuns: 1 },
  coldStartRuns: 3,
};

const TARGETS = { pageCost: 1.1, smallCost: 1.25 };

function parseArgs(argv: string[]): { quick: boolean; only: Set<Section> } {
  const quick = argv.includes("--quick");
  const onlyIndex = argv.indexOf("--only");
  const only = new Set<Section>(
    onlyIndex >= 0
      ? (argv[onlyIndex + 1] ?? "").split(",").filter((s): s is Section => SECTIONS.includes(s as Section))
      : SECTIONS,
  );
  return { quick, only };
}

let sectionStarted = Date.now();
function section(title: string): void {
  const now = Date.now();
  console.log(`\n== ${title} == (previous step took ${((now - sectionStarted) / 1000).toFixed(1)} s)`);
  sectionStarted = now;
}

async function main(): Promise<void> {
  const started = Date.now();
  const { quick, only } = parseArgs(process.argv.slice(2));
  const plan = quick ? QUICK : FULL;
  for (const file of [DIST_ESM, DIST_CJS]) {
    if (!existsSync(file))
      throw new Error(`${file} is missing: run \`make build\` (or npx tsx scripts/build.ts) first`);
  }
  const cpu = cpus();
  const machine = {
    node: process.version,
    v8: process.versions.v8,
    os: `${osType()} ${release()}`,
    cpu: cpu[0]?.model ?? "unknown",
    cores: cpu.length,
    memoryGB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    loadAverageAtStart: loadavg().map((x) => Math.round(x * 100) / 100),
  };
  console.log(
    `yclients-client benchmark (${quick ? "quick" : "full"}) on ${machine.cpu} x${machine.cores}, Node ${machine.node}`,
  );
  console.log(`load average at start: ${machine.loadAverageAtStart.join(", ")}`);

  const md: string[] = [];
  const targets: TargetCheck[] = [];
  let latencyRows: LatencyRow[] | undefined;
  let latencyRaw: LatencyOutput | undefined;
  let memory: MemoryOutput | undefined;
  let devtime: DevtimeOutput | undefined;
  let size: { installedBy: string; bundles: Omit<ShippedBundle, "code">[] } | undefined;
  let coldStart: { installedBy: string; runs: number; rows: ColdStartRow[] } | undefined;
  let serverStats: ServerStats | undefined;
  let bodies: { smallBytes: number; pageBytes: number; pagedPageBytes: number } | undefined;

  if (only.has("latency") || only.has("memory")) {
    const server = await startServer(quick ? 5 * 60_000 : 20 * 60_000);
    bodies = {
      smallBytes: server.ready.smallBytes,
      pageBytes: server.ready.pageBytes,
      pagedPageBytes: server.ready.pagedBytes,
    };
    console.log(
      `server: pid-separate node:http on ${server.baseUrl}; small body ${bodies.smallBytes} B, records page ${bodies.pageBytes} B, paged listing ${bodies.pagedPageBytes} B/page`,
    );
    try {
      if (only.has("latency")) {
        section("per-request cost (latency child, --expose-gc)");
        latencyRaw = await runChild<LatencyOutput>(
          "latency.ts",
          { ...plan.latency, baseUrl: server.baseUrl },
          9 * 60_000,
        );
        latencyRows = summariseLatency(latencyRaw);
        for (const body of ["small", "page"] as const) {
          for (const inFlight of [1, 64]) {
            const rows = latencyRows.filter((r) => r.body === body && r.inFlight === inFlight);
            const bytes = body === "small" ? bodies.smallBytes : bodies.pageBytes;
            const title = `${body === "small" ? "small body" : "records page"} (${bytes} B), ${inFlight === 1 ? "sequential" : `${inFlight} in flight`}, ${rows[0]?.rounds ?? 0} rounds`;
            console.log(`\n${title}\n${textTable(LATENCY_HEADER, latencyTableRows(rows))}`);
            md.push(`#### ${title}\n\n${markdownTable(LATENCY_HEADER, latencyTableRows(rows))}\n`);
          }
        }
        for (const row of latencyRows.filter((r) => r.contender === "sdk-typed" || r.contender === "sdk-friendly")) {
          const limit = row.body === "page" ? TARGETS.pageCost : TARGETS.smallCost;
          targets.push({
            section: "latency",
            name: `${row.label}, ${row.body === "page" ? "records page" : "small body"}, ${row.inFlight === 1 ? "sequential (median latency)" : "64 in flight (time per request)"}`,
            target: `≤ ${limit.toFixed(2)}× bare openapi-fetch`,
            measured: fmt.ratio(row.costRatio),
            met: row.costRatio.value <= limit,
          });
        }
      }
      if (only.has("memory")) {
        section("memory (memory child, --expose-gc)");
        memory = await runChild<MemoryOutput>(
          "memory.ts",
          { ...plan.memory, baseUrl: server.baseUrl, pagedBaseUrl: server.pagedBaseUrl },
          6 * 60_000,
        );
        const p = memory.pagination;
        const firstTenth = p.retained[0];
        const last = p.retained[p.retained.length - 1];
        const half = Math.floor(p.peaksPerTenth.length / 2);
        const peakFirstHalf = Math.max(...p.peaksPerTenth.slice(0, half).map((x) => x.heapGrowthMB));
        const peakSecondHalf = Math.max(...p.peaksPerTenth.slice(half).map((x) => x.heapGrowthMB));
        const memRows = [
          ["items walked / pages", `${p.items} / ${p.pages} in ${p.seconds.toFixed(1)} s`],
          [
            "heap after GC: start → 10 % → 100 %",
            `${p.baseline.heapUsedMB} → ${firstTenth.heapUsedMB} → ${last.heapUsedMB} MB`,
          ],
          ["retained heap growth from 10 % to 100 %", `${p.retainedGrowthMB} MB`],
          ["peak heap growth: first 10 % / whole walk", `${p.peakHeapGrowthFirstTenthMB} / ${p.peakHeapGrowthMB} MB`],
          ["peak heap growth: first half / second half", `${peakFirstHalf} / ${peakSecondHalf} MB`],
          ["peak RSS growth: first 10 % / whole walk", `${p.peakRssGrowthFirstTenthMB} / ${p.peakRssGrowthMB} MB`],
          ...(memory.contrast
            ? [
                [
                  `for scale: listAll() holding ${memory.contrast.items} items`,
                  `${memory.contrast.retainedHeapMB} MB retained heap`,
                ],
              ]
            : []),
          [
            `heap after GC over ${memory.requests.count} yc.GET calls (${memory.requests.inFlight} in flight)`,
            memory.requests.retained.map((x) => x.heapUsedMB).join(" → ") + " MB",
          ],
          [
            "heap growth from 10 % / from 50 % to the end",
            `${memory.requests.growthMB} / ${memory.requests.secondHalfGrowthMB} MB`,
          ],
        ];
        console.log(textTable(["measure", "value"], memRows));
        md.push(`#### Memory\n\n${markdownTable(["measure", "value"], memRows)}\n`);
        targets.push({
          section: "memory",
          name: `flat memory while paginating ${p.items} items`,
          target: "retained heap growth < 1 MB; peak heap in the 2nd half ≤ 1st half + 4 MB",
          measured: `${p.retainedGrowthMB} MB; ${peakFirstHalf} → ${peakSecondHalf} MB`,
          met: p.retainedGrowthMB < 1 && peakSecondHalf <= peakFirstHalf + 4,
        });
        targets.push({
          section: "memory",
          name: `no leak over ${memory.requests.count} requests`,
          target: "heap after GC grows < 1 MB from the 10 % checkpoint to the end",
          measured: `${memory.requests.growthMB} MB`,
          met: memory.requests.growthMB < 1,
        });
      }
      serverStats = await server.stats();
      console.log(
        `\nserver answered ${serverStats.requests} requests (${JSON.stringify(serverStats.byRoute)}), rejected ${serverStats.rejected}`,
      );
      if (serverStats.rejected) throw new Error("some contender sent a different Authorization header");
    } finally {
      await server.stop();
    }
  }

  if (only.has("devtime")) {
    section("developer-time costs");
    devtime = measureDevtime(plan.devtime, (text) => console.log(`  ${text}`));
    const c = devtime.codegen;
    const rows = [
      [`make codegen (tsx scripts/codegen.ts), median of ${c.runs}`, `${(c.medianMs / 1000).toFixed(2)} s`],
      ...devtime.tsc.variants.map((v) => [
        `tsc --noEmit: ${v.label}`,
        `${(v.wallMs / 1000).toFixed(2)} s wall, check ${(v.checkMs / 1000).toFixed(2)} s, ${v.instantiations} instantiations, ${v.memoryMB} MB${v.errors ? `, ${v.errors} ERRORS` : ""}`,
      ]),
    ];
    console.log(textTable(["measure", `median (tsc x${devtime.tsc.runs})`], rows));
    md.push(`#### Developer time\n\n${markdownTable(["measure", "median"], rows)}\n`);
  }

  if (only.has("size") || only.has("coldstart")) {
    // Both from the packed tarball installed by name in an empty folder, never from src/ or dist/ in place.
    const installed = installPackedTarball();
    try {
      if (only.has("size")) {
        section("bundle size from the packed tarball (esbuild, browser, ESM, minified, gzip -9)");
        const bundles = (await measureShippedBundles(installed.dir)).map(({ code: _code, ...rest }) => rest);
        size = { installedBy: installed.how, bundles };
        const rows = bundles.map((b) => [
          b.label,
          fmt.kb(b.minifiedBytes),
          fmt.kb(b.gzipBytes),
          b.targetGzip ? `≤ ${fmt.kb(b.targetGzip)}` : "",
        ]);
        console.log(textTable(["bundle", "minified", "gzip", "target"], rows));
        const parts = bundles
          .filter((b) => b.id !== "openapi-fetch")
          .flatMap((b) => b.byPackage.filter((p) => p.bytes >= 50).map((p) => [b.id, p.input, fmt.kb(p.bytes)]));
        console.log(`\nby input (minified):\n${textTable(["bundle", "input", "minified"], parts)}`);
        md.push(
          `#### Size (from the tarball)\n\n${markdownTable(["bundle", "minified", "gzip", "target"], rows)}\n\n${markdownTable(["bundle", "input", "minified"], parts)}\n`,
        );
        for (const b of bundles) {
          const target = (BUNDLE_TARGETS as Record<string, number>)[b.id];
          if (!target) continue;
          targets.push({
            section: "size",
            name: `bundle: ${b.label}`,
            target: `≤ ${fmt.kb(target)} gzip`,
            measured: fmt.kb(b.gzipBytes),
            met: b.gzipBytes <= target,
          });
        }
      }
      if (only.has("coldstart")) {
        section(`cold start from the packed tarball (${plan.coldStartRuns} fresh processes per case, median)`);
        const rows = measureColdStart(installed.dir, plan.coldStartRuns);
        coldStart = { installedBy: installed.how, runs: plan.coldStartRuns, rows };
        const table = rows.map((r) => [r.label, `${r.medianMs.toFixed(1)} ms`]);
        console.log(textTable(["cold load", "median"], table));
        md.push(`#### Cold start (from the tarball)\n\n${markdownTable(["cold load", "median"], table)}\n`);
        for (const r of rows.filter((x) => x.targetMs !== undefined)) {
          targets.push({
            section: "coldstart",
            name: `cold ${r.label}`,
            target: `≤ ${r.targetMs} ms`,
            measured: `${r.medianMs.toFixed(1)} ms`,
            met: r.medianMs <= r.targetMs!,
          });
        }
      }
    } finally {
      installed.remove();
    }
  }

  let validation: ValidationOutput | undefined;
  if (only.has("validation")) {
    section("validateResponses: bundle and per-request cost");
    const at = process.argv.indexOf("--baseline");
    validation = await measureValidation({ baselineDist: at > 0 ? process.argv[at + 1] : undefined });
    const bundleRows = validation.bundles.map((b) => [b.label, fmt.kb(b.entryGzip), fmt.kb(b.lazyGzip)]);
    const costRows = validation.perRequest.map((r) => [r.body, r.mode, r.microseconds.toFixed(1)]);
    console.log(textTable(["browser bundle of a typed-client consumer", "entry gzip", "lazy chunks gzip"], bundleRows));
    console.log(textTable(["answer", "validateResponses", "CPU µs per call"], costRows));
    console.log(`first validated call: +${validation.firstCallMs} ms (validator and spec loaded and prepared)`);
    md.push(
      `#### validateResponses\n\n${markdownTable(["bundle", "entry gzip", "lazy chunks gzip"], bundleRows)}\n\n${markdownTable(["answer", "validateResponses", "CPU µs per call"], costRows)}\n`,
    );
  }

  if (targets.length) {
    section("targets (figures, not tests)");
    const rows = targets.map((t) => [t.name, t.target, t.measured, t.met ? "met" : "MISSED"]);
    console.log(textTable(["target", "goal", "measured", ""], rows));
    md.push(`#### Targets\n\n${markdownTable(["target", "goal", "measured", ""], rows)}\n`);
  }

  const seconds = Math.round((Date.now() - started) / 100) / 10;
  const results = {
    generatedAt: new Date().toISOString(),
    mode: quick ? "quick" : "full",
    sections: [...only],
    seconds,
    machine: { ...machine, loadAverageAtEnd: loadavg().map((x) => Math.round(x * 100) / 100) },
    plan,
    bodies,
    latency: latencyRaw && latencyRows ? { summary: latencyRows, samples: latencyRaw.samples } : undefined,
    memory,
    devtime,
    size,
    coldStart,
    validation,
    server: serverStats,
    targets,
  };
  const tmp = join(__dirname, "tmp");
  mkdirSync(tmp, { recursive: true });
  // A full-count run, whole or partial, records its sections in results.json (what `make bench-check` reads);
  // sections it did not run keep their last figures, each dated in `measuredAt`.
  const out = quick ? join(tmp, "results-quick.json") : RESULTS;
  writeFileSync(out, JSON.stringify(quick ? results : mergeResults(results, only), null, 2) + "\n");
  writeFileSync(join(tmp, "results.md"), md.join("\n"));
  console.log(
    `\nwrote ${out} and bench/tmp/results.md in ${seconds} s (load average now ${results.machine.loadAverageAtEnd.join(", ")})`,
  );
}

const RESULTS = join(__dirname, "results.json");

/** The keys of results.json each section writes. */
const SECTION_KEYS: Record<Section, string[]> = {
  latency: ["latency", "bodies", "server"],
  memory: ["memory", "bodies", "server"],
  devtime: ["devtime"],
  size: ["size"],
  coldstart: ["coldStart"],
  validation: ["validation"],
};

/** This run's sections over the previous results.json: its figures replace theirs, the others are kept. */
function mergeResults(results: Record<string, unknown>, only: Set<Section>): Record<string, unknown> {
  const previous = existsSync(RESULTS) ? (JSON.parse(readFileSync(RESULTS, "utf8")) as Record<string, unknown>) : {};
  const merged: Record<string, unknown> = { ...previous, ...results, sections: SECTIONS };
  for (const section of SECTIONS) {
    if (only.has(section)) continue;
    for (const key of SECTION_KEYS[section]) if (key in previous) merged[key] = previous[key];
  }
  const measuredAt = { ...(previous.measuredAt as Record<string, string> | undefined) };
  for (const section of only) measuredAt[section] = results.generatedAt as string;
  merged.measuredAt = measuredAt;
  const kept = ((previous.targets as TargetCheck[] | undefined) ?? []).filter((t) => !only.has(t.section as Section));
  merged.targets = [...kept, ...(results.targets as TargetCheck[])];
  return merged;
}

main().catch((error) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
