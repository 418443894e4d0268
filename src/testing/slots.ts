// Free time: a staff member's working hours on a day minus the records already booked.
import { addDays, localDate, minutesOf, unixAt, weekday } from "./time.js";
import type { SimRecord, Company, SimulatorState, StaffMember } from "./state.js";

/** Working window of `staff` on local `date`, as Unix seconds, or undefined on a day off. */
export function workingWindow(company: Company, staff: StaffMember, date: string) {
  const hours = staff.schedule[weekday(date)];
  if (!hours || staff.fired) return undefined;
  return {
    from: unixAt(date, minutesOf(hours.from), company.utcOffset),
    to: unixAt(date, minutesOf(hours.to), company.utcOffset),
  };
}

const liveRecordsOf = (state: SimulatorState, staffId: number, exceptId?: number): SimRecord[] =>
  state.records.filter((r) => r.staff_id === staffId && !r.deleted && r.id !== exceptId);

const overlaps = (start: number, length: number, r: SimRecord) =>
  start < r.start + r.length && r.start < start + length;

/** True when [start, start+length) lies inside working hours and clashes with no live record. */
export function isFree(
  state: SimulatorState,
  company: Company,
  staff: StaffMember,
  start: number,
  length: number,
  exceptId?: number,
): boolean {
  const window = workingWindow(company, staff, localDate(start, company.utcOffset));
  if (!window || start < window.from || start + length > window.to) return false;
  return !liveRecordsOf(state, staff.id, exceptId).some((r) => overlaps(start, length, r));
}

/** Slot starts (Unix seconds) on `date` where `length` seconds fit, on the company's grid. */
export function freeStarts(
  state: SimulatorState,
  company: Company,
  staff: StaffMember,
  date: string,
  length: number,
): number[] {
  const window = workingWindow(company, staff, date);
  if (!window) return [];
  const busy = liveRecordsOf(state, staff.id);
  const out: number[] = [];
  for (let t = window.from; t + length <= window.to; t += company.slotStep * 60) {
    if (!busy.some((r) => overlaps(t, length, r))) out.push(t);
  }
  return out;
}

/** The days online booking offers: tomorrow through `company.bookingDays` days ahead. */
export const bookingWindow = (state: SimulatorState, company: Company): string[] =>
  Array.from({ length: company.bookingDays }, (_, i) => addDays(state.today, i + 1));
