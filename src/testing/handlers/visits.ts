// Visits as views over the records: a visit is the live records sharing a `visit_id` (a
// record without one is a visit of its own). Changing a visit changes its records.
import { abort, fail, invalid, ok, type SimResponse } from "../reply.js";
import type { HandlerContext, HandlerTable } from "./context.js";
import { visitIdOf, visitView } from "./crm-views.js";
import { isObject, toInt } from "./input.js";

function getVisit(ctx: HandlerContext): SimResponse {
  return ok(visitView(ctx.state, Number(ctx.params.visit_id)) ?? abort(fail(404, "Визит не найден")));
}

/** Sets attendance and comment on the named record of the visit; payments and goods are accepted and ignored. */
function updateVisit(ctx: HandlerContext): SimResponse {
  const visitId = Number(ctx.params.visit_id);
  const record =
    ctx.state.records.find((r) => r.id === Number(ctx.params.record_id) && !r.deleted && visitIdOf(r) === visitId) ??
    abort(fail(404, "Визит не найден"));
  const body = isObject(ctx.body) ? ctx.body : {};
  const attendance = body.attendance === undefined ? undefined : toInt(body.attendance);
  if (body.attendance !== undefined && (attendance === undefined || ![-1, 0, 1, 2].includes(attendance)))
    return invalid(422, { attendance: ["Недопустимый статус визита"] });
  if (attendance !== undefined) record.attendance = attendance;
  if (typeof body.comment === "string") record.comment = body.comment;
  record.updated_at = ctx.now;
  return ok(visitView(ctx.state, visitId));
}

export const visitHandlers: HandlerTable = {
  "GET /visits/{visit_id}": getVisit,
  "PUT /visits/{visit_id}/{record_id}": updateVisit,
};
