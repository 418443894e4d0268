// The CRUD engine: one code path for every operation the spec binds to a collection with `x-sim`. It finds the
// company or chain and the row (404 in the API's words), checks the body against the request schema, applies the
// action through the collection's declaration, and shapes the answer after the operation's documented success:
// its status, its envelope (`{success, data, meta}` or a bare `{data}`), `data` as one object or a one-element
// list, or the documented `data: null` with the example's `meta` when the API sends no object back.
import { validationStatus } from "../core.js";
import { ownBody, type Handler, type HandlerContext, type HandlerTable } from "../handlers/context.js";
import { requireChain, requireCompany } from "../handlers/scope.js";
import { abort, fail, type Meta, type SimResponse } from "../reply.js";
import { slice } from "../page-request.js";
import type { OperationEntry } from "../spec-index.js";
import { nextId } from "../state.js";
import { checkBody } from "./body-check.js";
import type { Collection, SimAction } from "./collection.js";

type Example = { success?: unknown; data?: unknown; meta?: Meta } | undefined;

/** The answer in the operation's documented envelope; an empty `meta` is `{}` or `[]` as the example has it. */
function answer(op: OperationEntry, data: unknown, meta?: Meta, status = op.success.status): SimResponse {
  const example = op.success.example as Example;
  meta ??= example?.meta && !Array.isArray(example.meta) ? {} : [];
  if (!op.success.hasBody) return { status };
  const body = example && !("success" in example) ? { data } : { success: true, data, meta };
  return { status, body };
}

/** One row as the operation documents it: the object, a one-element list, or `data: null` with the example's meta. */
function answerRow(op: OperationEntry, view: () => unknown, status?: number): SimResponse {
  const example = op.success.example as Example;
  if (example && example.data == null) return answer(op, null, example.meta ?? [], status);
  return answer(op, Array.isArray(example?.data) ? [view()] : view(), undefined, status);
}

/** Whose rows a request sees: the row field that names their owner, and the owner's id. */
type Scope = { field: "company_id" | "chain_id"; id: number } | undefined;

/**
 * The company the request names (path, else query), or for chain rows the chain: named in the path
 * (`chain_id`, `group_id`) or through one of its companies; a company of another chain is the API's 404.
 * A request that names neither (a document's lines by the document's id) sees every row.
 */
function scopeOf(c: Collection, ctx: HandlerContext): Scope {
  const param = c.company ?? "company_id";
  if (param === false) return undefined;
  const named = ctx.params[param] ?? ctx.query.get(param);
  const company = named === null ? undefined : requireCompany(ctx.state, named);
  if (!c.chain) return company && { field: "company_id", id: company.id };
  const chain = ctx.params.chain_id ?? ctx.params.group_id;
  if (chain === undefined) return company && { field: "chain_id", id: company.chain_id };
  if (company && company.chain_id !== Number(chain)) abort(fail(404, "Сеть не найдена"));
  return { field: "chain_id", id: requireChain(ctx.state, chain) };
}

function scoped(c: Collection, ctx: HandlerContext, scope: Scope) {
  return c
    .rows(ctx.state)
    .filter((row) => (!scope || c.shared || row[scope.field] === scope.id) && (c.live?.(row, ctx) ?? true));
}

const lastParam = (op: OperationEntry) => op.path.match(/\{([^}]+)\}[^{]*$/)?.[1] ?? "";

/** The row a path parameter (by default the last) names, in the request's company or chain; else the 404. */
export function rowOf<Row extends { id: number }>(c: Collection<Row>, ctx: HandlerContext, param = lastParam(ctx.op)) {
  const id = Number(ctx.params[param]);
  return scoped(c, ctx, scopeOf(c, ctx)).find((row) => row.id === id) ?? abort(fail(404, c.notFound));
}

const actions: Record<SimAction, (c: Collection, op: OperationEntry, ctx: HandlerContext) => SimResponse> = {
  list(c, op, ctx) {
    const scope = scopeOf(c, ctx);
    c.parent?.(ctx);
    const value = (name: string) => ctx.params[name] ?? ctx.query.get(name);
    const filters = Object.entries(c.filters ?? {}).filter(([name]) => value(name));
    const matches = scoped(c, ctx, scope).filter(
      (row) => (c.where?.(row, ctx) ?? true) && filters.every(([name, test]) => test(row, value(name)!, ctx)),
    );
    if (c.order) matches.sort(c.order);
    const page = ctx.page ? slice(matches, ctx.page) : matches;
    const counted = c.count && { count: (c.count === "page" ? page : matches).length };
    const views = page.map((row) => c.view(row, ctx));
    return answer(op, views, c.listMeta?.(matches, ctx) ?? counted);
  },
  get: (c, op, ctx) => answer(op, c.view(rowOf(c, ctx), ctx)),
  create(c, op, ctx) {
    const fields = c.create!(ctx, scopeOf(c, ctx)?.id ?? 0);
    const row = { ...fields, id: nextId(ctx.state, c.ids ?? "generic") };
    c.rows(ctx.state).push(row);
    c.created?.(row, ctx);
    return answerRow(op, () => c.view(row, ctx), c.status?.create);
  },
  update(c, op, ctx) {
    const row = rowOf(c, ctx);
    c.update!(row, ctx);
    return answerRow(op, () => c.view(row, ctx), c.status?.update);
  },
  delete(c, op, ctx) {
    const row = rowOf(c, ctx);
    if (c.remove) c.remove(row, ctx);
    else if ("deleted" in row) row.deleted = true;
    else c.rows(ctx.state).splice(c.rows(ctx.state).indexOf(row), 1);
    const example = op.success.example as Example;
    return answer(op, null, example?.meta ?? [], c.status?.delete);
  },
};

/** A handler for one bound operation: the schema check of its body, then the action. */
function bind(c: Collection, op: OperationEntry, action: SimAction): Handler {
  const handler = (ctx: HandlerContext) => {
    if (op.requestSchema !== undefined && ctx.body !== undefined) {
      const errors = checkBody(op.requestSchema, ctx.body);
      if (errors.any) return errors.response(validationStatus(op));
    }
    return actions[action](c, op, ctx);
  };
  return c.ownMessages ? ownBody(handler) : handler;
}

/** Handlers for every operation whose `x-sim` names one of `collections`. */
export function engineHandlers(operations: readonly OperationEntry[], collections: Record<string, Collection>) {
  const table: HandlerTable = {};
  for (const op of operations) {
    if (!op.sim) continue;
    const c = collections[op.sim.collection];
    if (!c) throw new Error(`${op.key}: x-sim names an unknown collection "${op.sim.collection}"`);
    if ((op.sim.action === "create" && !c.create) || (op.sim.action === "update" && !c.update))
      throw new Error(`${op.key}: collection "${op.sim.collection}" cannot ${op.sim.action}`);
    table[op.key] = bind(c, op, op.sim.action);
  }
  return table;
}
