// Labels (categories) of clients (`entity` 1) and records (`entity` 2) as a collection: listed per entity,
// created from the query string or a JSON body, changed and deleted. A deleted label also leaves the clients
// and records that carried it, so the client search's `category` filter sees the change. The client-label
// search by name, 25 per page, stays hand-written (`labelHandlers`).
import { collection } from "../engine/collection.js";
import { shaped } from "../engine/shape.js";
import type { HandlerTable } from "../handlers/context.js";
import { requireCompany } from "../handlers/scope.js";
import { isObject, text, toInt } from "../handlers/input.js";
import { FieldErrors, ok } from "../reply.js";
import type { Label } from "../state.js";

export const labelView = (label: Label) => shaped("Label", label, { salon_id: label.company_id });

export const labels = collection<Label>({
  rows: (state) => state.labels,
  notFound: "Категория не найдена",
  /** The update answers 202, as the current docs say (the Blueprint: 200). */
  status: { update: 202 },
  /** `GET /labels/{company_id}/{label_id}` names the entity, not a label. */
  where: (l, ctx) => l.entity === Number(ctx.params.label_id),
  view: labelView,
  /** `POST /labels/{company_id}` takes its fields from the query; `.../clients/create` from the body, for clients. */
  create(ctx, companyId) {
    const fromQuery = !ctx.op.path.endsWith("/clients/create");
    const body = isObject(ctx.body) ? ctx.body : {};
    const input: Record<string, unknown> = fromQuery ? Object.fromEntries(ctx.query) : body;
    const errors = new FieldErrors();
    const title = text(input.title);
    const kind = fromQuery ? toInt(ctx.query.get("entity")) : 1;
    if (!title) errors.set("title", "Укажите название категории");
    if (kind !== 1 && kind !== 2) errors.set("entity", "Категория бывает клиентской (1) или для записей (2)");
    errors.check(422);
    return {
      company_id: companyId,
      entity: kind as 1 | 2,
      title,
      color: text(input.color) || "#cccccc",
      icon: text(input.icon) || "tag",
    };
  },
  update(label, ctx) {
    const body = isObject(ctx.body) ? ctx.body : {};
    const errors = new FieldErrors();
    if (body.title !== undefined && !text(body.title)) errors.set("title", "Укажите название категории");
    errors.check(422);
    if (body.title !== undefined) label.title = text(body.title);
    if (typeof body.color === "string") label.color = body.color;
    if (typeof body.icon === "string") label.icon = body.icon;
  },
  remove(label, ctx) {
    const { state } = ctx;
    state.labels.splice(state.labels.indexOf(label), 1);
    const drop = (ids: number[] | undefined) => ids?.filter((id) => id !== label.id);
    for (const c of state.clients) if (c.label_ids?.includes(label.id)) c.label_ids = drop(c.label_ids);
    for (const r of state.records) if (r.label_ids?.includes(label.id)) r.label_ids = drop(r.label_ids);
  },
});

/** The client-label search answers 25 per page, as the documented example's total suggests; the size is fixed. */
const CLIENT_LABEL_PAGE = 25;

export const labelHandlers: HandlerTable = {
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
};
