// Reading the dates YCLIENTS sends. One answer mixes several forms: `date` is company-local
// time without a zone (`2019-07-21 12:00:00`), `datetime` is ISO 8601 with a colon offset
// (`2019-07-21T12:00:00+03:00`), `create_date` / `last_change_date` have the offset without a
// colon (`+0300`), and a few online-booking answers send Unix seconds. A zone-less value is
// wall-clock time of the company, so it needs the company's time zone to become an instant.
import { YclientsError } from "./errors.js";

/** The zone assumed for zone-less values when none is given: most YCLIENTS companies keep Moscow time. */
export const DEFAULT_YCLIENTS_TIME_ZONE = "Europe/Moscow";

export interface ParseYclientsDateOptions {
  /**
   * The company's time zone, used only for values without an offset: an IANA name (the
   * company's `timezone_name`, e.g. `"Asia/Yekaterinburg"`) or a fixed offset (`"+05:00"`).
   * Default `"Europe/Moscow"`.
   */
  timeZone?: string;
}

/** A value that is not one of the date forms the API sends, or an unknown time zone. */
export class YclientsDateParseError extends YclientsError {}
Object.defineProperty(YclientsDateParseError.prototype, "name", { value: "YclientsDateParseError" });

const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const OFFSET = /^([+-])(\d{2}):?(\d{2})$/;

/** The API's markers for "no date": null, an empty string, `0` and the MySQL zero date. */
function isEmptyMarker(value: unknown): boolean {
  if (value === null || value === undefined || value === 0) return true;
  if (typeof value !== "string") return false;
  const text = value.trim();
  return text === "" || text === "0" || /^0000-00-00(?:[T ]00:00(?::00)?)?$/.test(text);
}

/**
 * Parses any date form of the YCLIENTS API into a `Date` (an instant):
 *
 * - `"2019-07-21T12:00:00+03:00"`, `"2019-07-21T12:00:00+0300"`, `"...Z"`: the offset given;
 * - `"2019-07-21 12:00:00"`, `"2019-07-21T12:00"`, `"2019-07-21"`: company-local wall-clock time in
 *   `options.timeZone` (default `"Europe/Moscow"`), a bare day meaning its midnight;
 * - a number or a digit string: Unix seconds (milliseconds when it is too large to be seconds).
 *
 * Returns `null` for the API's "no date" markers (`null`, `""`, `0`, `"0"`, `"0000-00-00 00:00:00"`),
 * as in `birth_date: 0`. Throws `YclientsDateParseError` for anything else.
 */
export function parseYclientsDate(value: unknown, options: ParseYclientsDateOptions = {}): Date | null {
  if (isEmptyMarker(value)) return null;
  if (value instanceof Date) return new Date(value.getTime());
  if (typeof value === "number") return fromUnix(value);
  if (typeof value !== "string") throw new YclientsDateParseError(`Not a YCLIENTS date: ${describe(value)}`);
  const text = value.trim();
  if (/^\d+$/.test(text)) return fromUnix(Number(text));

  const m = DATE_TIME.exec(text);
  if (!m) throw new YclientsDateParseError(`Not a YCLIENTS date: ${describe(value)}`);
  const wall = wallClock(m);
  if (Number.isNaN(wall)) throw new YclientsDateParseError(`Not a real calendar date: ${describe(value)}`);

  const zone = m[8];
  if (zone) return new Date(wall - zoneOffsetMinutes(zone) * 60_000);
  return new Date(wall - offsetInZone(options.timeZone ?? DEFAULT_YCLIENTS_TIME_ZONE, wall) * 60_000);
}

/** The wall-clock time of a `DATE_TIME` match read as UTC milliseconds; NaN for `2019-02-30` or `25:00`. */
function wallClock([, y, mo, d, h = "00", mi = "00", s = "00", frac = ""]: RegExpExecArray): number {
  const fields = [y, mo, d, h, mi, s].map(Number) as [number, number, number, number, number, number];
  const ms = Number(frac.padEnd(3, "0").slice(0, 3));
  const wall = Date.UTC(fields[0], fields[1] - 1, fields[2], fields[3], fields[4], fields[5], ms);
  return sameWallClock(wall, fields) ? wall : Number.NaN;
}

function fromUnix(n: number): Date {
  if (!Number.isFinite(n)) throw new YclientsDateParseError(`Not a YCLIENTS date: ${n}`);
  return new Date(Math.abs(n) > 1e11 ? n : n * 1000);
}

/** Rejects `2019-02-30` and `25:00`, which Date.UTC would silently roll over. */
function sameWallClock(wall: number, [y, mo, d, h, mi, s]: readonly number[]): boolean {
  const t = new Date(wall);
  return (
    t.getUTCFullYear() === y &&
    t.getUTCMonth() === mo - 1 &&
    t.getUTCDate() === d &&
    t.getUTCHours() === h &&
    t.getUTCMinutes() === mi &&
    t.getUTCSeconds() === s
  );
}

/** `Z`, `+03`, `+03:00`, `+0300` as minutes east of UTC. */
function zoneOffsetMinutes(zone: string): number {
  if (zone.toUpperCase() === "Z") return 0;
  const m = OFFSET.exec(zone.length === 3 ? `${zone}00` : zone);
  if (!m) throw new YclientsDateParseError(`Not a UTC offset: ${zone}`);
  return (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat("en-US", {
        timeZone,
        hourCycle: "h23",
        year: "numeric",
        month: "numeric",
        day: "numeric",
        hour: "numeric",
        minute: "numeric",
        second: "numeric",
      });
    } catch {
      throw new YclientsDateParseError(`Unknown time zone: ${timeZone}`);
    }
    formatters.set(timeZone, f);
  }
  return f;
}

/** Offset (minutes east of UTC) of an IANA zone at the instant `utc`. */
function zoneOffsetAt(timeZone: string, utc: number): number {
  const parts: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(new Date(utc))) parts[p.type] = Number(p.value);
  const asUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  return Math.round((asUtc - Math.floor(utc / 1000) * 1000) / 60_000);
}

/**
 * Offset to subtract from a wall-clock time read as UTC to get the instant, in `timeZone`.
 * Two passes settle the offset around a DST change; a wall-clock time skipped by the change
 * resolves to the later offset.
 */
function offsetInZone(timeZone: string, wall: number): number {
  if (OFFSET.test(timeZone) || /^[+-]\d{2}$/.test(timeZone) || timeZone.toUpperCase() === "Z")
    return zoneOffsetMinutes(timeZone);
  const first = zoneOffsetAt(timeZone, wall);
  const second = zoneOffsetAt(timeZone, wall - first * 60_000);
  return second;
}

function describe(value: unknown): string {
  const text = typeof value === "string" ? JSON.stringify(value) : String(value);
  return text.length > 60 ? text.slice(0, 57) + "..." : text;
}

/**
 * Writes a date the API handed out (a Date, Unix seconds, a `YYYY-MM-DD` or ISO datetime string) in the form a
 * request takes: `"date"` is a calendar day (`YYYY-MM-DD`), `"date-time"` ISO 8601 with the offset. A string is
 * checked and kept as written (a datetime's day is the day it names); Unix seconds are read in the company's
 * time zone (`options.timeZone`, Moscow by default); a Date is its local calendar day, or its instant in the
 * company's zone. Returns `undefined` for anything else, so the caller can say what it got.
 */
export function formatYclientsDate(
  value: unknown,
  format: "date" | "date-time",
  options: ParseYclientsDateOptions = {},
): string | undefined {
  const timeZone = options.timeZone ?? DEFAULT_YCLIENTS_TIME_ZONE;
  if (typeof value === "string" && !/^\d+$/.test(value.trim())) {
    // Kept as written, so only its form and its calendar are checked (its zone, if any, is the string's own).
    const text = value.trim();
    const m = DATE_TIME.exec(text);
    if (!m || Number.isNaN(wallClock(m))) return undefined;
    return format === "date" ? text.slice(0, 10) : text;
  }
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return undefined;
    if (format === "date") return `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`;
    return inZone(value.getTime(), timeZone, format);
  }
  const seconds = typeof value === "string" ? Number(value) : value;
  if (typeof seconds !== "number" || !Number.isFinite(seconds) || seconds <= 0) return undefined;
  return inZone(fromUnix(seconds).getTime(), timeZone, format);
}

const pad = (n: number) => String(n).padStart(2, "0");

function inZone(utc: number, timeZone: string, format: "date" | "date-time"): string {
  const fixed = OFFSET.test(timeZone) || /^[+-]\d{2}$/.test(timeZone) || timeZone.toUpperCase() === "Z";
  const offset = fixed ? zoneOffsetMinutes(timeZone) : zoneOffsetAt(timeZone, utc);
  const t = new Date(utc + offset * 60_000);
  const day = `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
  if (format === "date") return day;
  const sign = offset < 0 ? "-" : "+";
  const zone = `${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
  return `${day}T${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())}${zone}`;
}
