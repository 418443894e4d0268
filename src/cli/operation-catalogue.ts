// Every operation the CLI knows, joined from what `make codegen` writes: the operation table (method, path,
// user token, paging), the friendly-method table (command names and argument order) and the spec (summaries,
// parameter descriptions, tags). Nothing here lists an operation by hand.
import { operations, type OperationInfo } from "../../generated/operations.js";
import { resourceTable } from "../../generated/resources.js";
import { helperNames, splitOp, walkRows, type OperationRow } from "../resources/rows.js";
import { flattenSchema, loadSpec, resolveRef, type SpecOperation, type SpecSchema } from "./bundled-spec.js";

export interface ParameterDoc {
  name: string;
  in: "path" | "query";
  required: boolean;
  description: string;
  /** The schema's type (`integer`, `string`, `array`, …), for turning a command-line string into a value. */
  type: string;
  /** The type of an array's items. */
  itemType?: string;
  format?: string;
  enum?: unknown[];
}

export interface BodyDoc {
  required: boolean;
  contentType: string;
  /** Top-level fields the body must have. */
  requiredFields: string[];
  /** Top-level fields with their descriptions. */
  fields: Record<string, string>;
}

export interface CatalogueEntry {
  info: OperationInfo;
  /** The friendly command words, e.g. `["records", "list"]` for `yc.records.list` (kebab-case). */
  command?: string[];
  /** The friendly method's table row (argument order and kinds). */
  row?: OperationRow;
  /** The friendly method names that lead to it (`["records", "list"]`) and to its paging helper. */
  method?: string[];
  iterateMethod?: string[];
  summary: string;
  description: string;
  tags: string[];
  parameters: ParameterDoc[];
  body?: BodyDoc;
}

/** `bookingForms` → `booking-forms`. */
export function kebab(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
    .replace(/_/g, "-")
    .toLowerCase();
}

const key = (method: string, path: string) => `${method.toUpperCase()} ${path}`;

interface FriendlyMethod {
  method: string[];
  row: OperationRow;
  iterateMethod?: string[];
}

/** Walks the resource table: one entry per friendly method, with the name of its `iterate` helper if any. */
function friendlyMethods(): Map<string, FriendlyMethod> {
  const out = new Map<string, FriendlyMethod>();
  for (const { name, row } of walkRows(resourceTable)) {
    const { method, path } = splitOp(row);
    const k = key(method, path);
    if (out.has(k)) continue;
    const iterate = row.paged ? [...name.slice(0, -1), helperNames(name[name.length - 1]).iterate] : undefined;
    out.set(k, { method: name, row, iterateMethod: iterate });
  }
  return out;
}

function typeOf(schema: SpecSchema | undefined): string {
  const type = schema?.type;
  if (Array.isArray(type)) return type.includes("integer") ? "integer" : String(type.find((t) => t !== "null"));
  return type ?? "string";
}

let cache: CatalogueEntry[] | undefined;

/** The catalogue, in the operation table's order. */
export function catalogue(): CatalogueEntry[] {
  if (cache) return cache;
  const spec = loadSpec();
  const friendly = friendlyMethods();
  cache = operations.map((info) => {
    const pathItem = spec.paths[info.path] ?? {};
    const op = (pathItem[info.method.toLowerCase()] ?? { operationId: info.operationId }) as SpecOperation;
    const shared = (pathItem.parameters ?? []) as SpecOperation["parameters"];
    const parameters: ParameterDoc[] = [];
    for (const raw of [...(shared ?? []), ...(op.parameters ?? [])]) {
      const p = resolveRef(spec, raw);
      if (p.in !== "path" && p.in !== "query") continue;
      const schema = resolveRef(spec, p.schema ?? {});
      const existing = parameters.findIndex((q) => q.name === p.name && q.in === p.in);
      const doc: ParameterDoc = {
        name: p.name,
        in: p.in,
        required: p.in === "path" || p.required === true,
        description: (p.description ?? schema.description ?? "").trim(),
        type: typeOf(schema),
        itemType: schema.items ? typeOf(resolveRef(spec, schema.items)) : undefined,
        format: schema.format,
        enum: schema.enum,
      };
      if (existing >= 0) parameters[existing] = doc;
      else parameters.push(doc);
    }
    let body: BodyDoc | undefined;
    const content = op.requestBody?.content;
    if (content) {
      const contentType = Object.keys(content)[0];
      const schema = flattenSchema(spec, content[contentType]?.schema ?? {});
      const fields: Record<string, string> = {};
      for (const [name, field] of Object.entries(schema.properties ?? {})) {
        fields[name] = (resolveRef(spec, field).description ?? field.description ?? "").trim();
      }
      body = {
        required: op.requestBody?.required === true,
        contentType,
        requiredFields: schema.required ?? [],
        fields,
      };
    }
    const f = friendly.get(key(info.method, info.path));
    return {
      info,
      command: f?.method.map(kebab),
      row: f?.row,
      method: f?.method,
      iterateMethod: f?.iterateMethod,
      summary: (op.summary ?? "").trim(),
      description: (op.description ?? "").trim(),
      tags: op.tags ?? [],
      parameters,
      body,
    };
  });
  return cache;
}

/** The entry of a friendly command (`["records", "list"]`); camelCase words are accepted too. */
export function findCommand(words: readonly string[]): CatalogueEntry | undefined {
  const wanted = words.map(kebab).join(" ");
  return catalogue().find((entry) => entry.command?.join(" ") === wanted);
}

/** The entry of `METHOD /path/template`. */
export function findOperation(method: string, path: string): CatalogueEntry | undefined {
  return catalogue().find((entry) => key(entry.info.method, entry.info.path) === key(method, path));
}
