// A friendly method's arguments (its typed row, src/resources/rows.ts) as command-line flags: path ids and dates
// become `--staff-id`, `--date`; the company id is the global `--company`; each query parameter of `params` is a
// flag of its own; body fields (and a positional JSON body) are `-d`.
import type { CatalogueEntry, ParameterDoc } from "./operation-catalogue.js";
import { kebab } from "./operation-catalogue.js";
import { GLOBAL_OPTIONS } from "./global-options.js";
import { queryNames } from "../resources/rows.js";

export type Slot =
  | { kind: "path"; flag: string; doc: ParameterDoc; date: boolean }
  | { kind: "company" }
  /** A positional JSON body (an array…) or the body fields of `params`: both come from -d. */
  | { kind: "body"; required: boolean; fields: boolean }
  /** A multipart upload (a FormData): the command line cannot build one yet. */
  | { kind: "form" }
  /** The query parameters of `params`, one flag each (`key` is the name in params). */
  | { kind: "query"; flags: { flag: string; key: string; doc: ParameterDoc }[] };

export interface FlagDoc {
  name: string;
  value?: string;
  help: string;
  required: boolean;
}

const GLOBAL_NAMES = new Set(GLOBAL_OPTIONS.map((o) => o.name));
/** The body's own flags (-d, -f, -F), which no parameter may take. */
const BODY_FLAGS = new Set(["d", "data", "f", "raw-field", "F", "field"]);

/** A flag name for a parameter that does not clash with a global option (`--q-all` if one were called `all`). */
function flagFor(name: string): string {
  const flag = kebab(name);
  return GLOBAL_NAMES.has(flag) || BODY_FLAGS.has(flag) ? `q-${flag}` : flag;
}

function paramDoc(entry: CatalogueEntry, name: string, where: "path" | "query"): ParameterDoc {
  return (
    entry.parameters.find((p) => p.name === name && p.in === where) ?? {
      name,
      in: where,
      required: where === "path",
      description: "",
      type: "string",
    }
  );
}

/** The slots in call order: path ids, the company, a positional body, then params (query flags and -d). */
export function slotsOf(entry: CatalogueEntry): Slot[] {
  const row = entry.row;
  if (!row) return [];
  const slots: Slot[] = (row.path ?? []).map((p) => ({
    kind: "path",
    flag: flagFor(p.name),
    doc: paramDoc(entry, p.name, "path"),
    date: p.kind === "date",
  }));
  if (row.company) slots.push({ kind: "company" });
  if (row.body === "form") slots.push({ kind: "form" });
  else if (row.body) slots.push({ kind: "body", required: Boolean(row.bodyRequired), fields: row.body === "fields" });
  // Every query parameter of the spec is a flag, under its key in params (renamed ones per the row).
  const keys = new Map((row.query ?? []).map((q) => [queryNames(q).wire, queryNames(q).key]));
  const required = new Set(row.required ?? []);
  const flags = entry.parameters
    .filter((p) => p.in === "query")
    .map((doc) => {
      const key = keys.get(doc.name) ?? doc.name;
      return { flag: flagFor(key), key, doc: { ...doc, required: doc.required || required.has(key) } };
    });
  if (flags.length) slots.push({ kind: "query", flags });
  return slots;
}

function typeHint(doc: ParameterDoc): string {
  if (doc.type === "array") return `${(doc.itemType ?? "string").toUpperCase()},…`;
  if (doc.format === "date") return "YYYY-MM-DD";
  return doc.type.toUpperCase();
}

/** The flags of a friendly command, for parsing, help and completion. */
export function flagDocs(entry: CatalogueEntry): FlagDoc[] {
  const out: FlagDoc[] = [];
  for (const slot of slotsOf(entry)) {
    switch (slot.kind) {
      case "path":
        out.push({
          name: slot.flag,
          value: slot.date ? "YYYY-MM-DD" : typeHint(slot.doc),
          help: slot.doc.description,
          required: slot.doc.required,
        });
        break;
      case "body":
        out.push({
          name: "data",
          value: "JSON|@FILE|-",
          help: slot.fields
            ? "The body fields of the request (-d): JSON, a file holding it, or - for stdin."
            : "The request body (-d): JSON, a file holding it, or - for stdin.",
          required: slot.required,
        });
        out.push(
          {
            name: "field",
            value: "KEY=VALUE",
            help: "A body field, typed (-F, repeatable): true, false, null, numbers and JSON become values; key[sub]=, key[]= nest.",
            required: false,
          },
          {
            name: "raw-field",
            value: "KEY=VALUE",
            help: "A body field as a string (-f, repeatable).",
            required: false,
          },
        );
        break;
      case "query":
        for (const { flag, doc } of slot.flags)
          out.push({ name: flag, value: typeHint(doc), help: doc.description, required: doc.required });
        break;
      case "company":
      case "form":
        break;
    }
  }
  return out;
}
