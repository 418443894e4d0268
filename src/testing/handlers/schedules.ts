// Staff working hours and the staff-side timetable, derived from the seeded weekly
// schedules and the live records.
import { overlaps } from "../group-event-store.js";
import { workingWindow } from "../slots.js";
import { abort, invalid, ok, type SimResponse } from "../reply.js";
import { companyStaff, type Company, type SimulatorState, type StaffMember } from "../state.js";
import { addDays, isDate, localTime, monthOf } from "../time.js";
import { requireCompany, requireStaff } from "./scope.js";
import type { HandlerContext, HandlerTable } from "./context.js";
import { queryIds, queryInt } from "./input.js";

/** Longest range a schedule query may span, so one request cannot ask for years. */
const MAX_SCHEDULE_DAYS = 62;

function days(first: string, last: string): string[] {
  if (last < first) abort(invalid(400, { end_date: ["Дата окончания раньше даты начала"] }));
  const out: string[] = [];
  for (let d = first; d <= last; d = addDays(d, 1)) {
    if (out.length === MAX_SCHEDULE_DAYS)
      abort(invalid(400, { end_date: [`Период не может быть длиннее ${MAX_SCHEDULE_DAYS} дней`] }));
    out.push(d);
  }
  return out;
}

const requireDate = (value: string | null | undefined, name: string): string =>
  isDate(value) ? value : abort(invalid(400, { [name]: ["Дата должна быть в формате YYYY-MM-DD"] }));

function slotsOf(company: Company, member: StaffMember, date: string): Array<{ from: string; to: string }> {
  const window = workingWindow(company, member, date);
  return window
    ? [{ from: localTime(window.from, company.utcOffset), to: localTime(window.to, company.utcOffset) }]
    : [];
}

function busyIntervals(state: SimulatorState, company: Company, member: StaffMember, date: string) {
  const window = workingWindow(company, member, date);
  if (!window) return [];
  return state.records
    .filter((r) => r.staff_id === member.id && !r.deleted && r.start >= window.from && r.start < window.to)
    .sort((a, b) => a.start - b.start)
    .map((r) => ({
      entity_type: "record",
      entity_id: r.id,
      from: localTime(r.start, company.utcOffset),
      to: localTime(r.start + r.length, company.utcOffset),
    }));
}

function listStaffSchedules(ctx: HandlerContext): SimResponse {
  const { state, query } = ctx;
  const company = requireCompany(state, ctx.params.company_id);
  const start = query.get("start_date") ? requireDate(query.get("start_date"), "start_date") : state.today;
  const end = query.get("end_date") ? requireDate(query.get("end_date"), "end_date") : addDays(start, 6);
  const wanted = queryIds(query, "staff_ids");
  const include = new Set([...query.getAll("include"), ...query.getAll("include[]")].flatMap((v) => v.split(",")));
  const staff = companyStaff(state, company.id).filter((m) => !wanted || wanted.includes(m.id));
  const items = staff.flatMap((member) =>
    days(start, end).map((date) => {
      const slots = slotsOf(company, member, date);
      return {
        staff_id: member.id,
        date,
        slots,
        ...(include.has("busy_intervals") ? { busy_intervals: busyIntervals(state, company, member, date) } : {}),
        ...(include.has("off_day_type") ? { off_day_type: slots.length ? null : 1 } : {}),
      };
    }),
  );
  return ok(items, { count: items.length });
}

function getStaffScheduleLegacy(ctx: HandlerContext): SimResponse {
  const { state, params } = ctx;
  const company = requireCompany(state, params.company_id);
  const member = requireStaff(state, company, params.staff_id);
  const range = days(requireDate(params.start_date, "start_date"), requireDate(params.end_date, "end_date"));
  return ok(
    range.map((date) => {
      const slots = slotsOf(company, member, date);
      return { date, is_working: slots.length ? 1 : 0, slots };
    }),
  );
}

function listTimetableDates(ctx: HandlerContext): SimResponse {
  const { state } = ctx;
  const company = requireCompany(state, ctx.params.company_id);
  const date = requireDate(ctx.params.date, "date");
  const staffId = queryInt(ctx.query, "staff_id");
  const staff = companyStaff(state, company.id).filter((m) => !staffId || m.id === staffId);
  // The month around the date, as the journal's day picker shows it.
  return ok(days(...monthOf(date)).filter((d) => staff.some((m) => workingWindow(company, m, d))));
}

function listTimetableSeances(ctx: HandlerContext): SimResponse {
  const { state, params } = ctx;
  const company = requireCompany(state, params.company_id);
  const member = requireStaff(state, company, params.staff_id);
  const window = workingWindow(company, member, requireDate(params.date, "date"));
  if (!window) return ok([]);
  const step = company.slotStep * 60;
  const busy = state.records.filter((r) => r.staff_id === member.id && !r.deleted);
  const out: Array<{ time: string; is_free: boolean }> = [];
  for (let t = window.from; t < window.to; t += step) {
    out.push({
      time: localTime(t, company.utcOffset),
      is_free: !busy.some((r) => overlaps(r, { start: t, length: step })),
    });
  }
  return ok(out);
}

export const scheduleHandlers: HandlerTable = {
  "GET /company/{company_id}/staff/schedule": listStaffSchedules,
  "GET /schedule/{company_id}/{staff_id}/{start_date}/{end_date}": getStaffScheduleLegacy,
  "GET /timetable/dates/{company_id}/{date}": listTimetableDates,
  "GET /timetable/seances/{company_id}/{staff_id}/{date}": listTimetableSeances,
};
