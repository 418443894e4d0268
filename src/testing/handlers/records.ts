// Records as CRM state: the staff-side list with its filters (the incremental-sync ones included), and what
// creating or changing a record checks (its body, the staff member's other records). Reading, creating,
// changing and deleting one record are the CRUD engine's (collections/records.ts). Online bookings land in the
// same `state.records`, so they show up here too.
import { FieldErrors, abort, fail, ok, type SimResponse } from "../reply.js";
import { type SimRecord, type Company, type SimulatorState } from "../state.js";
import { addDays, isDate, parseDateTime, unixAt } from "../time.js";
import { clientByPhone } from "./clients.js";
import { requireCompany } from "./scope.js";
import { type HandlerContext, type HandlerTable } from "./context.js";
import { recordLookups, recordView } from "./crm-views.js";
import { isObject, queryInt, text, toInt, validPhone } from "./input.js";
import { slice } from "../page-request.js";
import { overlaps } from "../group-event-store.js";
import { recordChange } from "../webhook-payloads.js";

const flag = (q: URLSearchParams, name: string) => ["1", "true"].includes(q.get(name) ?? "");

/** Reads filter `name` (undefined when absent or empty) by `read`; a value it refuses (undefined) is the field's error. */
function filterOf<T>(q: URLSearchParams, errors: FieldErrors, read: (value: string) => T | undefined, message: string) {
  return (name: string) => {
    const value = q.get(name);
    if (value === null || value === "") return undefined;
    const parsed = read(value);
    if (parsed === undefined) errors.set(name, message);
    return parsed;
  };
}

/** `[from, to)` in Unix seconds covering the local days `first`..`last` (either may be open). */
const dayBounds = (first: string | undefined, last: string | undefined, offset: number): [number, number] => [
  first ? unixAt(first, 0, offset) : -Infinity,
  last ? unixAt(addDays(last, 1), 0, offset) : Infinity,
];

const inDays = (unix: number, [from, to]: [number, number]) => unix >= from && unix < to;

/**
 * `GET /records/{company_id}`. Filters combine with AND; sorted by visit start, then id.
 * `meta.total_count` counts the matches of the day, staff and client filters only (ignoring
 * `changed_*` and `with_deleted`), the way the real total is unreliable: page until a short page.
 */
function listRecords(ctx: HandlerContext): SimResponse {
  const { state, query: q } = ctx;
  const company = requireCompany(state, ctx.params.company_id);
  const off = company.utcOffset;
  const errors = new FieldErrors();
  const [staffId, clientId, creatorId] = ["staff_id", "client_id", "created_user_id"].map((n) => queryInt(q, n));
  const day = filterOf(q, errors, (v) => (isDate(v) ? v : undefined), "Дата должна быть в формате YYYY-MM-DD");
  const moment = filterOf(q, errors, (v) => parseDateTime(v, off), "Дата и время должны быть в формате ISO 8601");
  const days = ["start_date", "end_date", "c_start_date", "c_end_date"].map(day);
  const [after, before] = ["changed_after", "changed_before"].map(moment);
  if (errors.any) return errors.response(400, "Неверные параметры фильтра");
  const withDeleted = flag(q, "with_deleted");
  const [visitDays, creationDays] = [dayBounds(days[0], days[1], off), dayBounds(days[2], days[3], off)];

  const base = state.records.filter((r) => {
    if (r.company_id !== company.id) return false;
    if (staffId !== undefined && r.staff_id !== staffId) return false;
    if (clientId !== undefined && r.client_id !== clientId) return false;
    if (creatorId !== undefined && (r.created_user_id ?? 0) !== creatorId) return false;
    return inDays(r.start, visitDays) && inDays(r.created_at, creationDays);
  });
  const matching = base
    .filter(
      (r) =>
        (withDeleted || !r.deleted) &&
        (after === undefined || r.updated_at >= after) &&
        (before === undefined || r.updated_at <= before),
    )
    .sort((a, b) => a.start - b.start || a.id - b.id);
  const page = ctx.page!;
  const lookups = recordLookups(state);
  const items = slice(matching, page).map((r) => recordView(state, r, { lookups }));
  return ok(items, { page: page.page, total_count: base.filter((r) => !r.deleted).length });
}

/** Checks a record body (all fields on create, those present on update) and returns the 422 it deserves. */
export function readRecordBody(ctx: HandlerContext, company: Company, current: SimRecord | undefined) {
  const { state } = ctx;
  const body = isObject(ctx.body) ? ctx.body : {};
  const errors = new FieldErrors();
  const need = (name: string) => current === undefined || body[name] !== undefined;

  let staffId = current?.staff_id ?? 0;
  if (need("staff_id")) {
    const id = toInt(body.staff_id);
    if (id === undefined || !state.staff.some((s) => s.id === id && s.company_id === company.id && !s.fired))
      errors.set("staff_id", "Сотрудник не найден");
    else staffId = id;
  }
  let serviceIds = current?.service_ids ?? [];
  if (need("services")) {
    const list = Array.isArray(body.services) ? body.services : undefined;
    const ids = list?.map((s: unknown) => toInt(isObject(s) ? s.id : undefined));
    if (!ids || ids.length === 0 || ids.some((id) => id === undefined || !isServiceOf(state, company, id)))
      errors.set("services", "Укажите существующие услуги филиала");
    else serviceIds = ids as number[];
  }
  let start = current?.start ?? 0;
  if (need("datetime")) {
    const unix = parseDateTime(body.datetime, company.utcOffset);
    if (unix === undefined) errors.set("datetime", "Неверный формат даты и времени");
    else start = unix;
  }
  let length = current?.length ?? 0;
  if (need("seance_length")) {
    const n = toInt(body.seance_length);
    if (n === undefined || n <= 0) errors.set("seance_length", "Длительность должна быть положительным числом секунд");
    else length = n;
  }
  const phone = need("client") && isObject(body.client) ? validPhone(body.client.phone) : undefined;
  if (need("client") && !phone) errors.set("client", "Укажите телефон клиента");
  if (body.attendance !== undefined && ![-1, 0, 1, 2].includes(toInt(body.attendance) ?? NaN))
    errors.set("attendance", "Недопустимый статус визита");
  errors.check(422);
  const names = ["name", "surname", "patronymic", "email"].map((f) => [f, text(body.client?.[f])]);
  const client = phone ? clientByPhone(ctx, company.id, phone, Object.fromEntries(names)) : undefined;
  return { plan: { staffId, serviceIds, client, start, length }, body };
}

const isServiceOf = (state: SimulatorState, company: Company, id: number | undefined): boolean =>
  state.services.some((s) => s.id === id && s.company_id === company.id);

type Slot = { staffId: number; start: number; length: number };

/** A staff member is busy when another live record of theirs overlaps; working hours are not enforced for staff. */
export function refuseIfBusy(state: SimulatorState, plan: Slot, exceptId: number | undefined, saveIfBusy: boolean) {
  if (saveIfBusy) return;
  const clash = state.records.some(
    (r) => r.staff_id === plan.staffId && !r.deleted && r.id !== exceptId && overlaps(r, plan),
  );
  if (clash) abort(fail(422, "Сотрудник занят в это время"));
}

export function applyOptional(record: Omit<SimRecord, "id">, body: Record<string, any>): void {
  if (typeof body.comment === "string") record.comment = body.comment;
  if (body.attendance !== undefined) record.attendance = toInt(body.attendance)!;
  if (body.api_id !== undefined) record.api_id = text(body.api_id);
  if (typeof body.custom_color === "string") record.custom_color = body.custom_color;
  if (Array.isArray(body.record_labels))
    record.label_ids = body.record_labels.map(toInt).filter((n: number | undefined): n is number => n !== undefined);
  if (isObject(body.custom_fields)) record.custom_fields = { ...record.custom_fields, ...body.custom_fields };
  if (toInt(body.sms_remain_hours) !== undefined) record.sms_remain_hours = toInt(body.sms_remain_hours);
  if (toInt(body.email_remain_hours) !== undefined) record.email_remain_hours = toInt(body.email_remain_hours);
}

/** Marks a record deleted (kept for `with_deleted`) and reports it. */
export function deleteRecord(record: SimRecord, ctx: HandlerContext): void {
  record.deleted = true;
  record.updated_at = ctx.now;
  ctx.emit(recordChange(ctx.state, record, "delete"));
}

export const recordHandlers: HandlerTable = { "GET /records/{company_id}": listRecords };
