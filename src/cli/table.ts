// Aligned columns for a terminal (`ops`, list answers), as gh prints lists: a header, columns as wide as their
// widest cell, and rows cut to the terminal's width. Piped output never comes here (TSV or JSON instead).

/** A cell as one short line: nested values are left to the JSON output. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  const text = typeof value === "string" ? value : String(value);
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > 40 ? `${line.slice(0, 39)}…` : line;
}

/** Rows with a header, aligned; each line is cut at `width` characters. */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[], width: number): string {
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((r) => (r[i] ?? "").length)));
  const lines = all.map((r) =>
    r
      .map((cell, i) => (i < r.length - 1 ? (cell ?? "").padEnd(widths[i]) : (cell ?? "")))
      .join("  ")
      .trimEnd(),
  );
  return lines.map((l) => (l.length > width ? `${l.slice(0, width - 1)}…` : l)).join("\n") + "\n";
}

const isScalar = (v: unknown) => v === null || ["string", "number", "boolean"].includes(typeof v);

/**
 * A list answer (an array of objects) as a table of its plain fields, in the order the first items have them,
 * as many as fit the width. Undefined for anything else, which stays JSON.
 */
export function listTable(data: unknown, width: number): string | undefined {
  if (!Array.isArray(data) || data.length === 0) return undefined;
  if (!data.every((item) => item !== null && typeof item === "object" && !Array.isArray(item))) return undefined;
  const items = data as Record<string, unknown>[];
  const keys: string[] = [];
  for (const item of items.slice(0, 50))
    for (const [key, value] of Object.entries(item))
      if (!keys.includes(key) && isScalar(value) && items.every((i) => i[key] === undefined || isScalar(i[key])))
        keys.push(key);
  if (!keys.length) return undefined;
  // Columns are taken while they fit, so a narrow terminal shows the first fields whole.
  const chosen: string[] = [];
  let used = 0;
  for (const key of keys) {
    const w = Math.max(key.length, ...items.map((i) => cellText(i[key]).length));
    if (chosen.length && used + w + 2 > width) break;
    chosen.push(key);
    used += w + 2;
  }
  return formatTable(
    chosen.map((k) => k.toUpperCase()),
    items.map((i) => chosen.map((k) => cellText(i[k]))),
    width,
  );
}
