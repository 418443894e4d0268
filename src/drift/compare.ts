// The spec against a docs extract (the per-operation JSON that test/fixtures/reference/yclients-docs-extract.json
// is a copy of): which operations, parameters, request fields and answer fields the docs have and the spec lacks
// ("added"), the spec has and the docs lack ("removed"), or both have with types that do not agree ("retyped").
// Pure: the spec and the extract in, the differences out. `make spec-drift` (scripts/spec-drift.ts) and
// `yclients spec-drift` (src/cli/spec-drift-command.ts) read the files and print with report.ts.
import { resolveRef } from "../resolve-ref.js";

/** One operation of a docs extract, as far as the comparison reads it. */
export interface ExtractOperation {
  method: string;
  /** As the docs write it: `/api/v1/records/{company_id}`, `/api/v2/…`, `/marketplace/…`. */
  path: string;
  path_params?: string[];
  query_params?: string[];
  /** Top-level request body fields and the docs' type text (`string`, `integer<int32>`, `Array of objects`, …). */
  request_body_fields?: Record<string, string>;
  /** Top-level answer fields and their type text (`success`, `data`, `meta`, or a bare answer's own fields). */
  response_schema_top?: Record<string, string>;
  /** The success status the docs describe the answer of (`201` for a creation). */
  first_success_status?: string;
}

export type DifferenceKind =
  | "operation added"
  | "operation removed"
  | "parameter added"
  | "parameter removed"
  | "request field added"
  | "request field removed"
  | "request field retyped"
  | "answer field added"
  | "answer field removed"
  | "answer field retyped";

export interface Difference {
  kind: DifferenceKind;
  /** `METHOD /path` as the spec writes it (as the docs do for an operation the spec lacks). */
  operation: string;
  /** The parameter (`query:date_from`, `path:company_id`) or field name. */
  name?: string;
  /** What the docs say, for a field: their type text; JSON types it stands for in brackets. */
  docs?: string;
  /** What the spec says, for a field: its JSON types. */
  spec?: string;
  /** Stable identity of the difference, what a baseline lists. */
  key: string;
}

type Json = Record<string, any>;
const METHODS = ["get", "post", "put", "patch", "delete"];

/** `GET /records/{}` for both sides: the docs' /api/v1 prefix dropped, parameter names and a final slash ignored. */
function matchKey(method: string, path: string): string {
  // Some docs paths carry an example query (`/cities?country_id=1`): the parameters are listed apart anyway.
  const noQuery = path.split("?")[0];
  const bare = noQuery.startsWith("/api/v1/") ? noQuery.slice("/api/v1".length) : noQuery;
  return `${method.toUpperCase()} ${bare.replace(/\{[^}]+\}/g, "{}").replace(/\/+$/, "")}`;
}

export function compareSpecWithExtract(spec: Json, extract: readonly ExtractOperation[]): Difference[] {
  const specOps = new Map<string, { method: string; path: string; op: Json }>();
  for (const [path, item] of Object.entries<Json>(spec.paths ?? {})) {
    for (const method of METHODS) {
      if (item[method]) specOps.set(matchKey(method, path), { method: method.toUpperCase(), path, op: item[method] });
    }
  }
  const out: Difference[] = [];
  const push = (d: Omit<Difference, "key">) =>
    out.push({ ...d, key: [d.kind, d.operation, d.name ?? ""].join(" | ").replace(/ \| $/, "") });
  const seen = new Set<string>();
  for (const entry of extract) {
    const key = matchKey(entry.method, entry.path);
    seen.add(key);
    const found = specOps.get(key);
    if (!found) {
      push({ kind: "operation added", operation: `${entry.method.toUpperCase()} ${entry.path}` });
      continue;
    }
    const operation = `${found.method} ${found.path}`;
    compareParameters(spec, found.op, entry, operation, push);
    compareFields(
      "request field",
      entry.request_body_fields ?? {},
      topLevel(spec, found.op.requestBody?.content?.["application/json"]?.schema),
      operation,
      push,
    );
    compareFields(
      "answer field",
      entry.response_schema_top ?? {},
      answerFields(spec, found.op, entry),
      operation,
      push,
    );
  }
  for (const [key, { method, path }] of specOps) {
    if (!seen.has(key)) push({ kind: "operation removed", operation: `${method} ${path}` });
  }
  return out;
}

function compareParameters(
  spec: Json,
  op: Json,
  entry: ExtractOperation,
  operation: string,
  push: (d: Omit<Difference, "key">) => void,
): void {
  const params = ((op.parameters ?? []) as Json[]).map((p) => resolve(spec, p));
  // Path parameters are part of the path template, which the operation match already compares (names aside).
  const specQuery = new Set(params.filter((p) => p.in === "query").map((p) => String(p.name)));
  const docsQuery = new Set((entry.query_params ?? []).map(String));
  for (const name of docsQuery) {
    if (!specQuery.has(name)) push({ kind: "parameter added", operation, name: `query:${name}` });
  }
  for (const name of specQuery) {
    if (!docsQuery.has(name)) push({ kind: "parameter removed", operation, name: `query:${name}` });
  }
}

function compareFields(
  what: "request field" | "answer field",
  docs: Record<string, string>,
  specFields: Map<string, Set<string>> | undefined,
  operation: string,
  push: (d: Omit<Difference, "key">) => void,
): void {
  const fields = specFields ?? new Map<string, Set<string>>();
  for (const [name, text] of Object.entries(docs)) {
    const types = fields.get(name);
    if (!types) {
      push({ kind: `${what} added`, operation, name, docs: String(text) });
      continue;
    }
    const docTypes = typesOfText(String(text));
    if (docTypes.size && types.size && ![...docTypes].every((t) => accepts(types, t))) {
      push({
        kind: `${what} retyped`,
        operation,
        name,
        docs: `${text} [${[...docTypes].join(" | ")}]`,
        spec: [...types].join(" | "),
      });
    }
  }
  for (const name of fields.keys()) {
    if (!(name in docs)) push({ kind: `${what} removed`, operation, name });
  }
}

/** Docs and spec disagree on integer vs number all the time (the docs say `number` for ids): one numeric family. */
function accepts(specTypes: Set<string>, docType: string): boolean {
  if (specTypes.has(docType)) return true;
  if (docType === "integer" || docType === "number") return specTypes.has("integer") || specTypes.has("number");
  return false;
}

/** The JSON types a docs type text stands for: `number or null[ 0 .. 3600 ]` → number, null. */
export function typesOfText(text: string): Set<string> {
  const out = new Set<string>();
  const cleaned = text.replace(/\(.*$/s, "").replace(/\[.*$/s, "").trim().toLowerCase();
  for (const part of cleaned.split(/\s+or\s+/)) {
    const word = part.trim();
    if (word.startsWith("array")) out.add("array");
    else {
      const base = /^[a-z]+/.exec(word)?.[0];
      if (base && ["string", "number", "integer", "boolean", "object", "null"].includes(base)) out.add(base);
    }
  }
  return out;
}

/** `value` with its `$ref`s followed; `{}` for nothing or a dangling ref, so callers read fields without checks. */
function resolve(spec: Json, value: Json | undefined): Json {
  return resolveRef(spec, value ?? {}) ?? {};
}

/** The schema of the answer with the docs' success status, else of the first documented 2xx with a JSON body. */
function successSchema(spec: Json, op: Json, preferred?: string): Json | undefined {
  const responses = Object.entries<Json>(op.responses ?? {});
  const ordered = [...responses.filter(([status]) => status === preferred), ...responses];
  for (const [status, response] of ordered) {
    if (!/^2/.test(status)) continue;
    const schema = resolve(spec, response).content?.["application/json"]?.schema;
    if (schema) return schema;
  }
  return undefined;
}

/**
 * The spec's fields to hold the docs' answer fields against. The docs list either the envelope
 * (`success`, `data`, `meta`) or, for many operations, the fields of `data` itself: then `data`'s (its items' for a
 * list) are compared.
 */
function answerFields(spec: Json, op: Json, entry: ExtractOperation): Map<string, Set<string>> | undefined {
  const schema = successSchema(spec, op, entry.first_success_status);
  const envelope = topLevel(spec, schema);
  const docs = Object.keys(entry.response_schema_top ?? {});
  const docsListEnvelope = docs.some((name) => ["success", "data", "meta"].includes(name));
  if (docsListEnvelope || docs.length === 0 || !envelope?.has("data")) return envelope;
  const data = dataSchema(spec, schema);
  return data ? topLevel(spec, data) : envelope;
}

function dataSchema(spec: Json, schema: Json | undefined): Json | undefined {
  const own = resolve(spec, schema);
  for (const part of [own, ...(own.allOf ?? [])]) {
    const data = resolve(spec, part).properties?.data;
    if (data) {
      const resolved = resolve(spec, data);
      return resolved.items ? resolve(spec, resolved.items) : resolved;
    }
  }
  return undefined;
}

/** Top-level properties of a schema (allOf merged; anyOf/oneOf branches that are objects merged) and their types. */
function topLevel(spec: Json, schema: Json | undefined): Map<string, Set<string>> | undefined {
  if (!schema) return undefined;
  const own = resolve(spec, schema);
  const out = new Map<string, Set<string>>();
  for (const part of [...(own.allOf ?? []), ...(own.anyOf ?? []), ...(own.oneOf ?? [])]) {
    for (const [name, types] of topLevel(spec, part) ?? [])
      out.set(name, new Set([...(out.get(name) ?? []), ...types]));
  }
  for (const [name, property] of Object.entries<Json>(own.properties ?? {})) {
    out.set(name, new Set([...(out.get(name) ?? []), ...typesOf(spec, property)]));
  }
  return out;
}

/** The JSON types a schema accepts at its top (an empty set when it says nothing, i.e. anything). */
export function typesOf(spec: Json, schema: Json, depth = 0): Set<string> {
  const own = resolve(spec, schema);
  const out = new Set<string>();
  if (depth > 10) return out;
  if (Array.isArray(own.type)) own.type.forEach((t: string) => out.add(t));
  else if (typeof own.type === "string") out.add(own.type);
  if ("const" in own) out.add(jsonType(own.const));
  if (Array.isArray(own.enum)) own.enum.forEach((v: unknown) => out.add(jsonType(v)));
  for (const part of [...(own.anyOf ?? []), ...(own.oneOf ?? [])]) {
    const inner = typesOf(spec, part, depth + 1);
    if (inner.size === 0) return new Set();
    inner.forEach((t) => out.add(t));
  }
  for (const part of own.allOf ?? []) typesOf(spec, part, depth + 1).forEach((t) => out.add(t));
  if (out.size === 0 && own.properties) out.add("object");
  if (out.size === 0 && own.items) out.add("array");
  return out;
}

function jsonType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}
