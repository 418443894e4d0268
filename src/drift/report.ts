// The baseline of known differences, and the report of what is new: shared by `make spec-drift` and
// `yclients spec-drift`.
import type { Difference } from "./compare.js";

export interface DriftBaseline {
  note: string;
  /** The extract the baseline was written from, for the reader. */
  extract?: string;
  /** Keys of the known differences (`Difference.key`). */
  differences: string[];
}

export interface DriftResult {
  drift: boolean;
  /** Differences the baseline does not list. */
  differences: Difference[];
  /** Baseline keys that no longer occur (fixed since, or the extract changed). */
  noLongerSeen: string[];
}

export function baselineOf(differences: readonly Difference[], extract?: string): DriftBaseline {
  return {
    note:
      "Known differences between the spec and the docs extract, written by `make spec-drift ARGS=--write-baseline`. " +
      "Each is deliberate (openapi/NOTES.md argues the spec's choices) or waits for a source; spec-drift reports " +
      "only what is not listed here.",
    extract,
    differences: [...new Set(differences.map((d) => d.key))].sort(),
  };
}

export function checkDrift(differences: readonly Difference[], known: readonly string[]): DriftResult {
  const knownSet = new Set(known);
  const fresh = differences.filter((d) => !knownSet.has(d.key));
  const current = new Set(differences.map((d) => d.key));
  return { drift: fresh.length > 0, differences: fresh, noLongerSeen: known.filter((key) => !current.has(key)) };
}

/** The readable report: one block per kind of difference, then the baseline entries no longer seen. */
export function formatDriftReport(result: DriftResult, baseline: string | undefined): string {
  const { differences: fresh, noLongerSeen: gone } = result;
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

/** Whether a parsed JSON value looks like a docs extract: an array of objects with a method and a path. */
export function isExtract(value: unknown): boolean {
  return (
    Array.isArray(value) &&
    value.every(
      (e) => e !== null && typeof e === "object" && typeof e.method === "string" && typeof e.path === "string",
    )
  );
}
