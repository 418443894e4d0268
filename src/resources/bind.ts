// Turns the generated rows (generated/resources.ts, read through ./rows.ts) into friendly methods on a client.
// Every method has one shape, `method(…pathIds, [body,] params?, options?)`: check the path ids, split `params`
// into query parameters and body fields as the row says, take the company id from the options (or the client),
// make one `client.request()`. Paged methods also get their `iterate…()` / `…All()` helpers.
import type { YclientsTypedClient } from "../typed-client.js";
import { collectAll, iterateItems, type ListAllOptions, type PageOptions } from "../pagination.js";
import { checkCallOptions } from "../call-options.js";
import {
  optionalObject,
  requireBodyValue,
  requireDate,
  requireForm,
  requireId,
  requireString,
  requiredParam,
  checkCredential,
} from "./arguments.js";
import { chainIds } from "./chaining.js";
import {
  argName,
  helperNames,
  isRow,
  positionalBody,
  queryNames,
  readRow,
  splitOp,
  type OperationRow,
  type ResourceTable,
} from "./rows.js";

export type { OperationRow, ResourceTable } from "./rows.js";

interface BuiltCall {
  method: string;
  path: string;
  pathParams: Record<string, unknown>;
  query?: Record<string, unknown>;
  body?: unknown;
  /** The call options with `companyId` taken out. */
  options: Record<string, unknown>;
}

/** Sign-in fields that may never be empty (and are never quoted). */
const CREDENTIALS = ["login", "password", "code"];
const PAGE_KEYS = ["pageSize", "startPage"] as const;
const ALL_KEYS = [...PAGE_KEYS, "limit"] as const;

function buildCall(
  client: YclientsTypedClient<boolean>,
  row: OperationRow,
  values: readonly unknown[],
  extraKeys: readonly string[],
): BuiltCall {
  const { method, path } = splitOp(row);
  const where = `${method} ${path}`;
  const pathParams: Record<string, unknown> = {};
  const slots = row.path ?? [];
  slots.forEach((slot, i) => {
    const value = values[i];
    pathParams[slot.name] =
      slot.kind === "id"
        ? requireId(value, argName(slot))
        : slot.kind === "date"
          ? requireDate(value, argName(slot))
          : requireString(value, argName(slot));
  });
  let next = slots.length;
  let body: unknown;
  const bodyName = positionalBody(row);
  if (bodyName) {
    const value = values[next++];
    body = row.body === "form" ? requireForm(value) : requireBodyValue(value, row.body === "array", row.bodyRequired);
  }
  const params = optionalObject(values[next] as Record<string, unknown> | undefined, "params");
  const options = checkCallOptions(values[next + 1], where, row.company ? ["companyId", ...extraKeys] : extraKeys);
  const { companyId, ...callOptions } = options as { companyId?: number | string } & Record<string, unknown>;
  if (row.company) pathParams[row.company] = client.resolveCompanyId(companyId);

  const wire = new Map((row.query ?? []).map((q) => [queryNames(q).key, queryNames(q).wire]));
  for (const key of row.required ?? []) requiredParam(params?.[key], key);
  for (const key of CREDENTIALS) checkCredential(params?.[key], key);
  const converted = params && chainIds(params, row);
  let query: Record<string, unknown> | undefined;
  let fields: Record<string, unknown> | undefined;
  if (converted) {
    for (const [key, value] of Object.entries(converted)) {
      if (value === undefined) continue;
      // A key the spec does not list goes to the body when there is one, else to the query (the spec may lag).
      if (wire.has(key) || row.body !== "fields") (query ??= {})[wire.get(key) ?? key] = value;
      else (fields ??= {})[key] = value;
    }
  }
  if (row.body === "fields") body = fields ?? (row.bodyRequired ? {} : undefined);
  return { method, path, pathParams, query, body, options: callOptions };
}

type Method = (...values: unknown[]) => unknown;

/** Where `options` sits: after the path ids, a positional body, and params. */
const optionsIndex = (row: OperationRow) => (row.path?.length ?? 0) + (positionalBody(row) ? 1 : 0) + 1;

function bindRow(client: YclientsTypedClient<boolean>, row: OperationRow): Method {
  // async, so a bad argument rejects like every other failure of a call instead of throwing synchronously.
  return async (...values) => {
    const call = buildCall(client, row, values, []);
    const init: Record<string, unknown> = { ...call.options, params: { path: call.pathParams, query: call.query } };
    if (call.body !== undefined) init.body = call.body;
    return client.request(call.method, call.path, init);
  };
}

function bindHelpers(client: YclientsTypedClient<boolean>, row: OperationRow): { iterate: Method; all: Method } {
  const paging = row.paged!;
  const iterate = (values: unknown[], keys: readonly string[]) => {
    const call = buildCall(client, row, values, keys);
    const { limit: _limit, ...pageOptions } = call.options as Record<string, unknown>;
    return iterateItems(
      client,
      // Paged operations take JSON filters; a FormData body never pages.
      {
        method: call.method,
        path: call.path,
        paging,
        pathParams: call.pathParams,
        query: call.query,
        body: call.body as Record<string, unknown> | undefined,
      },
      pageOptions as PageOptions,
    );
  };
  return {
    // A generator from the start, so a bad argument fails on the first next(), like every other failure of a loop.
    iterate: (...values) =>
      (async function* () {
        yield* iterate(values, PAGE_KEYS);
      })(),
    all: async (...values) => {
      const options = values[optionsIndex(row)] as ListAllOptions | undefined;
      return collectAll(iterate(values, ALL_KEYS), options?.limit as number);
    },
  };
}

/** The friendly methods of one resource (and its nested groups), bound to `client`. */
export function bindResource(client: YclientsTypedClient<boolean>, table: ResourceTable): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, entry] of Object.entries(table)) {
    if (!isRow(entry)) {
      out[name] = bindResource(client, entry);
      continue;
    }
    const row = readRow(entry);
    out[name] = bindRow(client, row);
    if (row.paged) {
      const names = helperNames(name);
      const helpers = bindHelpers(client, row);
      out[names.iterate] = helpers.iterate;
      out[names.all] = helpers.all;
    }
  }
  return out;
}
