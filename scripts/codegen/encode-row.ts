// The planner's full row (plan-row.ts `RowPlan`) → the row written to generated/resources.ts
// (src/resources/rows.ts `RowData`): the same facts with what the reader derives left out: the company
// parameter when it is `{company_id}`, path parameters (read from the path template), a path argument's
// kind when it is an id and its name when it is camelCase of the parameter, `bodyRequired` (the usual case).
// src/resources/rows.ts `readRow` turns it back into the full row; test/spec/resource-rows.test.ts checks both
// directions on every operation of the spec.
import type { RowPlan } from "./plan-row";
import type { RowData } from "../../src/resources/rows";

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export function encodeRow(row: RowPlan): RowData {
  const out: Mutable<RowData> = { op: row.op };
  if (row.company && row.company !== "company_id") out.company = row.company;
  const kinds: Record<string, "date" | "str"> = {};
  const args: Record<string, string> = {};
  for (const slot of row.path ?? []) {
    if (slot.kind !== "id") kinds[slot.name] = slot.kind;
    if (slot.arg) args[slot.name] = slot.arg;
  }
  if (Object.keys(kinds).length) out.kinds = kinds;
  if (Object.keys(args).length) out.args = args;
  if (row.query) out.query = row.query;
  if (row.required) out.required = row.required;
  if (row.body) out.body = row.body;
  if (row.body && !row.bodyRequired) out.bodyOptional = true;
  if (row.paged) out.paged = row.paged as RowData["paged"];
  if (row.ids) out.ids = row.ids;
  if (row.dates) out.dates = row.dates;
  return out;
}
