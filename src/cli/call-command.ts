// `yclients call METHOD /path -p name=value -q name=value -d BODY`: any operation of the spec by its path.
// Names and required parameters are checked against the spec before anything is sent.
import { iterateItems } from "../pagination.js";
import { catalogue, findOperation, type CatalogueEntry } from "./operation-catalogue.js";
import { outputFor, pageSizeOf, printAll, printAnswer, type CommandContext } from "./command-context.js";
import { optionLines, GLOBAL_OPTIONS, type GlobalValues } from "./global-options.js";
import { checkParameters, pairs } from "./parameter-values.js";
import { bodyWithFields } from "./body-fields.js";
import { checkBody, readBody } from "./request-body.js";
import { savedCompany } from "./profiles.js";
import { openSession } from "./session.js";
import { CliUsageError } from "./usage-error.js";
import type { OptionSpecs, Parsed } from "./commander-options.js";

const CALL_OPTION_DOCS = [
  { name: "p", spec: { type: "string", multiple: true }, value: "NAME=VALUE", help: "A path parameter (repeatable)." },
  {
    name: "q",
    spec: { type: "string", multiple: true },
    value: "NAME=VALUE",
    help: "A query parameter (repeatable; arrays: repeat it or use commas).",
  },
  {
    name: "d",
    spec: { type: "string" },
    value: "JSON|@FILE|-",
    help: "The JSON request body, a file holding it, or - for stdin.",
  },
  {
    name: "F",
    spec: { type: "string", multiple: true },
    value: "KEY=VALUE",
    help: "A typed body field (repeatable): true, false, null, numbers, JSON; key[sub]=, key[]= nest.",
  },
  {
    name: "f",
    spec: { type: "string", multiple: true },
    value: "KEY=VALUE",
    help: "A string body field (repeatable).",
  },
] as const;

export const CALL_HELP = [
  "Usage: yclients call METHOD PATH [-p name=value]… [-q name=value]… [-d JSON|@file|-] [-f|-F key=value]… [options]",
  "",
  "Calls one operation by its path, as written in the spec (`yclients ops` lists them). A concrete path",
  "(/book_dates/4564) works too: its values fill the path parameters. Prints the API's answer as sent.",
  "",
  ...optionLines(CALL_OPTION_DOCS.map((o) => ({ ...o, name: o.name }))).map((l) => l.replace("--", "-")),
  ...optionLines(GLOBAL_OPTIONS),
].join("\n");

const split = (path: string) => path.replace(/\/+$/, "").split("/");

/** The operation and the path values a concrete path carries (`/book_dates/4564` → company_id=4564). */
function resolve(method: string, path: string): { entry: CatalogueEntry; fromPath: Map<string, string[]> } {
  const exact = findOperation(method, path);
  if (exact) return { entry: exact, fromPath: new Map() };
  const wanted = split(path);
  const samePath: CatalogueEntry[] = [];
  for (const entry of catalogue()) {
    const template = split(entry.info.path);
    if (template.length !== wanted.length) continue;
    const values = new Map<string, string[]>();
    const fits = template.every((part, i) => {
      const name = /^\{(.+)\}$/.exec(part)?.[1];
      if (name) {
        values.set(name, [decodeURIComponent(wanted[i])]);
        return wanted[i] !== "";
      }
      return part === wanted[i];
    });
    if (!fits) continue;
    if (entry.info.method === method) return { entry, fromPath: values };
    samePath.push(entry);
  }
  if (samePath.length) {
    throw new CliUsageError(
      `${path} has no ${method} operation; it has ${[...new Set(samePath.map((e) => e.info.method))].join(", ")}`,
    );
  }
  throw new CliUsageError(`no operation has the path ${path}; \`yclients ops\` lists them`);
}

export const CALL_OPTIONS: OptionSpecs = Object.fromEntries(CALL_OPTION_DOCS.map((o) => [o.name, o.spec]));

export async function callCommand({ values, positionals }: Parsed, ctx: CommandContext): Promise<void> {
  const global = values as GlobalValues;
  if (positionals.length !== 2)
    throw new CliUsageError("usage: yclients call METHOD PATH [-p name=value] [-q name=value] [-d body]");
  const method = positionals[0].toUpperCase();
  const { entry, fromPath } = resolve(method, positionals[1]);
  const where = `${entry.info.method} ${entry.info.path}`;
  const given = pairs(values.p as string[] | undefined, "-p");
  for (const [name, raw] of fromPath) if (!given.has(name)) given.set(name, raw);
  // The company path parameter (the one the friendly method fills from companyId) defaults like everywhere else.
  const companyParam = entry.row?.company;
  const company =
    global.company ??
    ctx.env.YCLIENTS_COMPANY_ID ??
    (global.simulator ? undefined : savedCompany(global.profile, ctx.env));
  if (companyParam && company !== undefined && !given.has(companyParam)) given.set(companyParam, [company]);
  const pathParams = checkParameters("path", given, entry.parameters, where, "-p");
  const query = checkParameters("query", pairs(values.q as string[] | undefined, "-q"), entry.parameters, where, "-q");
  const body = bodyWithFields(values.d === undefined ? undefined : await readBody(values.d as string, ctx.stdin), {
    raw: values.f as string[] | undefined,
    typed: values.F as string[] | undefined,
  });
  checkBody(body, entry.body, where);
  const output = outputFor(global, ctx.stdout);
  const paging = entry.info.pagination;
  const pageSize = pageSizeOf(global, paging);
  if (global.all && !paging) throw new CliUsageError(`${where} is not a paged list, so --all does not apply`);
  if (global.all && paging && (query[paging.page] !== undefined || query[paging.size] !== undefined)) {
    throw new CliUsageError(
      `with --all the pages are chosen for you: leave out ${paging.page} and ${paging.size} (use --page-size)`,
    );
  }

  const session = await openSession(global, ctx.diagnostics, ctx.env, {
    userToken: entry.info.userToken ? "required" : undefined,
    operation: `${entry.info.method} ${entry.info.path}`,
  });
  try {
    const hasQuery = Object.keys(query).length > 0;
    if (global.all && paging) {
      const items = iterateItems(
        session.yc,
        {
          method,
          path: entry.info.path,
          paging,
          pathParams,
          query: hasQuery ? query : undefined,
          body: body as Record<string, unknown> | undefined,
        },
        { pageSize },
      );
      await printAll(items, output, session, ctx);
      return;
    }
    const init: Record<string, unknown> = { params: { path: pathParams, query: hasQuery ? query : undefined } };
    if (body !== undefined) init.body = body;
    const send = (session.yc as unknown as Record<string, (path: string, init: object) => Promise<{ data: unknown }>>)[
      method
    ];
    const { data } = await send(entry.info.path, init);
    await printAnswer(data, output);
  } finally {
    await session.close();
  }
}
