// `yclients spec-drift --extract FILE [--baseline FILE] [--json]`: the spec this executable was built with against a
// docs extract, like `make spec-drift` in the repository. Exits 16 when something differs that the baseline (if
// given) does not list.
import { readFileSync } from "node:fs";
import { compareSpecWithExtract, type ExtractOperation } from "../drift/compare.js";
import { checkDrift, formatDriftReport, isExtract, type DriftBaseline } from "../drift/report.js";
import type { CommandContext } from "./command-context.js";
import { EXIT } from "./exit-codes.js";
import type { OptionSpecs, Parsed } from "./commander-options.js";
import { loadSpec } from "./bundled-spec.js";
import { CliUsageError } from "./usage-error.js";

export const SPEC_DRIFT_HELP = `Usage: yclients spec-drift --extract FILE [--baseline FILE] [--json]

Compares the spec this executable was built with against a docs extract (one JSON object per operation: method,
path, query_params, request_body_fields, response_schema_top; SPEC_DRIFT_EXTRACT=FILE works too) and prints the
operations, query parameters, request and answer fields the docs added, removed or retyped. --baseline FILE leaves
out the known differences it lists (openapi/drift-baseline.json in the repository). Exit ${EXIT.drift} on drift.`;

function readJson(file: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    throw new CliUsageError(`spec-drift: cannot read the ${what} ${file}`);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new CliUsageError(`spec-drift: the ${what} ${file} is not JSON`);
  }
}

export const SPEC_DRIFT_OPTIONS: OptionSpecs = {
  extract: { type: "string" },
  baseline: { type: "string" },
  json: { type: "boolean" },
};

export function specDriftCommand({ values }: Parsed, ctx: CommandContext): number {
  const baseline = values.baseline as string | undefined;
  const file = (values.extract as string | undefined) ?? ctx.env.SPEC_DRIFT_EXTRACT;
  if (!file) throw new CliUsageError("spec-drift needs the docs extract: --extract FILE (or SPEC_DRIFT_EXTRACT)");
  const extract = readJson(file, "extract");
  if (!isExtract(extract)) throw new CliUsageError(`spec-drift: ${file} is not an array of operations`);
  const known = baseline ? ((readJson(baseline, "baseline") as DriftBaseline).differences ?? []) : [];
  const differences = compareSpecWithExtract(loadSpec() as never, extract as ExtractOperation[]);
  const result = checkDrift(differences, known);
  ctx.stdout.write(values.json ? `${JSON.stringify(result, null, 2)}\n` : formatDriftReport(result, baseline));
  return result.drift ? EXIT.drift : EXIT.ok;
}
