// Every friendly method of the spec (`x-sdk-method`), paging helpers included, as plain data: what
// render-resources.ts writes to generated/resources.ts and render-readme-table.ts lists in the README.
import { helperNames } from "../../src/resources/rows";
import { resolveRef } from "../../src/resolve-ref";
import { listOperations } from "../merge-spec";
import { docOf } from "./method-docs";
import { pagingOf } from "./paging-rule";
import { planShape, type ArgPlan, type RowPlan } from "./plan-row";

type Json = Record<string, any>;

/** Names a resource may not take: they are members of the client itself. */
const RESERVED = new Set([
  "GET",
  "POST",
  "PUT",
  "PATCH",
  "DELETE",
  "request",
  "execute",
  "withUserToken",
  "setGlobalHeaders",
  "resolveCompanyId",
  "core",
  "userToken",
  "globalHeaders",
  "constructor",
]);

export interface MethodPlan {
  resourcePath: string[];
  method: string;
  httpMethod: string;
  path: string;
  args: ArgPlan[];
  doc: string;
  returnType: string;
  /** Set on the operation's own method; paging helpers are bound from the same row. */
  row?: RowPlan;
  helper?: "iterate" | "all";
}

/** The signature arguments: positional ones, params, options (TypeScript wants no optional before a required). */
function signatureArgs(positional: ArgPlan[], params: ArgPlan, optionsRequired: boolean): ArgPlan[] {
  const args = [...positional, params];
  let laterRequired = optionsRequired;
  for (let i = args.length - 1; i >= 0; i--) {
    if (args[i].optional && laterRequired)
      args[i] = { ...args[i], optional: false, type: `${args[i].type} | undefined` };
    if (!args[i].optional) laterRequired = true;
  }
  return args;
}

/** Every friendly method of the spec, paging helpers included. */
export function planMethods(spec: Json): MethodPlan[] {
  const plans: MethodPlan[] = [];
  for (const { method, path, op } of listOperations(spec)) {
    const sdk = op["x-sdk-method"];
    const where = `${method} ${path}`;
    if (!sdk) throw new Error(`${where}: x-sdk-method is missing (every operation gets a friendly method)`);
    const parts = String(sdk).split(".");
    if (parts.length < 2 || parts.some((p) => !/^[a-z][A-Za-z0-9]*$/.test(p))) {
      throw new Error(`${where}: x-sdk-method "${sdk}" must be resource.method or resource.group.method, camelCase`);
    }
    if (RESERVED.has(parts[0])) throw new Error(`${where}: resource name "${parts[0]}" clashes with a client member`);
    const resourcePath = parts.slice(0, -1);
    const name = parts[parts.length - 1];
    const shape = planShape(spec, method, path, spec.paths[path], op);
    const P = JSON.stringify(path);
    const M = JSON.stringify(method.toLowerCase());
    const success = Object.entries<Json>(op.responses ?? {}).find(([s]) => /^2/.test(s))?.[1];
    const content = resolveRef(spec, success)?.content;
    const fileAnswer = Boolean(content) && !content["application/json"];
    const dates = shape.dateUnion ? `, ${shape.dateUnion}` : "";
    const options = shape.row.company ? "MethodOptions" : "CallOptions";
    const paging = pagingOf(op, where);
    if (paging) shape.row.paged = paging;
    plans.push({
      resourcePath,
      method: name,
      httpMethod: method,
      path,
      args: [
        ...signatureArgs(
          shape.positional,
          { name: "params", type: `Params<${shape.paramsType}${dates}>`, optional: !shape.paramsRequired },
          false,
        ),
        { name: "options", type: options, optional: true },
      ],
      doc: docOf(spec, method, path, op),
      returnType: fileAnswer ? "FileAnswer<Raise>" : `Answer<${P}, ${M}, Raise>`,
      row: shape.row,
    });
    if (!paging) continue;
    // Paging helpers take the same arguments, the paging parameters left out of params (the helper sets them).
    const omit = `${JSON.stringify(paging.page)} | ${JSON.stringify(paging.size)}`;
    const required = (shape.row.required ?? []).filter((n) => n !== paging.page && n !== paging.size);
    const filters = {
      name: "params",
      type: `Params<Omit<${shape.paramsType}, ${omit}>${dates}>`,
      optional: required.length === 0,
    };
    const item = `ItemOf<${P}, ${M}>`;
    const helpers = helperNames(name);
    plans.push({
      resourcePath,
      method: helpers.iterate,
      httpMethod: method,
      path,
      args: [
        ...signatureArgs(shape.positional, filters, false),
        { name: "options", type: shape.row.company ? "PageOptions" : 'Omit<PageOptions, "companyId">', optional: true },
      ],
      doc: docOf(spec, method, path, op, "iterate"),
      helper: "iterate",
      returnType: `AsyncGenerator<${item}, void, undefined>`,
    });
    plans.push({
      resourcePath,
      method: helpers.all,
      httpMethod: method,
      path,
      args: [
        ...signatureArgs(shape.positional, filters, true),
        {
          name: "options",
          type: shape.row.company ? "ListAllOptions" : 'Omit<ListAllOptions, "companyId">',
          optional: false,
        },
      ],
      doc: docOf(spec, method, path, op, "all"),
      helper: "all",
      returnType: `Promise<${item}[]>`,
    });
  }
  return plans;
}
