// The typed rows of generated/resources.ts: what each friendly method sends, as data (no argument grammar to
// parse). Read by src/resources/bind.ts (the SDK) and src/cli (the commands); planned by
// scripts/codegen/plan-row.ts and written compactly by scripts/codegen/encode-row.ts (`RowData`), which `readRow`
// turns back into the full `OperationRow`. Every method has the shape `method(…pathIds, [body,] params?, options?)`.
import type { Paging } from "../pagination.js";

/** One positional path argument: the path parameter, its kind, and its name in signatures and errors. */
export interface PathSlot {
  readonly name: string;
  /** The argument's name when it is not `camelCase(name)` (`x-sdk-name`); see `argName`. */
  readonly arg?: string;
  /** `id`: a positive integer (or digits); `date`: a calendar day; `str`: any non-empty string (enums, hashes). */
  readonly kind: "id" | "date" | "str";
}

/**
 * How a method takes its request body: `fields` inside `params` (with the query parameters), or as a positional
 * argument after the path ids: `array` (a JSON array), `form` (a FormData, sent as multipart), `value` (other JSON).
 */
export type BodyKind = "fields" | "array" | "form" | "value";

/** A query parameter under another name in `params` (`[paramsKey, wireName]`), when a body field has its name. */
export type QueryName = string | readonly [key: string, wire: string];

export interface OperationRow {
  /** `METHOD /path/template`. */
  readonly op: string;
  /** Positional path arguments, in path order (the company id is never one). */
  readonly path?: readonly PathSlot[];
  /** The path parameter filled from `options.companyId` or the client's `companyId`. */
  readonly company?: string;
  /**
   * Keys of `params` sent in the query string when the method also takes body fields (the other keys are body
   * fields), or when one is renamed; absent otherwise, as every key of params then goes to the query.
   */
  readonly query?: readonly QueryName[];
  /** Query parameters `params` must hold (checked before sending; required body fields are the API's to check). */
  readonly required?: readonly string[];
  readonly body?: BodyKind;
  /** The body is required even when no field is (an empty object is sent). */
  readonly bodyRequired?: true;
  /** A paged list: the method also gets `iterate…` and `…All` helpers (see `helperNames`). */
  readonly paged?: Paging;
  /** Paths of integer id fields in `params` (`appointments[].staff_id`): a digit string is sent as a number. */
  readonly ids?: readonly string[];
  /** Paths of date fields in `params` and their format: a Date or Unix seconds is sent as the API's string. */
  readonly dates?: { readonly [path: string]: "date" | "date-time" };
}

/**
 * A row as generated/resources.ts stores it: an `OperationRow` without what `readRow` derives. The path
 * arguments come from the path template (its parameters in order, the company's left out), ids unless `kinds`
 * says otherwise, named `camelCase(param)` unless `args` says otherwise; the company parameter is `{company_id}`
 * when the path has it, unless `company` names another; a body is required unless `bodyOptional`.
 */
export interface RowData {
  /** `METHOD /path/template`. */
  readonly op: string;
  /** The company path parameter when it is not `company_id` (`x-sdk-company`). */
  readonly company?: string;
  /** Path parameters that are not integer ids, by name. */
  readonly kinds?: { readonly [param: string]: "date" | "str" };
  /** Path arguments not named `camelCase(param)` (`x-sdk-name`), by parameter. */
  readonly args?: { readonly [param: string]: string };
  readonly query?: readonly QueryName[];
  readonly required?: readonly string[];
  readonly body?: BodyKind;
  /** The body may be left out. */
  readonly bodyOptional?: true;
  readonly paged?: Paging;
  readonly ids?: readonly string[];
  readonly dates?: { readonly [path: string]: "date" | "date-time" };
}

/** A resource: its methods and nested groups (`loyalty.cards.list`). */
export interface ResourceTable {
  readonly [name: string]: RowData | ResourceTable;
}

const PATH_PARAM = /\{([^}]+)\}/g;

/** Rows already read: every client (and each scoped client a request makes) binds the same stored rows. */
const readRows = new WeakMap<RowData, OperationRow>();

/** The full row of a stored one (see `RowData`); derived once per stored row. */
export function readRow(data: RowData): OperationRow {
  let row = readRows.get(data);
  if (!row) readRows.set(data, (row = deriveRow(data)));
  return row;
}

function deriveRow(data: RowData): OperationRow {
  const { kinds, args, bodyOptional, ...row } = data;
  const company = data.company ?? (data.op.includes("{company_id}") ? "company_id" : undefined);
  const path: PathSlot[] = [];
  for (const [, name] of data.op.matchAll(PATH_PARAM)) {
    if (name === company) continue;
    const arg = args?.[name];
    path.push(arg ? { name, arg, kind: kinds?.[name] ?? "id" } : { name, kind: kinds?.[name] ?? "id" });
  }
  return {
    ...row,
    ...(company && { company }),
    ...(path.length && { path }),
    ...(data.body && !bodyOptional && { bodyRequired: true }),
  };
}

/** The name of a path argument in signatures and errors: `staff_id` → `staffId` unless the row names it. */
export function argName(slot: PathSlot): string {
  return slot.arg ?? slot.name.replace(/[_-]+([a-zA-Z0-9])/g, (_, c: string) => c.toUpperCase());
}

export function isRow(entry: RowData | ResourceTable): entry is RowData {
  return typeof (entry as RowData).op === "string";
}

/** `GET` and `/path` of a row. */
export function splitOp(row: OperationRow): { method: string; path: string } {
  const space = row.op.indexOf(" ");
  return { method: row.op.slice(0, space), path: row.op.slice(space + 1) };
}

/** The paging helpers of a paged method: `list` → `iterate` / `listAll`, `byDay` → `iterateByDay` / `byDayAll`. */
export function helperNames(method: string): { iterate: string; all: string } {
  if (method === "list") return { iterate: "iterate", all: "listAll" };
  return { iterate: `iterate${method.charAt(0).toUpperCase()}${method.slice(1)}`, all: `${method}All` };
}

/** The key in `params` and the name on the wire of a query parameter. */
export function queryNames(name: QueryName): { key: string; wire: string } {
  return typeof name === "string" ? { key: name, wire: name } : { key: name[0], wire: name[1] };
}

/** A positional body argument comes after the path ids: its name in signatures and errors. */
export function positionalBody(row: OperationRow): string | undefined {
  return row.body === undefined || row.body === "fields" ? undefined : row.body === "form" ? "form" : "body";
}

/** Every method of a table with its dotted name (`loyalty.cards.list`), paging helpers not included. */
export function walkRows(
  table: ResourceTable,
  prefix: readonly string[] = [],
): { name: string[]; row: OperationRow }[] {
  const out: { name: string[]; row: OperationRow }[] = [];
  for (const [name, entry] of Object.entries(table)) {
    if (isRow(entry)) out.push({ name: [...prefix, name], row: readRow(entry) });
    else out.push(...walkRows(entry, [...prefix, name]));
  }
  return out;
}
