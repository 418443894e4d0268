// The waiting list (API v2) as a collection of the CRUD engine: list, add, change, remove. Entries name a client,
// services and an optional staff member of the company; unknown ones are refused with 422 and `meta.errors`.
import { FieldErrors, abort, invalid } from "../reply.js";
import { findCompany, companyServices, companyStaff, type Company } from "../state.js";
import { isDate, isoWithOffset } from "../time.js";
import { waitingListOf, type SimWaitingEntry } from "../waiting-list-store.js";
import { collection } from "../engine/collection.js";
import { shaped } from "../engine/shape.js";
import { type HandlerContext } from "../handlers/context.js";
import { isObject, text, toInt } from "../handlers/input.js";

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

function resource(company: Company, e: SimWaitingEntry): Record<string, unknown> {
  return {
    type: "waiting_list_entry",
    id: String(e.id),
    attributes: shaped("WaitingListEntry", e, {
      service_ids: [...e.service_ids],
      created_at: isoWithOffset(e.created_at, company.utcOffset),
    }),
  };
}

/** Checks the fields present in the body against the company's data; `creating` also needs client and date. */
function readFields(ctx: HandlerContext, company: Company, creating: boolean): Partial<SimWaitingEntry> {
  const body = isObject(ctx.body) ? ctx.body : {};
  const errors = new FieldErrors();
  const out: Partial<SimWaitingEntry> = {};
  if (creating || body.client_id !== undefined) {
    const id = toInt(body.client_id);
    if (!ctx.state.clients.some((c) => c.id === id && c.company_id === company.id)) {
      errors.set("client_id", "Клиент не найден");
    } else out.client_id = id;
  }
  if (body.staff_id !== undefined) {
    const id = body.staff_id === null ? null : toInt(body.staff_id);
    if (id !== null && !companyStaff(ctx.state, company.id).some((s) => s.id === id)) {
      errors.set("staff_id", "Сотрудник не найден");
    } else out.staff_id = id;
  }
  if (body.service_ids !== undefined) {
    const known = new Set(companyServices(ctx.state, company.id).map((s) => s.id));
    const ids = Array.isArray(body.service_ids) ? body.service_ids.map(toInt) : [undefined];
    if (ids.some((id: number | undefined) => id === undefined || !known.has(id))) {
      errors.set("service_ids", "Услуга не найдена");
    } else out.service_ids = ids as number[];
  }
  if (creating || body.date !== undefined) {
    if (!isDate(body.date)) errors.set("date", "Ожидается дата YYYY-MM-DD");
    else out.date = body.date;
  }
  for (const field of ["time_from", "time_till"] as const) {
    if (body[field] === undefined) continue;
    if (body[field] !== null && !TIME.test(String(body[field]))) errors.set(field, "Ожидается время HH:MM");
    else out[field] = body[field];
  }
  if (body.comment !== undefined) out.comment = text(body.comment);
  errors.check(422);
  return out;
}

function checkWindow(entry: Pick<SimWaitingEntry, "time_from" | "time_till">): void {
  if (entry.time_from && entry.time_till && entry.time_from > entry.time_till) {
    abort(invalid(422, { time_till: ["Конец интервала раньше начала"] }));
  }
}

export const waitingList = collection<SimWaitingEntry>({
  rows: (state) => waitingListOf(state).entries,
  ids: "waitingEntry",
  ownMessages: true,
  notFound: "Запись в листе ожидания не найдена",
  view: (e, ctx) => resource(findCompany(ctx.state, e.company_id)!, e),
  create(ctx, companyId) {
    const fields = readFields(ctx, findCompany(ctx.state, companyId)!, true);
    const entry = {
      company_id: companyId,
      client_id: fields.client_id!,
      staff_id: fields.staff_id ?? null,
      service_ids: fields.service_ids ?? [],
      date: fields.date!,
      time_from: fields.time_from ?? null,
      time_till: fields.time_till ?? null,
      comment: fields.comment ?? "",
      created_at: ctx.now,
    };
    checkWindow(entry);
    return entry;
  },
  update(entry, ctx) {
    const fields = readFields(ctx, findCompany(ctx.state, entry.company_id)!, false);
    checkWindow({ ...entry, ...fields });
    Object.assign(entry, fields);
  },
});
