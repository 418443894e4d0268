// The CRUD engine: one code path for every operation the spec binds to a collection with `x-sim`. It finds the
// company and the row (404 in the API's words), checks the body against the request schema, applies the
// action through the collection's declaration, and shapes the answer after the operation's documented success:
// its status, its envelope (`{success, data, meta}` or a bare `{data}`), `data` as one object or a one-element
// list, or the documented `data: null` with the example's `meta` when the API sends no object back.
import { validationStatus } from "../core.js";
import { ownBody, type Handler, type HandlerContext, type HandlerTable } from "../handlers/context.js";
import { requireCompany } from "../handlers/scope.js";
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

function companyScope(c: Collection, ctx: HandlerContext): number | undefined {
  const param = c.company ?? "company_id";
  return param === false ? undefined : requireCompany(ctx.state, ctx.params[param]).id;
}

function scoped(c: Collection, ctx: HandlerContext, companyId: number | undefined) {
  return c
    .rows(ctx.state)
    .filter(
      (row) => (companyId === undefined || c.shared || row.company_id === companyId) && (c.live?.(row, ctx) ?? true),
    );
}

/** The row the last path parameter names, within the company. */
function findRow(c: Collection, op: OperationEntry, ctx: HandlerContext, companyId: number | undefined) {
  const name = op.path.match(/\{([^}]+)\}[^{]*$/)?.[1] ?? "";
  const id = Number(ctx.params[name]);
  return scoped(c, ctx, companyId).find((row) => row.id === id) ?? abort(fail(404, c.notFound));
}

const actions: Record<SimAction, (c: Collection, op: OperationEntry, ctx: HandlerContext) => SimResponse> = {
  list(c, op, ctx) {
    const companyId = companyScope(c, ctx);
    const filters = Object.entries(c.filters ?? {}).filter(([name]) => ctx.query.get(name));
    const matches = scoped(c, ctx, companyId).filter(
      (row) => (c.where?.(row, ctx) ?? true) && filters.every(([name, test]) => test(row, ctx.query.get(name)!, ctx)),
    );
    if (c.order) matches.sort(c.order);
    const page = ctx.page ? slice(matches, ctx.page) : matches;
    return answer(
      op,
      page.map((row) => c.view(row, ctx)),
      c.listMeta?.(matches, ctx),
    );
  },
  get(c, op, ctx) {
    const row = findRow(c, op, ctx, companyScope(c, ctx));
    return answer(op, c.view(row, ctx));
  },
  create(c, op, ctx) {
    const companyId = companyScope(c, ctx) ?? 0;
    const fields = c.create!(ctx, companyId);
    const row = { ...fields, id: nextId(ctx.state, c.ids ?? "generic") };
    c.rows(ctx.state).push(row);
    c.created?.(row, ctx);
    return answerRow(op, () => c.view(row, ctx), c.status?.create);
  },
  update(c, op, ctx) {
    const row = findRow(c, op, ctx, companyScope(c, ctx));
    c.update!(row, ctx);
    return answerRow(op, () => c.view(row, ctx), c.status?.update);
  },
  delete(c, op, ctx) {
    const row = findRow(c, op, ctx, companyScope(c, ctx));
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
    if ((op.sim.action === "create" && !c.create) || (op.sim.action === "update" && !c.update)) {
      throw new Error(`${op.key}: collection "${op.sim.collection}" cannot ${op.sim.action}`);
    }
    table[op.key] = bind(c, op, op.sim.action);
  }
  return table;
}
