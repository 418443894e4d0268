// The generated resource table, read as a list of friendly methods, with arguments that pass the SDK's own
// checks: the sweeps over every operation are built from this, so no test lists operations by hand.
import { resourceTable } from "../../generated/resources";
import type { OperationRow, ResourceTable } from "../../src/resources/bind";
import { operationTable, type OperationInfo, type YclientsClient } from "../../src/index";

export interface Friendly {
  /** `resource.method` or `resource.group.method`. */
  sdk: string;
  row: OperationRow;
}

function walk(table: ResourceTable, prefix: string[], out: Friendly[]): Friendly[] {
  for (const [name, entry] of Object.entries(table)) {
    if (Array.isArray(entry)) out.push({ sdk: [...prefix, name].join("."), row: entry as OperationRow });
    else walk(entry as ResourceTable, [...prefix, name], out);
  }
  return out;
}

/** Every friendly method, paging helpers included. */
export const ALL_FRIENDLY = walk(resourceTable as unknown as ResourceTable, [], []);
/** One per operation: the paging helpers left out. */
export const OPERATION_METHODS = ALL_FRIENDLY.filter((f) => !f.row[4]);

/** Arguments built from the row's argument tokens; `id` is the value given to every id. */
export function argsFor(row: OperationRow, id: number | string = 7): unknown[] {
  return row[2]
    .split(" ")
    .filter(Boolean)
    .map((token) => {
      const [kind, a] = token.split(":");
      if (kind === "id") return id;
      if (kind === "date") return "2026-12-01";
      if (kind === "str" || kind === "field" || kind === "qfield") return "x";
      if (kind === "query") return a ? Object.fromEntries(a.split(",").map((n) => [n, "1"])) : undefined;
      if (kind === "body") return {};
      if (kind === "form") {
        const form = new FormData();
        form.append("image", new Blob([Uint8Array.from([0xff, 0xd8, 0xff, 0xe0])], { type: "image/jpeg" }), "x.jpg");
        return form;
      }
      return undefined;
    });
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
  operationTable.find((o) => o.method === f.row[0] && o.path === f.row[1])!;
