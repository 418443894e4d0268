// `yclients <resource> [group] <method> --flag value …`: one friendly SDK method, its flags and help derived
// from the generated resource table and the spec. Runs the SDK method itself (`yc.records.list(…)`), or with
// --all its paging helper (`yc.records.iterate(…)`), and prints the answer's `data`.
import type { CatalogueEntry } from "./operation-catalogue.js";
import { outputFor, pageSizeOf, printAll, printAnswer, type CommandContext } from "./command-context.js";
import { flagDocs, slotsOf } from "./friendly-arguments.js";
import { globalOptionSpecs, GLOBAL_OPTIONS, optionLines, type GlobalValues } from "./global-options.js";
import { parameterValue } from "./parameter-values.js";
import type { OptionSpecs, Parsed } from "./commander-options.js";
import { bodyWithFields } from "./body-fields.js";
import { checkBody, readBody } from "./request-body.js";
import { savedCompany } from "./profiles.js";
import { openSession } from "./session.js";
import { CliUsageError } from "./usage-error.js";

/** The command's options: the global ones, its path ids, its body and its query parameters as flags. */
export function friendlyOptions(entry: CatalogueEntry): OptionSpecs {
  const options: OptionSpecs = globalOptionSpecs();
  for (const slot of slotsOf(entry)) {
    if (slot.kind === "path") options[slot.flag] = { type: "string" };
    if (slot.kind === "body") {
      options.data = { type: "string", short: "d" };
      options.field = { type: "string", short: "F", multiple: true };
      options["raw-field"] = { type: "string", short: "f", multiple: true };
    }
    if (slot.kind === "query")
      for (const { flag, doc } of slot.flags) options[flag] = { type: "string", multiple: doc.type === "array" };
  }
  return options;
}

const wrap = (text: string, width = 100, indent = "  ") => {
  const out: string[] = [];
  for (const paragraph of text.split(/\n\s*\n/)) {
    let line = "";
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (line && line.length + word.length + 1 > width) {
        out.push(indent + line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    if (line) out.push(indent + line);
    out.push("");
  }
  return out;
};

/** The help of one command, from the spec's summary, description and parameter descriptions. */
export function friendlyHelp(entry: CatalogueEntry): string {
  const flags = flagDocs(entry);
  const slots = slotsOf(entry);
  const takesCompany = slots.some((s) => s.kind === "company");
  const required = flags.filter((f) => f.required).map((f) => `--${f.name} ${f.value ?? ""}`.trim());
  const lines = [
    `Usage: yclients ${entry.command!.join(" ")}${takesCompany ? " [--company ID]" : ""}${required.length ? ` ${required.join(" ")}` : ""} [options]`,
    "",
    `${entry.summary}${entry.info.deprecated ? " (deprecated)" : ""}`,
    "",
    ...wrap(entry.description),
    `${entry.info.method} ${entry.info.path} — ${entry.info.userToken ? "needs a user token (YCLIENTS_USER_TOKEN)" : "partner token only"}${entry.iterateMethod ? "; paged: --all prints every item" : ""}. SDK: yc.${entry.method!.join(".")}()`,
    "",
  ];
  if (flags.length) {
    lines.push("Parameters:");
    lines.push(
      ...optionLines(
        flags.map((f) => ({
          name: f.name,
          value: f.value,
          help: `${f.required ? "(required) " : ""}${f.help.replace(/\s+/g, " ")}`,
        })),
      ),
    );
    lines.push("");
  }
  if (takesCompany) lines.push("The company is --company, else YCLIENTS_COMPANY_ID, else the profile's.", "");
  lines.push("Options:", ...optionLines(GLOBAL_OPTIONS));
  return lines.join("\n");
}

function walk(target: unknown, names: readonly string[]): (...args: unknown[]) => unknown {
  let current = target as Record<string, unknown>;
  for (const name of names.slice(0, -1)) current = current[name] as Record<string, unknown>;
  const method = current[names[names.length - 1]] as (...args: unknown[]) => unknown;
  return (...args) => method.apply(current, args);
}

export async function friendlyCommand(
  entry: CatalogueEntry,
  { values, positionals }: Parsed,
  ctx: CommandContext,
): Promise<void> {
  const where = `yclients ${entry.command!.join(" ")}`;
  const global = values as GlobalValues;
  // Path ids may also come positionally, in path order, as the SDK method takes them (`booking times 16 2026-12-01`).
  const pathSlots = slotsOf(entry).filter((s) => s.kind === "path");
  if (positionals.length > pathSlots.length) {
    // The stray word is quoted only where it could be a misplaced path id; elsewhere it may be a password.
    if (!pathSlots.length) throw new CliUsageError(`${where} takes flags only, no other words: see ${where} --help`);
    const extra = positionals[pathSlots.length];
    throw new CliUsageError(
      `${where} takes at most ${pathSlots.length} path id${pathSlots.length > 1 ? "s" : ""} and flags, not "${extra}": see ${where} --help`,
    );
  }
  const positionalIds = new Map(pathSlots.map((s, i) => [s.flag, positionals[i]]));
  const raw = values as Record<string, string | string[] | undefined>;
  const asList = (v: string | string[] | undefined) => (v === undefined ? undefined : Array.isArray(v) ? v : [v]);
  if (slotsOf(entry).some((s) => s.kind === "form")) {
    throw new CliUsageError(
      `${where} uploads a file as multipart/form-data, which the command line does not send yet: use yc.${entry.method!.join(".")}() from the SDK`,
    );
  }
  const missing: string[] = [];
  // The SDK call: `method(…pathIds, [body,] params, options)`; the company comes from the client (--company).
  const positional: unknown[] = [];
  let body: unknown;
  let bodyFields: Record<string, unknown> | undefined;
  const query: Record<string, unknown> = {};
  for (const slot of slotsOf(entry)) {
    switch (slot.kind) {
      case "path": {
        const given = raw[slot.flag] as string | undefined;
        const fromPosition = positionalIds.get(slot.flag);
        if (given !== undefined && fromPosition !== undefined) {
          throw new CliUsageError(`${where}: --${slot.flag} is given both as a flag and positionally`);
        }
        const value = given ?? fromPosition;
        if (value === undefined) missing.push(`--${slot.flag}`);
        positional.push(
          value === undefined ? undefined : slot.date ? value : parameterValue(slot.doc, [value], `--${slot.flag}`),
        );
        break;
      }
      case "body": {
        body = raw.data === undefined ? undefined : await readBody(raw.data as string, ctx.stdin);
        body = bodyWithFields(body, { raw: asList(raw["raw-field"]), typed: asList(raw.field) });
        if (body === undefined && slot.required) missing.push("--data (-d) or -f/-F fields");
        if (!slot.fields) positional.push(body);
        else if (body !== undefined) {
          if (body === null || typeof body !== "object" || Array.isArray(body)) {
            throw new CliUsageError(`${where}: -d must be a JSON object of body fields`);
          }
          bodyFields = body as Record<string, unknown>;
        }
        break;
      }
      case "query":
        for (const { flag, key, doc } of slot.flags) {
          const value = asList(raw[flag]);
          if (value === undefined) {
            if (doc.required) missing.push(`--${flag}`);
            continue;
          }
          query[key] = parameterValue(doc, value, `--${flag}`);
        }
        break;
      case "company":
      case "form":
        break;
    }
  }
  const takesCompany = slotsOf(entry).some((s) => s.kind === "company");
  if (
    takesCompany &&
    !global.company &&
    !ctx.env.YCLIENTS_COMPANY_ID &&
    !global.simulator &&
    !savedCompany(global.profile, ctx.env)
  )
    missing.push("--company (or YCLIENTS_COMPANY_ID)");
  if (missing.length) throw new CliUsageError(`${where} needs ${missing.join(", ")}: see ${where} --help`);
  if (body !== undefined) checkBody(body, entry.body, where);
  const params = bodyFields || Object.keys(query).length ? { ...bodyFields, ...query } : undefined;
  const output = outputFor(global, ctx.stdout);
  const pageSize = pageSizeOf(global, entry.info.pagination);
  if (global.all && !entry.iterateMethod)
    throw new CliUsageError(`${where} is not a paged list, so --all does not apply`);
  const paging = entry.info.pagination;
  if (global.all && paging && (query[paging.page] !== undefined || query[paging.size] !== undefined)) {
    throw new CliUsageError(
      `with --all the pages are chosen for you: leave out --${paging.page} and --${paging.size} (use --page-size)`,
    );
  }

  const session = await openSession(global, ctx.diagnostics, ctx.env, {
    userToken: entry.info.userToken ? "required" : undefined,
    operation: `${entry.info.method} ${entry.info.path}`,
  });
  try {
    if (global.all) {
      const items = walk(session.yc, entry.iterateMethod!)(...positional, params, {
        pageSize,
      }) as AsyncIterable<unknown>;
      await printAll(items, output, session, ctx);
      return;
    }
    const result = (await walk(session.yc, entry.method!)(...positional, params)) as { data: unknown };
    await printAnswer(result.data, output);
  } finally {
    await session.close();
  }
}
