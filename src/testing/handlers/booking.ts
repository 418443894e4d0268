// The online-booking flow, stateful end to end: services → staff → dates → times → check →
// record, then reading, moving and cancelling the record. Free slots are always computed
// from the staff schedules minus live records, so a booked slot disappears everywhere.
import { FieldErrors, abort, BOOKING_ERRORS, bookingFail, fail, invalid, ok, type SimResponse } from "../reply.js";
import { overlaps } from "../group-event-store.js";
import { newSecret } from "../secrets.js";
import { bookingWindow, freeStarts, isFree, workingWindow } from "../slots.js";
import { companyStaff, nextId, type SimRecord } from "../state.js";
import type { Company, Service, SimulatorState, StaffMember } from "../state.js";
import { addDays, isDate, localDate, localTime, monthOf, parseDateTime } from "../time.js";
import { recordChange } from "../webhook-payloads.js";
import { clientByPhone } from "./clients.js";
import { ownBody, type HandlerContext, type HandlerTable } from "./context.js";
import { isObject, queryIds, queryInt, text, toInt, validPhone } from "./input.js";
import { bookCategory, bookService, bookStaff, bookTime } from "./booking-views.js";
import { recordLookups, recordView } from "./crm-views.js";
import { deleteRecord } from "./records.js";
import { requireCompany, requireStaff } from "./scope.js";

/** Slot length when no service is named: the usual one-hour seance. */
const DEFAULT_LENGTH = 3600;
/** Longest date range book_dates walks, so a silly range cannot burn the CPU. */
const MAX_RANGE_DAYS = 366;

/** The company's services with these ids, or undefined when one is unknown or inactive. */
function servicesOf(state: SimulatorState, company: Company, ids: readonly number[]): Service[] | undefined {
  const found = ids.map((id) => state.services.find((s) => s.id === id && s.company_id === company.id && s.active));
  return found.every((s): s is Service => s !== undefined) ? found : undefined;
}

const lengthOf = (services: readonly Service[]) => services.reduce((sum, s) => sum + s.duration, 0) || DEFAULT_LENGTH;

/** Bookable staff who provide every one of `services` (only `member`, when one is chosen). */
function providers(state: SimulatorState, company: Company, services: readonly Service[], member?: StaffMember) {
  return companyStaff(state, company.id).filter(
    (m) => m.bookable && !m.hidden && services.every((s) => m.service_ids.includes(s.id)) && (!member || m === member),
  );
}

/** The staff member (an id above 0) and the services (`service_ids`, undefined when one is unknown) a query names. */
function chosen(ctx: HandlerContext, company: Company, staffId = queryInt(ctx.query, "staff_id") ?? 0) {
  const member = staffId > 0 ? requireStaff(ctx.state, company, staffId) : undefined;
  return { member, services: servicesOf(ctx.state, company, queryIds(ctx.query, "service_ids") ?? []) };
}

function nearestFreeDay(state: SimulatorState, company: Company, member: StaffMember, length: number, from?: string) {
  for (const date of bookingWindow(state, company)) {
    if (from && date < from) continue;
    const starts = freeStarts(state, company, member, date, length);
    if (starts.length) return { date, starts };
  }
  return undefined;
}

function queryDateTime(ctx: HandlerContext, company: Company): number | undefined {
  const raw = ctx.query.get("datetime");
  if (raw === null || raw === "") return undefined;
  return parseDateTime(raw, company.utcOffset) ?? abort(invalid(400, { datetime: ["Неверный формат даты и времени"] }));
}

function listBookableServices(ctx: HandlerContext): SimResponse {
  const company = requireCompany(ctx.state, ctx.params.company_id);
  const { member } = chosen(ctx, company);
  const at = queryDateTime(ctx, company);
  /** Someone (the chosen staff member, else any provider) is free for the service at `t`. */
  const free = (s: Service, t: number) =>
    (member ? [member] : providers(ctx.state, company, [s])).some((m) => isFree(ctx.state, company, m, t, s.duration));
  const services = ctx.state.services
    .filter((s) => s.company_id === company.id && s.active)
    .filter((s) => !member || member.service_ids.includes(s.id))
    .filter((s) => at === undefined || free(s, at))
    .sort((a, b) => b.weight - a.weight || a.id - b.id);
  const categoryIds = new Set(services.map((s) => s.category_id));
  const categories = ctx.state.serviceCategories
    .filter((c) => categoryIds.has(c.id))
    .sort((a, b) => b.weight - a.weight);
  return ok({
    events: [],
    services: services.map((s) => bookService(s, member !== undefined)),
    category: categories.map(bookCategory),
  });
}

function listBookableStaff(ctx: HandlerContext): SimResponse {
  const company = requireCompany(ctx.state, ctx.params.company_id);
  const { services } = chosen(ctx, company, 0);
  if (!services) return ok([]);
  const length = lengthOf(services);
  const at = queryDateTime(ctx, company);
  const staff = providers(ctx.state, company, services)
    .filter((m) => at === undefined || isFree(ctx.state, company, m, at, length))
    .sort((a, b) => b.weight - a.weight || a.id - b.id);
  const day = (m: StaffMember) =>
    at !== undefined ? localDate(at, company.utcOffset) : nearestFreeDay(ctx.state, company, m, length)?.date;
  return ok(staff.map((m) => bookStaff(m, day(m))));
}

function dateRange(ctx: HandlerContext, state: SimulatorState, company: Company): string[] {
  const errors = new FieldErrors();
  const [from, to, date] = ["date_from", "date_to", "date"].map((name) => {
    const value = ctx.query.get(name);
    if (value && !isDate(value)) errors.set(name, "Дата должна быть в формате YYYY-MM-DD");
    return value;
  });
  errors.check(400);
  // No range given: the whole booking window (about a month from tomorrow), which is what
  // a client choosing a day needs; the real API covers the current calendar month.
  const window = bookingWindow(state, company);
  const [first, last] = from && to ? [from, to] : date ? monthOf(date) : [window[0], window[window.length - 1]];
  const out: string[] = [];
  for (let d = first; d <= last && out.length < MAX_RANGE_DAYS; d = addDays(d, 1)) out.push(d);
  return out;
}

/** `{"9": ["29", "30"]}`, or `[]` when there are no days, as the API sends it. */
function byMonth(dates: readonly string[]): Record<string, string[]> | [] {
  if (!dates.length) return [];
  const out: Record<string, string[]> = {};
  for (const d of dates) (out[String(Number(d.slice(5, 7)))] ??= []).push(String(Number(d.slice(8, 10))));
  return out;
}

function listBookableDates(ctx: HandlerContext): SimResponse {
  const { state } = ctx;
  const company = requireCompany(state, ctx.params.company_id);
  const { member, services } = chosen(ctx, company);
  const range = dateRange(ctx, state, company);
  const candidates = services ? providers(state, company, services, member) : [];
  const length = lengthOf(services ?? []);
  const open = new Set(bookingWindow(state, company));
  const working = range.filter((d) => candidates.some((m) => workingWindow(company, m, d)));
  const booking = working.filter(
    (d) => open.has(d) && candidates.some((m) => freeStarts(state, company, m, d, length).length > 0),
  );
  return ok({
    booking_days: byMonth(booking),
    booking_dates: booking,
    working_days: byMonth(working),
    working_dates: working,
  });
}

function listBookableTimes(ctx: HandlerContext): SimResponse {
  const { state } = ctx;
  const company = requireCompany(state, ctx.params.company_id);
  const date = ctx.params.date;
  if (!isDate(date)) return invalid(400, { date: ["Дата должна быть в формате YYYY-MM-DD"] });
  const { member, services } = chosen(ctx, company, Number(ctx.params.staff_id));
  if (!services || !bookingWindow(state, company).includes(date)) return ok([]);
  const length = lengthOf(services);
  const starts = providers(state, company, services, member).flatMap((m) =>
    freeStarts(state, company, m, date, length),
  );
  return ok([...new Set(starts)].sort((a, b) => a - b).map((t) => bookTime(t, length, company)));
}

function getStaffNearestSeances(ctx: HandlerContext): SimResponse {
  const { state } = ctx;
  const company = requireCompany(state, ctx.params.company_id);
  const member = requireStaff(state, company, ctx.params.staff_id);
  const { services } = chosen(ctx, company, 0);
  const at = queryDateTime(ctx, company);
  const length = lengthOf(services ?? []);
  const found = services
    ? nearestFreeDay(state, company, member, length, at === undefined ? undefined : localDate(at, company.utcOffset))
    : undefined;
  if (!found) return ok({ seances: [] });
  return ok({ seance_date: found.date, seances: found.starts.map((t) => bookTime(t, length, company)) });
}

function sendBookingSmsCode(ctx: HandlerContext): SimResponse {
  requireCompany(ctx.state, ctx.params.company_id);
  const phone = validPhone(ctx.body?.phone);
  if (!phone) return bookingFail(BOOKING_ERRORS.badPhone, "Неверный формат номера телефона");
  // Nothing is texted: the code is stored where tests can read it.
  ctx.state.smsCodes.set(phone, ctx.state.smsCode);
  return ok(null, { message: "Created" }, 201);
}

interface PlannedVisit {
  id: number;
  staff: StaffMember;
  services: Service[];
  start: number;
  length: number;
  requested: boolean;
}

/** Checks every appointment of a book_check/book_record body; aborts with the booking error. */
function planVisits(state: SimulatorState, company: Company, raw: unknown): PlannedVisit[] {
  if (!Array.isArray(raw) || raw.length === 0) abort(invalid(422, { appointments: ["Нужна хотя бы одна запись"] }));
  const errors = new FieldErrors();
  raw.forEach((a, i) => {
    if (!isObject(a)) errors.set(`appointments.${i}`, "Ожидается объект");
    else {
      if (toInt(a.id) === undefined) errors.set(`appointments.${i}.id`, "Поле обязательно и должно быть целым числом");
      if (toInt(a.staff_id) === undefined || toInt(a.staff_id)! < 0)
        errors.set(`appointments.${i}.staff_id`, "Поле обязательно и должно быть целым числом");
      if (parseDateTime(a.datetime, company.utcOffset) === undefined)
        errors.set(`appointments.${i}.datetime`, "Неверный формат даты и времени");
      if (
        a.services !== undefined &&
        (!Array.isArray(a.services) || a.services.some((s: unknown) => toInt(s) === undefined))
      ) {
        errors.set(`appointments.${i}.services`, "Ожидается список идентификаторов услуг");
      }
    }
  });
  errors.check(422);

  const open = new Set(bookingWindow(state, company));
  const planned: PlannedVisit[] = [];
  for (const a of raw as Record<string, any>[]) {
    const id = toInt(a.id)!;
    const services = servicesOf(state, company, (a.services ?? []).map(toInt));
    if (!services) abort(bookingFail(BOOKING_ERRORS.notBookable, "Выбранные услуги недоступны для онлайн-записи"));
    const start = parseDateTime(a.datetime, company.utcOffset)!;
    const length = lengthOf(services);
    if (planned.some((p) => overlaps(p, { start, length }))) {
      abort(bookingFail(BOOKING_ERRORS.overlap, `Запись ${id} пересекается с другой записью этого же запроса`, id));
    }
    const staffId = toInt(a.staff_id)!;
    const date = localDate(start, company.utcOffset);
    let staff: StaffMember | undefined;
    if (staffId > 0) {
      staff = companyStaff(state, company.id).find((m) => m.id === staffId && m.bookable);
      if (!staff) abort(bookingFail(BOOKING_ERRORS.noStaff, "Выбранный сотрудник недоступен для записи"));
      if (!services.every((s) => staff!.service_ids.includes(s.id))) {
        abort(bookingFail(BOOKING_ERRORS.notBookable, "Сотрудник не оказывает выбранные услуги"));
      }
      if (!open.has(date) || !isFree(state, company, staff, start, length)) {
        const when = `${date} ${localTime(start, company.utcOffset)}`;
        const why = "Выбранное время уже занято или является нерабочим.";
        abort(
          bookingFail(BOOKING_ERRORS.slotTaken, `К сотруднику ${staff.name} нельзя записаться на ${when}. ${why}`, id),
        );
      }
    } else {
      if (!open.has(date)) abort(bookingFail(BOOKING_ERRORS.slotTaken, "Выбранное время недоступно для записи", id));
      staff = providers(state, company, services).find((m) => isFree(state, company, m, start, length));
      if (!staff) abort(bookingFail(BOOKING_ERRORS.noStaff, "Нет свободных сотрудников на выбранное время"));
    }
    planned.push({ id, staff, services, start, length, requested: staffId > 0 });
  }
  return planned;
}

function checkBooking(ctx: HandlerContext): SimResponse {
  const company = requireCompany(ctx.state, ctx.params.company_id);
  planVisits(ctx.state, company, ctx.body?.appointments);
  return ok(null, { message: "Created" }, 201);
}

function createBookingRecord(ctx: HandlerContext): SimResponse {
  const { state, body, now } = ctx;
  const company = requireCompany(state, ctx.params.company_id);
  const input = isObject(body) ? body : {};
  const phone = validPhone(input.phone);
  if (!phone) return bookingFail(BOOKING_ERRORS.badPhone, "Неверный формат номера телефона");
  if (state.blacklistedPhones.has(phone))
    return bookingFail(BOOKING_ERRORS.blacklisted, "Номер телефона в чёрном списке филиала");
  const fullname = text(input.fullname);
  if (!fullname) return bookingFail(BOOKING_ERRORS.noName, "Не указано имя клиента");
  const code = text(input.code);
  if (code && state.smsCodes.get(phone) !== code)
    return bookingFail(BOOKING_ERRORS.wrongCode, "Неверный код подтверждения");

  const visits = planVisits(state, company, input.appointments);
  const [name, ...surname] = fullname.split(/\s+/);
  const client = clientByPhone(ctx, company.id, phone, { name, surname: surname.join(" "), email: text(input.email) });
  const created = visits.map((visit) => {
    const record: SimRecord = {
      id: nextId(state, "record"),
      hash: newSecret(state),
      company_id: company.id,
      staff_id: visit.staff.id,
      service_ids: visit.services.map((s) => s.id),
      client_id: client.id,
      start: visit.start,
      length: visit.length,
      comment: text(input.comment),
      online: true,
      attendance: 0,
      deleted: false,
      created_at: now,
      updated_at: now,
      notify_by_sms: toInt(input.notify_by_sms) ?? 0,
      notify_by_email: toInt(input.notify_by_email) ?? 0,
      master_requested: visit.requested,
      api_id: text(input.api_id),
    };
    state.records.push(record);
    ctx.emit(recordChange(state, record, "create"));
    return { id: visit.id, record_id: record.id, record_hash: record.hash };
  });
  if (code) state.smsCodes.delete(phone);
  return ok(created, [], 201);
}

function liveRecord(state: SimulatorState, recordId: string | undefined, hash?: string, companyId?: number): SimRecord {
  const id = Number(recordId);
  const named = (r: SimRecord) => (hash ?? r.hash) === r.hash && (companyId ?? r.company_id) === r.company_id;
  return state.records.find((r) => r.id === id && !r.deleted && named(r)) ?? abort(fail(404, "Запись не найдена"));
}

function getBookingRecord(ctx: HandlerContext): SimResponse {
  const company = requireCompany(ctx.state, ctx.params.company_id);
  const record = liveRecord(ctx.state, ctx.params.record_id, ctx.params.record_hash, company.id);
  return ok(recordView(ctx.state, record, { online: true }));
}

function rescheduleBookingRecord(ctx: HandlerContext): SimResponse {
  const { state } = ctx;
  const company = requireCompany(state, ctx.params.company_id);
  const record = liveRecord(state, ctx.params.record_id, undefined, company.id);
  const start = parseDateTime(ctx.body?.datetime, company.utcOffset);
  if (start === undefined) return invalid(422, { datetime: ["Неверный формат даты и времени"] });
  const staff = state.staff.find((s) => s.id === record.staff_id);
  const open = bookingWindow(state, company).includes(localDate(start, company.utcOffset));
  if (!staff || !open || !isFree(state, company, staff, start, record.length, record.id)) {
    return bookingFail(BOOKING_ERRORS.slotTaken, "Выбранное время уже занято или является нерабочим");
  }
  record.start = start;
  if (typeof ctx.body?.comment === "string") record.comment = ctx.body.comment;
  record.updated_at = ctx.now;
  ctx.emit(recordChange(state, record, "update"));
  return ok(recordView(state, record, { online: true }));
}

/**
 * The id and hash must name a live record; the answer lists every live record of the signed-in
 * client (matched by phone), that one included, soonest first. A staff token sees just that one.
 */
function getUserRecords(ctx: HandlerContext): SimResponse {
  const { state, session } = ctx;
  const addressed = liveRecord(state, ctx.params.record_id, ctx.params.record_hash);
  const phone = session?.kind === "client" ? session.user.phone : undefined;
  const clientIds = new Set(state.clients.filter((c) => phone !== undefined && c.phone === phone).map((c) => c.id));
  const records = state.records.filter(
    (r) => r === addressed || (!r.deleted && r.client_id !== null && clientIds.has(r.client_id)),
  );
  const lookups = recordLookups(state);
  records.sort((a, b) => a.start - b.start || a.id - b.id);
  return ok(records.map((r) => recordView(state, r, { online: true, lookups })));
}

function deleteUserRecord(ctx: HandlerContext): SimResponse {
  deleteRecord(liveRecord(ctx.state, ctx.params.record_id, ctx.params.record_hash), ctx);
  return ok(null, []);
}

export const bookingHandlers: HandlerTable = {
  "GET /book_services/{company_id}": listBookableServices,
  "GET /book_staff/{company_id}": listBookableStaff,
  "GET /book_dates/{company_id}": listBookableDates,
  "GET /book_times/{company_id}/{staff_id}/{date}": listBookableTimes,
  "GET /book_staff_seances/{company_id}/{staff_id}/": getStaffNearestSeances,
  "POST /book_code/{company_id}": ownBody(sendBookingSmsCode),
  "POST /book_check/{company_id}": ownBody(checkBooking),
  "POST /book_record/{company_id}": ownBody(createBookingRecord),
  "GET /book_record/{company_id}/{record_id}/{record_hash}": getBookingRecord,
  "PUT /book_record/{company_id}/{record_id}": rescheduleBookingRecord,
  "GET /user/records/{record_id}/{record_hash}": getUserRecords,
  "DELETE /user/records/{record_id}/{record_hash}": deleteUserRecord,
};
