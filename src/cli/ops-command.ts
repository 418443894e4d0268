// `yclients ops [filter] [--tag TAG] [--json]`: every operation with its command, method, path, whether it
// needs a user token, and its summary. The filter matches any of those words, the operation id or a tag.
import { catalogue, type CatalogueEntry } from "./catalogue.js";
import type { CommandContext } from "./command-context.js";
import { parseOrExplain } from "./parse.js";

export const OPS_HELP = `Usage: yclients ops [FILTER] [--tag TAG] [--json]

Lists the operations: command, method, path, "user" when a user token is needed, and the summary.
FILTER keeps those whose command, path, operation id, tag or summary contains it (case-insensitive).
Columns are separated by tabs when stdout is not a terminal; --json prints objects instead.`;

function row(entry: CatalogueEntry) {
  return {
    command: entry.command?.join(" ") ?? "",
    method: entry.info.method,
    path: entry.info.path,
    userToken: entry.info.userToken,
    paged: entry.info.pagination !== undefined,
    deprecated: entry.info.deprecated === true,
    operationId: entry.info.operationId,
    tags: entry.tags,
    summary: entry.summary,
  };
}

export function opsCommand(argv: string[], ctx: CommandContext): void {
  const { values, positionals } = parseOrExplain(
    argv,
    { tag: { type: "string" }, json: { type: "boolean" }, help: { type: "boolean", short: "h" } },
    true,
    "ops",
  );
  if (values.help) {
    ctx.stdout.write(`${OPS_HELP}\n`);
    return;
  }
  const filter = positionals.join(" ").toLowerCase();
  const rows = catalogue()
    .map(row)
    .filter((r) => !values.tag || r.tags.includes(values.tag as string))
    .filter(
      (r) =>
        !filter ||
        [r.command, r.path, r.operationId, r.summary, ...r.tags].some((t) => t.toLowerCase().includes(filter)),
    );
  if (values.json) {
    ctx.stdout.write(`${JSON.stringify(rows, null, ctx.stdout.isTTY ? 2 : undefined)}\n`);
    return;
  }
  const cells = rows.map((r) => [r.command, r.method, r.path, r.userToken ? "user" : "", r.summary]);
  if (!ctx.stdout.isTTY) {
    ctx.stdout.write(cells.map((c) => c.join("\t")).join("\n") + (cells.length ? "\n" : ""));
    return;
  }
  const widths = [0, 1, 2, 3].map((i) => Math.max(...cells.map((c) => c[i].length), 0));
  ctx.stdout.write(cells.map((c) => c.map((v, i) => (i < 4 ? v.padEnd(widths[i]) : v)).join("  ")).join("\n") + "\n");
}
