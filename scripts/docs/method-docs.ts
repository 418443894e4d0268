// What the reference says about each friendly method, as data: built from the typed rows of generated/resources.ts
// (the call shape the SDK really has) and the spec (summaries, parameter and answer schemas). The pages render it.
import { helperNames, positionalBody, splitOp, walkRows, argName, queryNames } from "../../src/resources/rows";
import type { OperationRow, ResourceTable } from "../../src/resources/rows";
import { operations } from "../../generated/operations";
import { listOperations } from "../merge-spec";
import { deref, fieldsOf, objectOf, typeText, type Field } from "./schema-text";

type Json = Record<string, any>;

export interface ParamDoc {
  readonly name: string;
  /** Where it goes: a positional `path` id, `query` or `body` inside params, a positional `body`, or `options`. */
  readonly in: "path" | "query" | "body" | "options";
  readonly type: string;
  readonly required: boolean;
  readonly description: string;
}

export interface HelperDoc {
  /** Its name on the resource (`iterate`, `listAll`) and the anchor on the page. */
  readonly method: string;
  readonly signature: string;
  readonly what: string;
}

export interface MethodDoc {
  /** `booking.times`, `loyalty.cards.manualTransaction`. */
  readonly name: string;
  /** The page: the first part of the name. */
  readonly resource: string;
  /** The anchor on the page: the rest of the name (`times`, `cards.manualTransaction`). */
  readonly anchor: string;
  readonly signature: string;
  /** `GET /book_times/{company_id}/{staff_id}/{date}`. */
  readonly http: string;
  readonly summary: string;
  readonly description: string;
  readonly params: readonly ParamDoc[];
  readonly answer: { readonly type: string; readonly description: string; readonly fields: readonly Field[] };
  readonly userToken: boolean;
  readonly idempotent: boolean;
  readonly deprecated?: string;
  readonly paging?: string;
  readonly helpers: readonly HelperDoc[];
  readonly officialDocs?: { readonly url: string; readonly title: string };
}

const OPTIONS_TEXT =
  "`userToken`, `signal`, `timeoutMs`, `retry`, `headers`, `middleware`; an unknown key is a `YclientsConfigError`.";

/** The operation object and its parameters (path-level ones included, operation-level ones winning). */
function operationOf(spec: Json, row: OperationRow): { op: Json; parameters: Json[] } {
  const { method, path } = splitOp(row);
  const item = spec.paths?.[path];
  const op = item?.[method.toLowerCase()];
  if (!op) throw new Error(`${row.op}: not in the spec`);
  const byKey = new Map<string, Json>();
  for (const p of [...(item.parameters ?? []), ...(op.parameters ?? [])]) {
    const param = deref(spec, p) ?? {};
    byKey.set(`${param.in} ${param.name}`, param);
  }
  return { op, parameters: [...byKey.values()] };
}

/** The generated operation facts (user token, retry class) the client itself acts on. */
function factsOf(row: OperationRow): { userToken: boolean; idempotent: boolean } {
  const facts = operations.find((o) => `${o.method} ${o.path}` === row.op);
  if (!facts) throw new Error(`${row.op}: not in generated/operations.ts`);
  return facts;
}

/** The positional arguments, `params` and `options` of a method, the way `callShape` writes them. */
function signatureOf(name: string, row: OperationRow, paramsRequired: boolean, optionsRequired = false): string {
  const args = (row.path ?? []).map(argName);
  const body = positionalBody(row);
  if (body) args.push(row.bodyRequired ? body : `${body}?`);
  args.push(paramsRequired ? "params" : "params?", optionsRequired ? "options" : "options?");
  return `yc.${name}(${args.join(", ")})`;
}

function paramsOf(spec: Json, row: OperationRow, op: Json, parameters: Json[]): ParamDoc[] {
  const out: ParamDoc[] = [];
  const described = (p: Json) => String(p.description ?? "");
  for (const slot of row.path ?? []) {
    const param = parameters.find((p) => p.in === "path" && p.name === slot.name) ?? {};
    const kind = slot.kind === "id" ? "Id (number or digits)" : slot.kind === "date" ? "DateArg" : undefined;
    out.push({
      name: argName(slot),
      in: "path",
      type: kind ?? typeText(spec, param.schema),
      required: true,
      description: `\`{${slot.name}}\`. ${described(param)}`.trim(),
    });
  }
  const json = op.requestBody?.content?.["application/json"]?.schema;
  const bodyArg = positionalBody(row);
  if (bodyArg) {
    out.push({
      name: bodyArg,
      in: "body",
      type: row.body === "form" ? "FormData" : typeText(spec, json),
      required: Boolean(row.bodyRequired),
      description: `The request body, a positional argument. ${String(op.requestBody?.description ?? "")}`.trim(),
    });
  }
  const renamed = new Map((row.query ?? []).map((q) => [queryNames(q).wire, queryNames(q).key]));
  for (const param of parameters.filter((p) => p.in === "query")) {
    const key = renamed.get(param.name) ?? param.name;
    out.push({
      name: key === param.name ? `params.${key}` : `params.${key} (sent as ${param.name})`,
      in: "query",
      type: typeText(spec, param.schema),
      required: Boolean(param.required),
      description: described(param),
    });
  }
  if (row.body === "fields") {
    for (const field of fieldsOf(spec, json)) {
      out.push({ ...field, name: `params.${field.name}`, in: "body", required: field.required && !!row.bodyRequired });
    }
  }
  out.push({
    name: "options",
    in: "options",
    type: row.company ? "MethodOptions" : "CallOptions",
    required: false,
    description: row.company
      ? `\`companyId\` fills \`{${row.company}}\` (else the client's \`companyId\`); ${OPTIONS_TEXT}`
      : OPTIONS_TEXT,
  });
  return out;
}

/** The success answer: its `data` when the API wraps it in `{ success, data, meta }`. */
function answerOf(spec: Json, op: Json): MethodDoc["answer"] {
  const success = Object.entries<Json>(op.responses ?? {}).find(([status]) => /^2/.test(status));
  const response = deref(spec, success?.[1]) ?? {};
  const description = String(response.description ?? "");
  const content: Json | undefined = response.content;
  if (!content) return { type: "no body", description, fields: [] };
  const json = content["application/json"]?.schema;
  if (!json) return { type: `file (Blob, ${Object.keys(content).join(", ")})`, description, fields: [] };
  const envelope = objectOf(spec, json);
  const data = envelope && "data" in envelope.properties ? envelope.properties.data : json;
  const resolved = deref(spec, data) ?? {};
  const item = resolved.type === "array" ? resolved.items : data;
  return { type: `data: ${typeText(spec, data)}`, description, fields: fieldsOf(spec, item) };
}

function pagingText(p: NonNullable<OperationRow["paged"]>): string {
  return `paged by \`${p.page}\` + \`${p.size}\` in the ${p.in === "body" ? "body" : "query"}, up to ${p.maxSize} per page`;
}

export function methodDocs(spec: Json, table: ResourceTable): MethodDoc[] {
  return walkRows(table).map(({ name, row }) => {
    const { op, parameters } = operationOf(spec, row);
    const params = paramsOf(spec, row, op, parameters);
    const paramsRequired = params.some((p) => p.required && p.name.startsWith("params."));
    const dotted = name.join(".");
    const helpers: HelperDoc[] = [];
    if (row.paged) {
      const names = helperNames(name[name.length - 1]);
      const pageKeys = new Set([`params.${row.paged.page}`, `params.${row.paged.size}`]);
      const filtersRequired = params.some((p) => p.required && p.name.startsWith("params.") && !pageKeys.has(p.name));
      const prefix = name.slice(0, -1).join(".");
      helpers.push(
        {
          method: names.iterate,
          signature: signatureOf(`${prefix}.${names.iterate}`, row, filtersRequired),
          what: "every item, page after page, as an async iterator (`pageSize`, `startPage` in options)",
        },
        {
          method: names.all,
          signature: signatureOf(`${prefix}.${names.all}`, row, filtersRequired, true),
          what: "every item in one array, up to `options.limit` (required)",
        },
      );
    }
    const replacement = op["x-sdk-replacement"];
    return {
      name: dotted,
      resource: name[0],
      anchor: name.slice(1).join("."),
      signature: signatureOf(dotted, row, paramsRequired),
      http: row.op,
      summary: String(op.summary ?? ""),
      description: String(op.description ?? ""),
      params,
      answer: answerOf(spec, op),
      userToken: factsOf(row).userToken,
      idempotent: factsOf(row).idempotent,
      ...(op.deprecated
        ? { deprecated: replacement ? `Use \`yc.${replacement}()\` instead.` : "The API marks it deprecated." }
        : {}),
      ...(row.paged ? { paging: pagingText(row.paged) } : {}),
      helpers,
      ...(op.externalDocs?.url
        ? { officialDocs: { url: String(op.externalDocs.url), title: String(op.externalDocs.description ?? "") } }
        : {}),
    };
  });
}

/** The description of each resource: the tag of its first operation in the spec, as in generated/resources.ts. */
export function resourceDescriptions(spec: Json): Map<string, string> {
  const tags = new Map<string, string>((spec.tags ?? []).map((t: Json) => [t.name, String(t.description ?? "")]));
  const out = new Map<string, string>();
  for (const { op } of listOperations(spec)) {
    const resource = String(op["x-sdk-method"] ?? "").split(".")[0];
    if (resource && !out.has(resource) && op.tags?.[0]) out.set(resource, tags.get(op.tags[0]) ?? "");
  }
  return out;
}
