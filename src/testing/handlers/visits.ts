// Visits as views over the records: a visit is the live records sharing a `visit_id` (a
// record without one is a visit of its own). Changing a visit changes its records.
import { abort, fail, invalid, ok, type SimResponse } from "../reply.js";
import type { SimRecord } from "../state.js";
import type { HandlerContext, HandlerTable } from "./context.js";
import { recordsOfVisit } from "../visit-document.js";
import { visitView } from "./crm-views.js";
import { isObject, toInt } from "./input.js";
import { applyVisitMoney, visitDetailsView } from "./money/visit-money.js";

function getVisit(ctx: HandlerContext): SimResponse {
  return ok(visitView(ctx.state, Number(ctx.params.visit_id)) ?? abort(fail(404, "Визит не найден")));
}

/** The live record the path names, in the visit it names (and in the company, when the path names one). */
function visitRecord(ctx: HandlerContext): SimRecord {
  const [recordId, visitId, companyId] = [ctx.params.record_id, ctx.params.visit_id, ctx.params.salon_id].map(Number);
  const records = recordsOfVisit(ctx.state, visitId, Number.isNaN(companyId) ? undefined : companyId);
  return records.find((r) => r.id === recordId) ?? abort(fail(404, "Визит не найден"));
}

/** Sets attendance and comment on the named record of the visit; goods sold and payments go to the money state. */
function updateVisit(ctx: HandlerContext): SimResponse {
  const visitId = Number(ctx.params.visit_id);
  const record = visitRecord(ctx);
  const body = isObject(ctx.body) ? ctx.body : {};
  const attendance = body.attendance === undefined ? undefined : toInt(body.attendance);
  if (body.attendance !== undefined && (attendance === undefined || ![-1, 0, 1, 2].includes(attendance)))
    return invalid(422, { attendance: ["Недопустимый статус визита"] });
  applyVisitMoney(ctx, record);
  if (attendance !== undefined) record.attendance = attendance;
  if (typeof body.comment === "string") record.comment = body.comment;
  record.updated_at = ctx.now;
  return ok(visitView(ctx.state, visitId));
}

/** The visit's items and payments, read from its document: the same money the sale endpoints change. */
function getVisitDetails(ctx: HandlerContext): SimResponse {
  return ok(visitDetailsView(ctx, visitRecord(ctx)));
}

/** A one-page PDF naming the visit: enough for a client to check it got a PDF, not a real receipt. */
function getReceiptPdf(ctx: HandlerContext): SimResponse {
  const visitId = Number(ctx.params.visit_id);
  if (!visitView(ctx.state, visitId)) return fail(404, "Визит не найден");
  const text = `BT /F1 12 Tf 40 800 Td (Visit ${visitId}) Tj ET`;
  const pdf = [
    "%PDF-1.4",
    "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj",
    "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj",
    "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 300 842] /Contents 4 0 R >> endobj",
    `4 0 obj << /Length ${text.length} >> stream`,
    text,
    "endstream endobj",
    "trailer << /Root 1 0 R >>",
    "%%EOF",
  ].join("\n");
  return { status: 200, body: Buffer.from(pdf, "latin1"), headers: { "content-type": "application/pdf" } };
}

export const visitHandlers: HandlerTable = {
  "GET /visits/{visit_id}": getVisit,
  "GET /visit/details/{salon_id}/{record_id}/{visit_id}": getVisitDetails,
  "GET /attendance/receipt_print/{visit_id}": getReceiptPdf,
  "PUT /visits/{visit_id}/{record_id}": updateVisit,
};
