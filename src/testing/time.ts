// Calendar arithmetic in a company's fixed UTC offset. All seeded companies are in Moscow
// time (UTC+3 all year since 2014), so a fixed offset is exact and needs no time zone data.

export const MOSCOW_OFFSET_MINUTES = 180;
const DAY_SECONDS = 86_400;

const pad = (n: number) => String(n).padStart(2, "0");

/** Local `YYYY-MM-DDTHH:MM:SS` at `unix` seconds in the given offset. */
const local = (unix: number, offsetMinutes: number) =>
  new Date((unix + offsetMinutes * 60) * 1000).toISOString().slice(0, 19);

/** The local calendar date `YYYY-MM-DD`. */
export const localDate = (unix: number, offsetMinutes: number) => local(unix, offsetMinutes).slice(0, 10);
/** Local `HH:MM`. */
export const localTime = (unix: number, offsetMinutes: number) => local(unix, offsetMinutes).slice(11, 16);
/** ISO 8601 with offset, the form the API uses for `datetime`: `2026-09-29T12:00:00+03:00` (`+0300` without `colon`). */
export function isoWithOffset(unix: number, offsetMinutes: number, colon = true): string {
  const abs = Math.abs(offsetMinutes);
  const zone = `${offsetMinutes < 0 ? "-" : "+"}${pad(Math.floor(abs / 60))}${colon ? ":" : ""}${pad(abs % 60)}`;
  return local(unix, offsetMinutes) + zone;
}
/** The zone-less form the API uses for `date`: `2026-09-29 12:00:00`. */
export const spacedDateTime = (unix: number, offsetMinutes: number) => local(unix, offsetMinutes).replace("T", " ");

/** Milliseconds of `date`'s midnight in UTC. */
const midnight = (date: string) => Date.parse(`${date}T00:00:00Z`);

/** Unix seconds of local `date` plus `minutes` after local midnight. */
export const unixAt = (date: string, minutes: number, offsetMinutes: number) =>
  midnight(date) / 1000 + minutes * 60 - offsetMinutes * 60;

export const isDate = (value: unknown): value is string =>
  typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(midnight(value));

export const addDays = (date: string, days: number) =>
  new Date(midnight(date) + days * DAY_SECONDS * 1000).toISOString().slice(0, 10);

/** The first and last day of the calendar month of `date`. */
export function monthOf(date: string): [string, string] {
  const first = date.slice(0, 8) + "01";
  return [first, addDays(addDays(first, 32).slice(0, 8) + "01", -1)];
}

/** 0 = Sunday … 6 = Saturday, like Date#getUTCDay. */
export const weekday = (date: string) => new Date(midnight(date)).getUTCDay();

/** "HH:MM" to minutes after midnight. */
export function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(":").map(Number);
  return h * 60 + m;
}

export const todayIn = (offsetMinutes: number, now = Date.now()) => localDate(Math.floor(now / 1000), offsetMinutes);

/**
 * Reads a `datetime` the way clients send it back: an ISO string with or without offset
 * (zone-less means company time), `YYYY-MM-DD HH:MM[:SS]`, or a Unix timestamp (seconds,
 * or milliseconds when it is implausibly large). Returns Unix seconds or undefined.
 */
export function parseDateTime(value: unknown, offsetMinutes: number): number | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return Math.floor(value > 1e11 ? value / 1000 : value);
  if (typeof value !== "string") return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return parseDateTime(Number(text), offsetMinutes);
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/.exec(text);
  if (!m) return undefined;
  const [, date, hh, mm, ss = "00", zone] = m;
  const base = Date.parse(`${date}T${hh}:${mm}:${ss}Z`);
  if (Number.isNaN(base)) return undefined;
  let offset = offsetMinutes;
  if (zone === "Z") offset = 0;
  else if (zone) {
    const digits = zone.replace(":", "");
    offset = (digits[0] === "-" ? -1 : 1) * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)));
  }
  return base / 1000 - offset * 60;
}
