// The generated resource table, read as a list of friendly methods, with arguments that pass the SDK's own
// checks: the sweeps over every operation are built from this, so no test lists operations by hand.
import { resourceTable } from "../../generated/resources";
import { helperNames, positionalBody, splitOp, walkRows, type OperationRow } from "../../src/resources/rows";
import { operationTable, type OperationInfo, type YclientsClient } from "../../src/index";

export interface Friendly {
  /** `resource.method` or `resource.group.method`. */
  sdk: string;
  row: OperationRow;
  method: string;
  path: string;
  /** Set on the paging helpers of a paged method. */
  helper?: "iterate" | "all";
}

function friendly(): Friendly[] {
  const out: Friendly[] = [];
  for (const { name, row } of walkRows(resourceTable)) {
    const { method, path } = splitOp(row);
    out.push({ sdk: name.join("."), row, method, path });
    if (!row.paged) continue;
    const helpers = helperNames(name[name.length - 1]);
    const prefix = name.slice(0, -1);
    out.push({ sdk: [...prefix, helpers.iterate].join("."), row, method, path, helper: "iterate" });
    out.push({ sdk: [...prefix, helpers.all].join("."), row, method, path, helper: "all" });
  }
  return out;
}

/** Every friendly method, paging helpers included. */
export const ALL_FRIENDLY = friendly();
/** One per operation: the paging helpers left out. */
export const OPERATION_METHODS = ALL_FRIENDLY.filter((f) => !f.helper);

/** Arguments in the row's shape `(…pathIds, [body,] params, options?)`; `id` is the value given to every id. */
export function argsFor(row: OperationRow, id: number | string = 7): unknown[] {
  const args: unknown[] = (row.path ?? []).map((p) => (p.kind === "id" ? id : p.kind === "date" ? "2026-12-01" : "x"));
  if (positionalBody(row)) {
    if (row.body === "form") {
      const form = new FormData();
      form.append("image", new Blob([Uint8Array.from([0xff, 0xd8, 0xff, 0xe0])], { type: "image/jpeg" }), "x.jpg");
      args.push(form);
    } else args.push(row.body === "array" ? [] : {});
  }
  const required = row.required ?? [];
  args.push(required.length ? Object.fromEntries(required.map((n) => [n, "1"])) : undefined);
  return args;
}

export function methodOf(yc: YclientsClient, sdk: string): (...args: unknown[]) => Promise<unknown> {
  const parts = sdk.split(".");
  let target: any = yc;
  for (const part of parts.slice(0, -1)) target = target?.[part];
  const fn = target?.[parts[parts.length - 1]];
  if (typeof fn !== "function") throw new Error(`yc.${sdk} is not a function`);
  return fn;
}

export const callFriendly = (yc: YclientsClient, f: Friendly, id?: number | string) =>
  methodOf(yc, f.sdk)(...argsFor(f.row, id));

export const operationOf = (f: Friendly): OperationInfo =>
  operationTable.find((o) => o.method === f.method && o.path === f.path)!;
