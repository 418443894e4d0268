// `make spec-drift`: what changed between the spec (generated/openapi.json) and a docs extract, less the known
// differences listed in the baseline (openapi/drift-baseline.json). Exit 0: nothing new; 1: drift; 2: bad usage.
//   --extract FILE      the docs extract (or SPEC_DRIFT_EXTRACT=FILE); the format of
//                       test/fixtures/reference/yclients-docs-extract.json
//   --spec FILE         the spec to compare (default generated/openapi.json)
//   --baseline FILE     known differences (default openapi/drift-baseline.json); --no-baseline reports everything
//   --write-baseline    write every current difference to the baseline and exit 0
//   --json              the report as JSON on stdout
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { parseArgs } from "node:util";
import { compareSpecWithExtract, type Difference, type ExtractOperation } from "./drift/compare";

const ROOT = join(__dirname, "..");

interface Baseline {
  note: string;
  extract?: string;
  differences: string[];
}

function fail(message: string): never {
  process.stderr.write(`spec-drift: ${message}\n`);
  process.exit(2);
}

function readJson(file: string, what: string): unknown {
  if (!existsSync(file)) fail(`${what} not found: ${file}`);
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    fail(`${what} is not JSON (${file}): ${(error as Error).message}`);
  }
}

function main(): void {
  let parsed;
  try {
    parsed = parseArgs({
      args: process.argv.slice(2),
      options: {
        extract: { type: "string" },
        spec: { type: "string" },
        baseline: { type: "string" },
        "no-baseline": { type: "boolean" },
        "write-baseline": { type: "boolean" },
        json: { type: "boolean" },
      },
      strict: true,
    });
  } catch (error) {
    fail((error as Error).message);
  }
  const { values } = parsed;
  const extractFile = values.extract ?? process.env.SPEC_DRIFT_EXTRACT;
  if (!extractFile) fail("give the docs extract: --extract FILE or SPEC_DRIFT_EXTRACT=FILE");
  const extract = readJson(extractFile, "extract");
  if (
    !Array.isArray(extract) ||
    !extract.every((e) => e && typeof e.method === "string" && typeof e.path === "string")
  ) {
    fail(`extract must be a JSON array of operations with method and path: ${extractFile}`);
  }
  const spec = readJson(values.spec ?? join(ROOT, "generated", "openapi.json"), "spec") as Record<string, unknown>;
  const baselineFile = values.baseline ?? join(ROOT, "openapi", "drift-baseline.json");
  const differences = compareSpecWithExtract(spec, extract as ExtractOperation[]);

  if (values["write-baseline"]) {
    const baseline: Baseline = {
      note:
        "Known differences between the spec and the docs extract, written by `make spec-drift ARGS=--write-baseline`. " +
        "Each is deliberate (openapi/NOTES.md argues the spec's choices) or waits for a source; spec-drift reports " +
        "only what is not listed here.",
      extract: relative(ROOT, extractFile),
      differences: [...new Set(differences.map((d) => d.key))].sort(),
    };
    writeFileSync(baselineFile, JSON.stringify(baseline, null, 2) + "\n");
    process.stdout.write(`spec-drift: wrote ${baseline.differences.length} known differences to ${baselineFile}\n`);
    return;
  }

  const known = new Set<string>(
    values["no-baseline"] || !existsSync(baselineFile)
      ? []
      : ((readJson(baselineFile, "baseline") as Baseline).differences ?? []),
  );
  const fresh = differences.filter((d) => !known.has(d.key));
  const current = new Set(differences.map((d) => d.key));
  const gone = [...known].filter((key) => !current.has(key));
  if (values.json) {
    process.stdout.write(
      JSON.stringify({ drift: fresh.length > 0, differences: fresh, noLongerSeen: gone }, null, 2) + "\n",
    );
  } else {
    process.stdout.write(report(fresh, gone, known.size > 0 ? relative(ROOT, baselineFile) : undefined));
  }
  process.exitCode = fresh.length > 0 ? 1 : 0;
}

function report(fresh: Difference[], gone: string[], baseline: string | undefined): string {
  const lines: string[] = [];
  const against = baseline ? ` not in the baseline (${baseline})` : "";
  lines.push(
    fresh.length
      ? `spec-drift: ${fresh.length} difference${fresh.length === 1 ? "" : "s"} between the spec and the docs${against}`
      : `spec-drift: no drift: the spec and the docs agree${baseline ? " (apart from the baseline's known differences)" : ""}`,
  );
  const byKind = new Map<string, Difference[]>();
  for (const d of fresh) byKind.set(d.kind, [...(byKind.get(d.kind) ?? []), d]);
  for (const [kind, items] of byKind) {
    lines.push("", `${kind} (${items.length})`);
    for (const d of items) {
      const detail = d.docs !== undefined && d.spec !== undefined ? `: docs ${d.docs}, spec ${d.spec}` : "";
      lines.push(`  ${d.operation}${d.name ? `  ${d.name}` : ""}${detail}`);
    }
  }
  if (gone.length) {
    lines.push("", `baseline entries no longer seen (${gone.length}; refresh it with --write-baseline)`);
    for (const key of gone) lines.push(`  ${key}`);
  }
  return lines.join("\n") + "\n";
}

main();
