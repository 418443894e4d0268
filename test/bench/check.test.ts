// `make bench-check`: the recorded figures against bench/budgets.json. It must pass on the committed results, fail
// (exit 1) when a figure is over its limit times headroom, and fail when a budget has no figure at all.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import budgets from "../../bench/budgets.json";

const ROOT = join(__dirname, "..", "..");
const RESULTS = join(ROOT, "bench", "results.json");

/** Runs bench/check.ts on `results` (a path, or an object written to a temp file); its exit code and output. */
function check(results: string | object): { status: number | null; output: string } {
  const dir = mkdtempSync(join(tmpdir(), "bench-check-"));
  try {
    const file = typeof results === "string" ? results : join(dir, "results.json");
    if (typeof results !== "string") writeFileSync(file, JSON.stringify(results));
    const run = spawnSync(process.execPath, ["--import", "tsx", join(ROOT, "bench", "check.ts"), file], {
      cwd: ROOT,
      encoding: "utf8",
    });
    return { status: run.status, output: run.stdout + run.stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const committed = () => JSON.parse(readFileSync(RESULTS, "utf8"));

describe("bench/check.ts", () => {
  it("passes on the committed figures", () => {
    const { status, output } = check(RESULTS);
    expect(output).not.toMatch(/FAIL|not measured/);
    expect(status).toBe(0);
  });

  it("fails when a bundle is over its ceiling plus headroom, not when it is only over the ceiling", () => {
    const ceiling = budgets.bundles.ceilings["typed-only"];
    const withTypedOnly = (gzipBytes: number) => {
      const results = committed();
      results.size.bundles.find((b: { id: string }) => b.id === "typed-only").gzipBytes = gzipBytes;
      return results;
    };
    expect(check(withTypedOnly(ceiling + 1)).status).toBe(0);
    const over = check(withTypedOnly(Math.round(ceiling * budgets.bundles.headroom) + 1));
    expect(over.status).toBe(1);
    expect(over.output).toMatch(/bundle typed-only, gzip .* FAIL/);
  });

  it("fails when the per-request overhead is over budget", () => {
    const results = committed();
    const row = results.latency.summary.find(
      (r: { contender: string; body: string; inFlight: number }) =>
        r.contender === "sdk-friendly" && r.body === "small" && r.inFlight === 64,
    );
    row.costRatio.value = budgets.overhead.costRatio.small * budgets.overhead.headroom + 0.01;
    const { status, output } = check(results);
    expect(status).toBe(1);
    expect(output).toMatch(/sdk-friendly, small body, 64 in flight.* FAIL/);
  });

  it("fails when a budget was never measured", () => {
    const { size: _size, ...withoutSizes } = committed();
    const { status, output } = check(withoutSizes);
    expect(status).toBe(1);
    expect(output).toMatch(/not measured/);
  });
});
