// Group events (activities) as state: create, read, change, delete, search (paged), the days that have
// events, duplication at given times, and the v2 operations on the same events.
import { shaped } from "../engine/shape.js";
import { groupEventsOf, overlaps, type SimActivity } from "../group-event-store.js";
import { slice } from "../page-request.js";
import { FieldErrors, abort, fail, invalid, ok, type SimResponse } from "../reply.js";
import { nextId, companyServices, companyStaff, type Company, type SimulatorState } from "../state.js";
import { isDate, localDate, parseDateTime, spacedDateTime } from "../time.js";
import { requireCompany } from "./scope.js";
import { exampleAnswer } from "./examples.js";
import { ownBody, type HandlerContext, type HandlerTable } from "./context.js";
import { isObject, queryIds, text, toInt } from "./input.js";

export function requireEvent(ctx: HandlerContext, company: Company, idParam: string): SimActivity {
  const id = toInt(ctx.params[idParam]);
  const event = groupEventsOf(ctx.state).events.find((e) => e.id === id && e.company_id === company.id);
  return event ?? abort(fail(404, "Групповое событие не найдено"));
}

function ids(value: unknown): number[] | undefined {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) return undefined;
  const out = value.map(toInt);
  return out.every((n): n is number => n !== undefined) ? out : undefined;
}

/**
 * Reads the settings of an event from a v1 or v2 body. Returns the event's fields, or answers 422 with
 * `meta.errors` naming every bad field.
 */
export function readEventBody(ctx: HandlerContext, company: Company): Omit<SimActivity, "id" | "records_count"> {
  const body = isObject(ctx.body) ? ctx.body : {};
  const errors = new FieldErrors();
  const start = parseDateTime(body.date, company.utcOffset);
  if (start === undefined) errors.set("date", "Ожидается дата и время YYYY-MM-DD HH:MM:SS");
  const service = companyServices(ctx.state, company.id).find((s) => s.id === toInt(body.service_id));
  if (!service) errors.set("service_id", "Услуга не найдена");
  const staff = companyStaff(ctx.state, company.id).find((s) => s.id === toInt(body.staff_id));
  if (!staff) errors.set("staff_id", "Сотрудник не найден");
  const capacity = toInt(body.capacity);
  if (capacity === undefined || capacity < 1) errors.set("capacity", "Количество мест должно быть не меньше 1");
  const length = body.length === undefined || body.length === null ? service?.duration : toInt(body.length);
  if (length === undefined || length < 1) errors.set("length", "Длительность должна быть положительным числом секунд");
  const technicalBreak = toInt(body.technical_break_duration) ?? 0;
  const labelIds = ids(body.label_ids);
  if (!labelIds) errors.set("label_ids", "Ожидается список идентификаторов");
  const resourceIds = ids(body.resource_instance_ids);
  if (!resourceIds) errors.set("resource_instance_ids", "Ожидается список идентификаторов");
  errors.check(422);
  return {
    company_id: company.id,
    service_id: service!.id,
    staff_id: staff!.id,
    start: start!,
    length: length!,
    technical_break: technicalBreak,
    capacity: capacity!,
    color: text(body.color),
    comment: text(body.comment),
    instructions: text(body.instructions),
    stream_link: text(body.stream_link),
    label_ids: labelIds!,
    resource_instance_ids: resourceIds!,
  };
}

/**
 * Unless forced, a staff member may not run two overlapping events. Duplication reports the clash as the
 * documented 409 with `meta.conflict`; create and update, which document no 409, as 422.
 */
export function checkStaffFree(
  state: SimulatorState,
  company: Company,
  event: Pick<SimActivity, "id" | "staff_id" | "start" | "length">,
  status: 409 | 422,
) {
  const clash = groupEventsOf(state).events.find(
    (e) => e.id !== event.id && e.staff_id === event.staff_id && overlaps(e, event),
  );
  if (!clash) return;
  const when = spacedDateTime(event.start, company.utcOffset).slice(0, 16);
  abort(fail(status, `Мастер занят или не работает: ${when}`, status === 409 ? { conflict: true } : {}));
}

/** The v1 answer; search and duplication results send `date` as a Unix timestamp, like the API. */
export function eventView(state: SimulatorState, e: SimActivity, unixDate = false): Record<string, unknown> {
  const company = state.companies.find((c) => c.id === e.company_id)!;
  const service = state.services.find((s) => s.id === e.service_id);
  const staff = state.staff.find((s) => s.id === e.staff_id);
  const card = staff && {
    id: staff.id,
    name: staff.name,
    company_id: staff.company_id,
    specialization: staff.specialization,
  };
  return shaped("Activity", e, {
    salon_id: e.company_id,
    master_id: e.staff_id,
    date: unixDate ? e.start : spacedDateTime(e.start, company.utcOffset),
    timestamp: e.start,
    service: service && { id: service.id, title: service.title, category_id: service.category_id },
    staff: card,
    master: card,
    resource_instances: e.resource_instance_ids.map((id) => ({ id })),
    labels: e.label_ids.map((id) => ({ id, title: "" })),
    duration_details: [
      { id: e.id, services_duration: e.length - e.technical_break, technical_break_duration: e.technical_break },
    ],
  });
}

/** The v2 answer: `{ data: { type, id, attributes } }`, no envelope. */
export function eventDocument(e: SimActivity, status = 200): SimResponse {
  const attributes = shaped("ActivityV2Attributes", e, {
    master_id: e.staff_id,
    timestamp: e.start,
    clients_count: e.records_count,
  });
  return { status, body: { data: { type: "activity", id: String(e.id), attributes } } };
}

const within = (day: string, range: { from: string; till: string }) => day >= range.from && day <= range.till;

/** Events of the company matching the search filters, in start order. */
function matching(ctx: HandlerContext, company: Company, range?: { from: string; till: string }): SimActivity[] {
  const serviceIds = queryIds(ctx.query, "service_ids");
  const staffIds = queryIds(ctx.query, "staff_ids");
  const resourceIds = queryIds(ctx.query, "resource_ids");
  return groupEventsOf(ctx.state)
    .events.filter((e) => e.company_id === company.id)
    .filter((e) => !serviceIds || serviceIds.includes(e.service_id))
    .filter((e) => !staffIds || staffIds.includes(e.staff_id))
    .filter((e) => !resourceIds || e.resource_instance_ids.some((id) => resourceIds.includes(id)))
    .filter((e) => !range || within(localDate(e.start, company.utcOffset), range))
    .sort((a, b) => a.start - b.start || a.id - b.id);
}

function readRange(ctx: HandlerContext): { from: string; till: string } {
  const from = ctx.query.get("from");
  const till = ctx.query.get("till");
  const errors = new FieldErrors();
  if (!isDate(from)) errors.set("from", "Ожидается дата YYYY-MM-DD");
  if (!isDate(till)) errors.set("till", "Ожидается дата YYYY-MM-DD");
  errors.check(400);
  return { from: from!, till: till! };
}

/** Search and duplication results: `date` as a Unix timestamp, `meta.count` counting them all. */
function eventList(state: SimulatorState, events: SimActivity[], page = { page: 1, size: events.length }): SimResponse {
  const items = slice(events, page).map((e) => eventView(state, e, true));
  return ok(items, { count: events.length });
}

function search(ctx: HandlerContext): SimResponse {
  const company = requireCompany(ctx.state, ctx.params.company_id);
  return eventList(ctx.state, matching(ctx, company, readRange(ctx)), ctx.page ?? { page: 1, size: 25 });
}

function searchDates(ctx: HandlerContext): SimResponse {
  const company = requireCompany(ctx.state, ctx.params.company_id);
  const days = matching(ctx, company, readRange(ctx)).map((e) => localDate(e.start, company.utcOffset));
  return ok([...new Set(days)]);
}

function dateRange(ctx: HandlerContext): SimResponse {
  const company = requireCompany(ctx.state, ctx.params.company_id);
  const days = matching(ctx, company).map((e) => localDate(e.start, company.utcOffset));
  return ok(days.length ? { min_date: days[0], max_date: days[days.length - 1] } : {});
}

/**
 * Copies at a list of start times (`dates`). The other two ways (a strategy, inline rules) answer with the
 * documented example: the simulator does not expand repetition rules.
 */
function duplicate(ctx: HandlerContext): SimResponse {
  if (!isObject(ctx.body) || !Array.isArray(ctx.body.dates)) return exampleAnswer(ctx.op);
  const company = requireCompany(ctx.state, ctx.params.company_id);
  const original = requireEvent(ctx, company, "activity_id");
  const starts = ctx.body.dates.map((d: unknown) => parseDateTime(d, company.utcOffset));
  if (!starts.length || starts.some((s: number | undefined) => s === undefined)) {
    return invalid(422, { dates: ["Ожидается список дат и времени YYYY-MM-DDTHH:MM:SS"] });
  }
  const store = groupEventsOf(ctx.state);
  const copies = (starts as number[]).map((start) => structuredClone({ ...original, id: 0, start, records_count: 0 }));
  // All or nothing: one busy date refuses the whole request, as the API's 409 does.
  if (ctx.body.force !== true) for (const copy of copies) checkStaffFree(ctx.state, company, copy, 409);
  for (const copy of copies) copy.id = nextId(ctx.state, "activity");
  store.events.push(...copies);
  return eventList(ctx.state, copies);
}

/** v2: books `clients_count` places (1 by default); a full event answers 422. */
function addRecordV2(ctx: HandlerContext): SimResponse {
  const company = requireCompany(ctx.state, ctx.params.salonId);
  const event = requireEvent(ctx, company, "activityId");
  const places = ctx.body?.clients_count === undefined ? 1 : toInt(ctx.body.clients_count);
  if (places === undefined || places < 1) return invalid(422, { clients_count: ["Ожидается число не меньше 1"] });
  if (event.records_count + places > event.capacity) return fail(422, "Нет свободных мест в групповом событии");
  event.records_count += places;
  return eventDocument(event, 201);
}

export const groupEventHandlers: HandlerTable = {
  "GET /activity/{company_id}/search/": search,
  "GET /activity/{company_id}/search_dates/": searchDates,
  "GET /activity/{company_id}/search_dates_range/": dateRange,
  "POST /activity/{company_id}/{activity_id}/duplicate/": ownBody(duplicate),
  "POST /api/v2/companies/{salonId}/activities/{activityId}/records": addRecordV2,
};
