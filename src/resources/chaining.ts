// Ids and dates chained from one answer into the next call, written in the form the request schema asks for:
// the row lists where integer ids and dates sit in `params` (read from the schema by the generator), so a digit
// string becomes a number only where the schema says integer, and a Date or Unix seconds becomes the API's string.
import { requireDate } from "./arguments.js";
import type { OperationRow } from "./rows.js";

type Fix = (value: unknown, where: string) => unknown;

const toId: Fix = (value) => (typeof value === "string" && /^[0-9]+$/.test(value) ? Number(value) : value);

const toDate =
  (format: "date" | "date-time"): Fix =>
  (value, where) =>
    // A string in another form (`DD.MM.YYYY`) is left for the API to judge; ours are checked here.
    value === null || (typeof value === "string" && !/^\d{4}-\d{2}-\d{2}|^\d+$/.test(value.trim()))
      ? value
      : requireDate(value, where, format);

/** A copy of `node` with `fix` applied at `path` (`a.b`, `items[].id`); the caller's object is never changed. */
function update(node: unknown, parts: readonly string[], fix: Fix, where: string): unknown {
  if (node === null || typeof node !== "object" || Array.isArray(node)) return node;
  const [head, ...rest] = parts;
  const list = head.endsWith("[]");
  const key = list ? head.slice(0, -2) : head;
  const record = node as Record<string, unknown>;
  const child = record[key];
  if (child === undefined) return node;
  const at = `${where}.${key}`;
  let next: unknown;
  if (list) {
    next = Array.isArray(child)
      ? child.map((item, i) => (rest.length ? update(item, rest, fix, `${at}[${i}]`) : fix(item, `${at}[${i}]`)))
      : child;
  } else next = rest.length ? update(child, rest, fix, at) : fix(child, at);
  return next === child ? node : { ...record, [key]: next };
}

/** `params` with its ids and dates in the form the operation's schema asks for. */
export function chainIds(params: Record<string, unknown>, row: OperationRow): Record<string, unknown> {
  let out: unknown = params;
  for (const path of row.ids ?? []) out = update(out, path.split("."), toId, "params");
  for (const [path, format] of Object.entries(row.dates ?? {})) {
    out = update(out, path.split("."), toDate(format), "params");
  }
  return out as Record<string, unknown>;
}
