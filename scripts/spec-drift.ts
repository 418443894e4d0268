// `make spec-drift`: what changed between the spec (generated/openapi.json) and a docs extract, less the known
// differences listed in the baseline (openapi/drift-baseline.json). Exit 0: nothing new; 1: drift; 2: bad usage.
//   --extract FILE      the docs extract (or SPEC_DRIFT_EXTRACT=FILE); the format of
//                       test/fixtures/reference/yclients-docs-extract.json
//   --spec FILE         the spec to compare (default generated/openapi.json)
//   --baseline FILE     known differences (default openapi/drift-baseline.json); --no-baseline reports everything
//   --write-baseline    write every current difference to the baseline and exit 0
//   --json              the report as JSON on stdout: { drift, differences, noLongerSeen }
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { parseArgs } from "node:util";
import { compareSpecWithExtract, type ExtractOperation } from "../src/drift/compare";
import { baselineOf, checkDrift, formatDriftReport, isExtract, type DriftBaseline } from "../src/drift/report";

const ROOT = join(__dirname, "..");

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
  if (!isExtract(extract)) fail(`extract must be a JSON array of operations with method and path: ${extractFile}`);
  const spec = readJson(values.spec ?? join(ROOT, "generated", "openapi.json"), "spec") as Record<string, unknown>;
  const baselineFile = values.baseline ?? join(ROOT, "openapi", "drift-baseline.json");
  const differences = compareSpecWithExtract(spec, extract as ExtractOperation[]);

  if (values["write-baseline"]) {
    const baseline = baselineOf(differences, relative(ROOT, extractFile));
    writeFileSync(baselineFile, JSON.stringify(baseline, null, 2) + "\n");
    process.stdout.write(`spec-drift: wrote ${baseline.differences.length} known differences to ${baselineFile}\n`);
    return;
  }

  const useBaseline = !values["no-baseline"] && existsSync(baselineFile);
  const known = useBaseline ? ((readJson(baselineFile, "baseline") as DriftBaseline).differences ?? []) : [];
  const result = checkDrift(differences, known);
  process.stdout.write(
    values.json
      ? JSON.stringify(result, null, 2) + "\n"
      : formatDriftReport(result, useBaseline ? relative(ROOT, baselineFile) : undefined),
  );
  process.exitCode = result.drift ? 1 : 0;
}

main();
