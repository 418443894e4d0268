// Cold start as a user pays it: a fresh `node` process imports (ESM) or requires (CommonJS) `yclients-client` by
// name from the installed tarball (bench/installed.ts), next to openapi-fetch alone in the same folder and run.
// Each case runs in `runs` fresh processes, interleaved (forwards, then backwards) so drifting load hits every case
// alike; the figure is the median time of the import/require itself. Used by `make bench` (bench/run.ts).
import { spawnSync } from "node:child_process";

export interface ColdStartRow {
  id: string;
  label: string;
  medianMs: number;
  /** The target in ms, on the SDK's rows. */
  targetMs?: number;
}

export const COLD_START_TARGET_MS = 25;

const CASES = [
  { id: "sdk-esm", label: 'import("yclients-client")', esm: true, spec: "yclients-client", sdk: true },
  { id: "sdk-cjs", label: 'require("yclients-client")', esm: false, spec: "yclients-client", sdk: true },
  { id: "webhooks-esm", label: 'import("yclients-client/webhooks")', esm: true, spec: "yclients-client/webhooks" },
  { id: "openapi-fetch-esm", label: 'for scale: import("openapi-fetch")', esm: true, spec: "openapi-fetch" },
  { id: "openapi-fetch-cjs", label: 'for scale: require("openapi-fetch")', esm: false, spec: "openapi-fetch" },
];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Median cold load per case, from `dir` (a folder with the package installed in node_modules). */
export function measureColdStart(dir: string, runs = 15): ColdStartRow[] {
  const samples = new Map<string, number[]>(CASES.map((c) => [c.id, []]));
  for (let run = 0; run < runs; run++) {
    for (const c of run % 2 === 0 ? CASES : [...CASES].reverse()) {
      const target = JSON.stringify(c.spec);
      const code = c.esm
        ? `const t0 = performance.now(); await import(${target}); console.log(performance.now() - t0);`
        : `const t0 = performance.now(); require(${target}); console.log(performance.now() - t0);`;
      const result = spawnSync(process.execPath, c.esm ? ["--input-type=module", "-e", code] : ["-e", code], {
        cwd: dir,
        encoding: "utf8",
        env: { PATH: process.env.PATH },
      });
      if (result.status !== 0) throw new Error(`${c.label} failed: ${result.stderr.slice(0, 500)}`);
      samples.get(c.id)!.push(Number(result.stdout.trim()));
    }
  }
  return CASES.map((c) => ({
    id: c.id,
    label: c.label,
    medianMs: Math.round(median(samples.get(c.id)!) * 10) / 10,
    targetMs: c.sdk ? COLD_START_TARGET_MS : undefined,
  }));
}

// `npx tsx bench/cold-start.ts [runs]`: the figures alone, from a fresh tarball.
if (require.main === module) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- only when run as a script
  const { installPackedTarball } = require("./installed") as typeof import("./installed");
  const installed = installPackedTarball();
  try {
    for (const row of measureColdStart(installed.dir, Number(process.argv[2] ?? 15))) {
      console.log(
        `${row.label.padEnd(40)} ${row.medianMs.toFixed(1)} ms${row.targetMs ? ` (target ≤ ${row.targetMs} ms)` : ""}`,
      );
    }
  } finally {
    installed.remove();
  }
}
