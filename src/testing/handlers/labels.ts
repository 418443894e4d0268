// Labels (categories) as state: the company's client and record labels, created from the query
// string or a JSON body, searched by name, changed and deleted. A deleted label also leaves the
// clients and records that carried it, so the client search's `category` filter sees the change.
import { FieldErrors, abort, fail, invalid, ok, type SimResponse } from "../reply.js";
import { nextId, type Label, type SimulatorState } from "../state.js";
import { requireCompany } from "./scope.js";
import type { HandlerContext, HandlerTable } from "./context.js";
import { isObject, text, toInt } from "./input.js";

/** The client-label search answers 25 per page, as the documented example's total suggests; the size is fixed. */
const CLIENT_LABEL_PAGE = 25;

function labelView(label: Label): Record<string, unknown> {
  return {
    id: label.id,
    salon_id: label.company_id,
    title: label.title,
    color: label.color,
    icon: label.icon,
    entity: label.entity,
    deleted: 0,
    not_editable: 0,
  };
}

function newLabel(
  ctx: HandlerContext,
  companyId: number,
  input: Record<string, unknown>,
  entity: unknown,
): SimResponse {
  const errors = new FieldErrors();
  const title = text(input.title);
  const kind = toInt(entity);
  if (!title) errors.set("title", "Укажите название категории");
  if (kind !== 1 && kind !== 2) errors.set("entity", "Категория бывает клиентской (1) или для записей (2)");
  if (errors.any) return errors.response(422);
  const label: Label = {
    id: nextId(ctx.state, "generic"),
    company_id: companyId,
    entity: kind as 1 | 2,
    title,
    color: text(input.color) || "#cccccc",
    icon: text(input.icon) || "tag",
  };
  ctx.state.labels.push(label);
  return ok(labelView(label));
}

function findLabel(state: SimulatorState, companyId: number, id: string | undefined): Label {
  const n = Number(id);
  return state.labels.find((l) => l.id === n && l.company_id === companyId) ?? abort(fail(404, "Категория не найдена"));
}

export const labelHandlers: HandlerTable = {
  "POST /labels/{company_id}": (ctx) => {
    const company = requireCompany(ctx.state, ctx.params.company_id);
    return newLabel(ctx, company.id, Object.fromEntries(ctx.query), ctx.query.get("entity"));
  },
  "POST /labels/{company_id}/clients/create": (ctx) => {
    const company = requireCompany(ctx.state, ctx.params.company_id);
    return newLabel(ctx, company.id, isObject(ctx.body) ? ctx.body : {}, 1);
  },
  "GET /labels/{company_id}/{label_id}": (ctx) => {
    const company = requireCompany(ctx.state, ctx.params.company_id);
    const entity = Number(ctx.params.label_id);
    return ok(ctx.state.labels.filter((l) => l.company_id === company.id && l.entity === entity).map(labelView));
  },
  "GET /labels/{company_id}/clients": (ctx) => {
    const company = requireCompany(ctx.state, ctx.params.company_id);
    const term = (ctx.query.get("term") ?? "").trim().toLowerCase();
    const page = Math.max(1, toInt(ctx.query.get("page") ?? "") ?? 1);
    const found = ctx.state.labels.filter(
      (l) => l.company_id === company.id && l.entity === 1 && l.title.toLowerCase().includes(term),
    );
    const items = found.slice((page - 1) * CLIENT_LABEL_PAGE, page * CLIENT_LABEL_PAGE).map(labelView);
    return ok(items, { page, total_count: found.length });
  },
  "PUT /labels/{company_id}/{label_id}": (ctx) => {
    const company = requireCompany(ctx.state, ctx.params.company_id);
    const label = findLabel(ctx.state, company.id, ctx.params.label_id);
    const body = isObject(ctx.body) ? ctx.body : {};
    if (body.title !== undefined && !text(body.title)) return invalid(422, { title: ["Укажите название категории"] });
    if (body.title !== undefined) label.title = text(body.title);
    if (typeof body.color === "string") label.color = body.color;
    if (typeof body.icon === "string") label.icon = body.icon;
    return { status: 202, body: { success: true, data: null, meta: { message: "Accepted" } } };
  },
  "DELETE /labels/{company_id}/{label_id}": (ctx) => {
    const { state } = ctx;
    const company = requireCompany(state, ctx.params.company_id);
    const label = findLabel(state, company.id, ctx.params.label_id);
    state.labels.splice(state.labels.indexOf(label), 1);
    const drop = (ids: number[] | undefined) => ids?.filter((id) => id !== label.id);
    for (const c of state.clients) if (c.label_ids?.includes(label.id)) c.label_ids = drop(c.label_ids);
    for (const r of state.records) if (r.label_ids?.includes(label.id)) r.label_ids = drop(r.label_ids);
    return ok(null, { message: "Accepted" });
  },
};
