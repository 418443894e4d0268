// One operation → its runtime row (src/resources/rows.ts `OperationRow`) and the pieces of its signature.
// Call shape (openapi/README.md): `method(…pathIds, [body,] params?, options?)`: the path ids in path order (the
// company id never: it comes from `options.companyId` or the client's), a body that is not an object (array,
// FormData) positionally, then `params` holding the query parameters and the body fields together, then options.
import { resolveRef } from "../../src/resolve-ref";
import { idsAndDates } from "./ids-and-dates";
import { camel } from "./ts-names";
import { isInteger, objectView, typesOf } from "./schema-view";

type Json = Record<string, any>;

interface Param {
  name: string;
  in: string;
  required?: boolean;
  schema?: Json;
  description?: string;
  "x-sdk-name"?: string;
  "x-sdk-company"?: boolean;
  "x-sdk-query-name"?: string;
}

/** One argument of a friendly method's signature. */
export interface ArgPlan {
  name: string;
  /** TypeScript type in the signature. */
  type: string;
  optional: boolean;
}

/** The runtime row (src/resources/rows.ts `OperationRow`), as plain data. */
export interface RowPlan {
  op: string;
  path?: { name: string; arg?: string; kind: "id" | "date" | "str" }[];
  company?: string;
  query?: (string | [string, string])[];
  required?: string[];
  body?: "fields" | "array" | "form" | "value";
  bodyRequired?: true;
  paged?: Json;
  ids?: string[];
  dates?: Record<string, "date" | "date-time">;
}

function paramsOf(spec: Json, pathItem: Json, op: Json): Param[] {
  const all = [...(pathItem.parameters ?? []), ...(op.parameters ?? [])].map((p) => resolveRef(spec, p) as Param);
  const byKey = new Map<string, Param>();
  for (const p of all) byKey.set(`${p.in}:${p.name}`, p);
  return [...byKey.values()];
}

/** What the runtime row and the signature of one operation need. */
export interface Shape {
  row: RowPlan;
  /** Positional arguments before `params`: path ids, then a non-object body. */
  positional: ArgPlan[];
  /** The type of `params` (before the paging helpers leave the page parameters out). */
  paramsType: string;
  paramsRequired: boolean;
  /** Union of the date field paths, for the `Params<…>` type. */
  dateUnion: string;
}

/** The row and the signature pieces of one operation. */
export function planShape(spec: Json, method: string, path: string, pathItem: Json, op: Json): Shape {
  const where = `${method} ${path}`;
  if (op["x-sdk-args"] !== undefined) {
    throw new Error(`${where}: x-sdk-args is gone; every method is (…pathIds, params?, options?)`);
  }
  const P = JSON.stringify(path);
  const M = JSON.stringify(method.toLowerCase());
  const params = paramsOf(spec, pathItem, op);
  const pathNames = Array.from(path.matchAll(/\{([^}]+)\}/g), (x) => x[1]);
  const pathParams = new Map(params.filter((p) => p.in === "path").map((p) => [p.name, p]));
  const queryParams = params.filter((p) => p.in === "query");
  const content = op.requestBody?.content ?? {};
  const jsonSchema = content["application/json"]?.schema;
  const bodyView = jsonSchema ? objectView(spec, jsonSchema) : null;
  const bodyKind: RowPlan["body"] = jsonSchema
    ? bodyView
      ? "fields"
      : typesOf(resolveRef(spec, jsonSchema)).includes("array")
        ? "array"
        : "value"
    : content["multipart/form-data"]
      ? "form"
      : undefined;
  const bodyRequired = Boolean(op.requestBody?.required);

  const row: RowPlan = { op: `${method} ${path}` };
  const positional: ArgPlan[] = [];
  for (const name of pathNames) {
    const param = pathParams.get(name);
    if (!param) throw new Error(`${where}: path parameter {${name}} is not declared`);
    if (name === "company_id" || param["x-sdk-company"]) {
      if (row.company) throw new Error(`${where}: two company path parameters`);
      row.company = name;
      continue;
    }
    const arg = param["x-sdk-name"] ?? camel(name);
    const schema = resolveRef(spec, param.schema);
    const kind = schema?.format === "date" ? "date" : isInteger(spec, schema) ? "id" : "str";
    (row.path ??= []).push(arg === camel(name) ? { name, kind } : { name, arg, kind });
    const type = kind === "date" ? "DateArg" : kind === "id" ? "Id" : `PathParam<${P}, ${M}, ${JSON.stringify(name)}>`;
    positional.push({ name: arg, type, optional: false });
  }
  if (bodyKind && bodyKind !== "fields") {
    const type = bodyKind === "form" ? "FormData" : `BodyOf<${P}, ${M}>`;
    positional.push({ name: bodyKind === "form" ? "form" : "body", type, optional: !bodyRequired });
  }

  // params = query parameters + body fields; a name in both must be renamed on the query side.
  const bodyFields = new Set(Object.keys(bodyView?.properties ?? {}));
  const required: string[] = [];
  const renamed: string[] = [];
  if (queryParams.length) {
    const query = queryParams.map((q): string | [string, string] => {
      const key = q["x-sdk-query-name"] ?? q.name;
      if (bodyFields.has(key)) {
        throw new Error(
          `${where}: "${key}" is both a query parameter and a body field; give the query parameter an ` +
            "x-sdk-query-name (its key in params)",
        );
      }
      if (q.required) required.push(key);
      if (key === q.name) return q.name;
      renamed.push(`${JSON.stringify(q.name)}: ${JSON.stringify(key)}`);
      return [key, q.name];
    });
    // Without body fields every key of params is a query parameter: the row lists them only to split or rename.
    if (bodyKind === "fields" || renamed.length) row.query = query;
  }
  if (bodyKind) row.body = bodyKind;
  if (bodyKind && bodyRequired) row.bodyRequired = true;
  // The row checks required query parameters before sending; required body fields are the API's to check
  // (the signature still makes them required), which keeps the rows small.
  if (required.length) row.required = required;
  const bodyRequiredFields = bodyKind === "fields" && bodyRequired ? bodyView!.required : [];

  const found = idsAndDates(spec, bodyKind === "fields" ? jsonSchema : undefined);
  for (const q of queryParams) {
    const format = resolveRef(spec, q.schema)?.format;
    if (format === "date" || format === "date-time") found.dates[q["x-sdk-query-name"] ?? q.name] = format;
  }
  if (found.ids.length) row.ids = found.ids;
  if (Object.keys(found.dates).length) row.dates = found.dates as RowPlan["dates"];

  const parts: string[] = [];
  if (queryParams.length) {
    parts.push(renamed.length ? `RenameKeys<QueryOf<${P}, ${M}>, { ${renamed.join(", ")} }>` : `QueryOf<${P}, ${M}>`);
  }
  if (bodyKind === "fields") parts.push(`BodyOf<${P}, ${M}>`);
  return {
    row,
    positional,
    paramsType: parts.length ? parts.join(" & ") : "NoParams",
    paramsRequired: required.length > 0 || bodyRequiredFields.length > 0,
    dateUnion: Object.keys(found.dates)
      .map((d) => JSON.stringify(d))
      .join(" | "),
  };
}
