// A friendly method's arguments (the table row's tokens, see src/resources/bind.ts) as command-line flags:
// path ids and dates become `--staff-id`, `--date`; the company id is the global `--company`; positional body
// fields (`auth.getUserToken(login, password)`) become `--login`, `--password`; the query object becomes one
// flag per query parameter of the spec; a body object is `-d`.
import type { CatalogueEntry, ParameterDoc } from "./catalogue.js";
import { kebab } from "./catalogue.js";
import { GLOBAL_OPTIONS } from "./global-options.js";

export type Slot =
  | { kind: "path"; flag: string; doc: ParameterDoc; date: boolean }
  | { kind: "company" }
  | { kind: "field"; flag: string; name: string; description: string }
  | { kind: "qfield"; flag: string; doc: ParameterDoc }
  | { kind: "body"; required: boolean }
  /** A multipart upload (a FormData): the command line cannot build one yet. */
  | { kind: "form" }
  | { kind: "query"; required: boolean; flags: { flag: string; doc: ParameterDoc }[] };

export interface FlagDoc {
  name: string;
  value?: string;
  help: string;
  required: boolean;
}

const GLOBAL_NAMES = new Set(GLOBAL_OPTIONS.map((o) => o.name));

/** A flag name for a parameter that does not clash with a global option (`--q-all` if one were called `all`). */
function flagFor(name: string): string {
  const flag = kebab(name);
  return GLOBAL_NAMES.has(flag) || flag === "d" || flag === "data" ? `q-${flag}` : flag;
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

export function slotsOf(entry: CatalogueEntry): Slot[] {
  const tokens = (entry.row?.[2] ?? "").split(" ").filter(Boolean);
  const positionalQuery = new Set(tokens.filter((t) => t.startsWith("qfield:")).map((t) => t.split(":")[1]));
  return tokens.map((token): Slot => {
    const [kind, a = "", b = ""] = token.split(":");
    switch (kind) {
      case "id":
      case "date":
      case "str":
        return { kind: "path", flag: flagFor(a), doc: paramDoc(entry, a, "path"), date: kind === "date" };
      case "company":
        return { kind: "company" };
      case "field":
        return { kind: "field", flag: flagFor(a), name: a, description: entry.body?.fields[a] ?? "" };
      case "qfield":
        return {
          kind: "qfield",
          flag: flagFor(a),
          doc: { ...paramDoc(entry, a, "query"), required: b === "required" },
        };
      case "body":
      case "body?":
        return { kind: "body", required: kind === "body" };
      case "form":
        return { kind: "form" };
      case "query":
      case "query?": {
        const required = new Set(a ? a.split(",") : []);
        const flags = entry.parameters
          .filter((p) => p.in === "query" && !positionalQuery.has(p.name))
          .map((doc) => ({
            flag: flagFor(doc.name),
            doc: { ...doc, required: doc.required || required.has(doc.name) },
          }));
        return { kind: "query", required: kind === "query", flags };
      }
      default:
        // A token kind this CLI does not know yet: fail loudly rather than guess its flags.
        throw new Error(`generated/resources.ts: unknown argument token "${token}"`);
    }
  });
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
      case "qfield":
        out.push({
          name: slot.flag,
          value: slot.kind === "path" && slot.date ? "YYYY-MM-DD" : typeHint(slot.doc),
          help: slot.doc.description,
          required: slot.doc.required,
        });
        break;
      case "field":
        out.push({ name: slot.flag, value: "STRING", help: slot.description, required: true });
        break;
      case "body":
        out.push({
          name: "data",
          value: "JSON|@FILE|-",
          help: "The request body (-d): JSON, a file holding it, or - for stdin.",
          required: slot.required,
        });
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
