// An operation's `x-pagination`, checked: the same object the runtime reads (src/pagination.ts `Paging`).
type Json = Record<string, any>;

/** The `x-pagination` rule of an operation, checked; undefined when it has none. */
export function pagingOf(op: Json, where: string): Json | undefined {
  const p = op["x-pagination"];
  if (!p) return undefined;
  for (const key of ["in", "page", "size", "maxSize"]) {
    if (p[key] === undefined) throw new Error(`${where}: x-pagination needs "${key}"`);
  }
  return {
    in: p.in,
    page: p.page,
    size: p.size,
    maxSize: p.maxSize,
    ...(p.defaultSize ? { defaultSize: p.defaultSize } : {}),
    ...(p.total === false ? { total: false } : {}),
  };
}

/** The paging rule in words, for the docs of the paging helpers. */
export function pagingText(p: Json): string {
  const total = p.total === false ? ", `meta.total_count` ignored" : "";
  return `\`${p.page}\` + \`${p.size}\` in the ${p.in === "body" ? "body" : "query"}, up to ${p.maxSize} per page${total}`;
}
