// `yclients ops [filter] [--tag TAG] [--json]`: every operation with its command, method, path, whether it
// needs a user token, and its summary. The filter matches any of those words, the operation id or a tag.
import { catalogue, type CatalogueEntry } from "./operation-catalogue.js";
import type { CommandContext } from "./command-context.js";
import type { OptionSpecs, Parsed } from "./commander-options.js";
import { formatTable } from "./table.js";

export const OPS_HELP = `Usage: yclients ops [FILTER] [--tag TAG] [--json]

Lists the operations: command, method, path, "user" when a user token is needed, and the summary.
FILTER keeps those whose command, path, operation id, tag or summary contains it (case-insensitive).
On a terminal the columns are aligned under a header and cut to its width; piped, they are separated by
tabs (no header). --json prints objects instead.`;

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

export const OPS_OPTIONS: OptionSpecs = { tag: { type: "string" }, json: { type: "boolean" } };

export function opsCommand({ values, positionals }: Parsed, ctx: CommandContext): void {
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
  ctx.stdout.write(formatTable(["COMMAND", "METHOD", "PATH", "TOKEN", "SUMMARY"], cells, ctx.stdout.columns || 120));
}
