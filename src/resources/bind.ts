// Turns the generated resource table (generated/resources.ts) into friendly methods on a client. Every
// generated method has the same shape: check the arguments in the order the table gives, resolve the
// company id, make one `client.request()`. Paged lists also get `iterate…()` / `…All()` helpers.
import type { YclientsTypedClient } from "../typed-client.js";
import { YclientsConfigError } from "../errors.js";
import { collectAll, iterateItems, type ListAllOptions, type PageOptions, type Paging } from "../pagination.js";
import { optionalObject, requireBody, requireDate, requireId, requireString } from "./arguments.js";

/**
 * One friendly method: HTTP method, path template, its arguments in call order (space-separated tokens, see
 * `parseArgs`), the paging rule of a paged list, and which paging helper it is (if it is one).
 */
export type OperationRow = readonly [
  method: string,
  path: string,
  args: string,
  paging?: Paging,
  helper?: "iterate" | "all",
];

/** A resource: its methods and nested groups (`loyalty.cards.list`). */
export interface ResourceTable {
  readonly [name: string]: OperationRow | ResourceTable;
}

type Arg =
  | { kind: "id" | "date" | "str"; param: string; name: string }
  | { kind: "company"; param: string }
  | { kind: "body" | "query"; required: boolean; requiredFields: string[] }
  | { kind: "field"; name: string }
  | { kind: "qfield"; name: string; required: boolean }
  | { kind: "form" };

/**
 * Tokens: `id:<param>:<argName>`, `date:<param>:<argName>`, `str:<param>:<argName>` (path parameters),
 * `company:<param>` (optional, falls back to the client's companyId), `body` / `body?`, `query?` /
 * `query:<required,names>`, `field:<name>` (one body field passed positionally), `qfield:<name>:required|optional`
 * (one query parameter passed positionally), `form` (a multipart upload: a FormData sent as it is).
 */
function parseArgs(spec: string): Arg[] {
  return spec
    .split(" ")
    .filter(Boolean)
    .map((token): Arg => {
      const [kind, a = "", b = ""] = token.split(":");
      switch (kind) {
        case "id":
        case "date":
        case "str":
          return { kind, param: a, name: b };
        case "company":
          return { kind, param: a };
        case "field":
          return { kind, name: a };
        case "qfield":
          return { kind, name: a, required: b === "required" };
        case "form":
          return { kind };
        case "body":
        case "body?":
        case "query":
        case "query?":
          return {
            kind: kind.startsWith("body") ? "body" : "query",
            required: !kind.endsWith("?"),
            requiredFields: a ? a.split(",") : [],
          };
        default:
          throw new Error(`generated/resources.ts: unknown argument token "${token}"`);
      }
    });
}

interface BuiltCall {
  path: Record<string, unknown>;
  query?: Record<string, unknown>;
  body?: Record<string, unknown> | FormData;
}

function buildCall(client: YclientsTypedClient<boolean>, args: readonly Arg[], values: readonly unknown[]): BuiltCall {
  const call: BuiltCall = { path: {} };
  args.forEach((arg, i) => {
    const value = values[i];
    switch (arg.kind) {
      case "id":
        call.path[arg.param] = requireId(value, arg.name);
        break;
      case "date":
        call.path[arg.param] = requireDate(value, arg.name);
        break;
      case "str":
        call.path[arg.param] = requireString(value, arg.name);
        break;
      case "company":
        call.path[arg.param] = client.resolveCompanyId(value as number | string | undefined);
        break;
      case "field":
        call.body = { ...call.body, [arg.name]: requireString(value, arg.name) };
        break;
      case "qfield":
        if (value === undefined && !arg.required) break;
        if (typeof value !== "number") requireString(value, arg.name);
        call.query = { ...call.query, [arg.name]: value };
        break;
      case "form":
        if (typeof FormData === "undefined" || !(value instanceof FormData)) {
          throw new YclientsConfigError("form must be a FormData with the file to upload");
        }
        call.body = value;
        break;
      case "body":
        call.body = arg.required
          ? (requireBody(value) as Record<string, unknown>)
          : optionalObject(value as Record<string, unknown> | undefined, "body");
        break;
      case "query": {
        const query = optionalObject(value as Record<string, unknown> | undefined, "query");
        if (arg.required && query === undefined) throw new YclientsConfigError("query is required");
        for (const name of arg.requiredFields) {
          const field = query?.[name];
          if (field === undefined || field === null || field === "") {
            throw new YclientsConfigError(`query.${name} is required`);
          }
        }
        call.query = query && call.query ? { ...call.query, ...query } : (query ?? call.query);
        break;
      }
    }
  });
  return call;
}

type Method = (...values: unknown[]) => unknown;

function bindRow(client: YclientsTypedClient<boolean>, row: OperationRow): Method {
  const [method, path, spec, paging, helper] = row;
  const args = parseArgs(spec);
  const n = args.length;
  const paged = (values: unknown[]) => {
    if (!paging) throw new Error(`generated/resources.ts: ${method} ${path} has a paging helper but no paging rule`);
    const call = buildCall(client, args, values);
    return iterateItems(
      client,
      // Paged operations take JSON filters; a FormData body never pages.
      { method, path, paging, pathParams: call.path, query: call.query, body: call.body as Record<string, unknown> },
      optionalObject(values[n] as PageOptions | undefined, "options"),
    );
  };
  if (helper === "iterate") return (...values) => paged(values);
  if (helper === "all") {
    return async (...values) => {
      const { limit, ...pageOptions } =
        optionalObject(values[n] as ListAllOptions | undefined, "options") ?? ({} as ListAllOptions);
      return collectAll(paged([...values.slice(0, n), pageOptions]), limit);
    };
  }
  // async, so a bad argument rejects like every other failure of a call instead of throwing synchronously.
  return async (...values) => {
    const call = buildCall(client, args, values);
    const options = optionalObject(values[n] as object | undefined, "options");
    const init: Record<string, unknown> = { ...options, params: { path: call.path, query: call.query } };
    if (call.body !== undefined) init.body = call.body;
    return client.request(method, path, init);
  };
}

/** The friendly methods of one resource (and its nested groups), bound to `client`. */
export function bindResource(client: YclientsTypedClient<boolean>, table: ResourceTable): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, entry] of Object.entries(table)) {
    out[name] = isRow(entry) ? bindRow(client, entry) : bindResource(client, entry);
  }
  return out;
}

function isRow(entry: OperationRow | ResourceTable): entry is OperationRow {
  return Array.isArray(entry);
}
