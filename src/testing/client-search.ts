// The filter language of `POST /company/{company_id}/clients/search`, evaluated on the
// simulator's clients. A filter that is not one of the documented shapes throws a
// SearchFilterError, which the handler turns into the API's 400 with `meta.errors.filters`.
import type { SimRecord, Client } from "./state.js";

export class SearchFilterError extends Error {}

export interface SearchContext {
  /** Live (not deleted) records of the client. */
  recordsOf(client: Client): SimRecord[];
  /** Service id to its category id. */
  categoryOf(serviceId: number): number | undefined;
  /** Local `YYYY-MM-DD` of a Unix time in the company's zone. */
  localDate(unix: number): string;
  priceOf(serviceId: number): number;
}

type Test = (client: Client) => boolean;

function fail(): never {
  throw new SearchFilterError("invalid filter");
}

const isObj = (v: unknown): v is Record<string, any> => v !== null && typeof v === "object" && !Array.isArray(v);
const isDay = (v: unknown): v is string => typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v);

function numbers(v: unknown): number[] {
  if (!Array.isArray(v) || !v.every((n) => typeof n === "number" || (typeof n === "string" && /^\d+$/.test(n)))) fail();
  return v.map(Number);
}

function idSet(state: unknown): Set<number> {
  if (!isObj(state)) fail();
  return new Set(numbers(state.value));
}

/** Whether `value` lies in a `{from?, to?}` range; a range that is not one, or a bound `isBound` refuses, throws. */
function inRange<T>(value: T, range: unknown, isBound: (bound: unknown) => bound is T): boolean {
  if (!isObj(range)) fail();
  const { from, to } = range;
  if ((from !== undefined && !isBound(from)) || (to !== undefined && !isBound(to))) fail();
  return (from === undefined || value >= from) && (to === undefined || value <= to);
}

const inNumberRange = (value: number, range: unknown) => inRange(value, range, (v) => typeof v === "number");
/** An unknown day ("") lies in no range. */
const inDayRange = (day: string, range: unknown) => inRange(day, range, isDay) && day !== "";

/** Checks a day range's shape (a bad one throws) before any client is tested against it. */
function dayRange(range: unknown): unknown {
  inDayRange("0000-00-00", range);
  return range;
}

/** Record filter statuses (1 no-show, 2 waiting, 3 came, 4 confirmed) as `attendance` codes. */
const STATUS_TO_ATTENDANCE: Record<number, number> = { 1: -1, 2: 0, 3: 1, 4: 2 };

function recordTest(state: Record<string, any>, ctx: SearchContext): Test {
  const staff = state.staff === undefined ? undefined : idSet(state.staff);
  const services = state.service === undefined ? undefined : idSet(state.service);
  const categories = state.service_category === undefined ? undefined : idSet(state.service_category);
  const statuses =
    state.status === undefined
      ? undefined
      : new Set([...idSet(state.status)].map((s) => STATUS_TO_ATTENDANCE[s] ?? fail()));
  const created = state.created === undefined ? undefined : dayRange(state.created);
  return (client) => {
    const matching = ctx
      .recordsOf(client)
      .filter(
        (r) =>
          (!staff || staff.has(r.staff_id)) &&
          (!services || r.service_ids.some((id) => services.has(id))) &&
          (!categories || r.service_ids.some((id) => categories.has(ctx.categoryOf(id) ?? -1))) &&
          (!statuses || statuses.has(r.attendance)) &&
          (created === undefined || inDayRange(ctx.localDate(r.created_at), created)),
      );
    if (state.records_count !== undefined) return inNumberRange(matching.length, state.records_count);
    if (state.sold_amount !== undefined) {
      const mode = isObj(state.sold_amount) ? (state.sold_amount.type ?? "service_amount") : fail();
      if (mode !== "service_amount" && mode !== "paid_in_cash") fail();
      const counted = mode === "paid_in_cash" ? matching.filter((r) => r.attendance === 1) : matching;
      const sum = counted.reduce((s, r) => s + r.service_ids.reduce((t, id) => t + ctx.priceOf(id), 0), 0);
      return inNumberRange(sum, { from: state.sold_amount.from, to: state.sold_amount.to });
    }
    return matching.length > 0;
  };
}

/** Builds the test of one `{type, state}` filter. */
function compileFilter(filter: unknown, ctx: SearchContext): Test {
  if (!isObj(filter) || typeof filter.type !== "string" || !isObj(filter.state)) fail();
  const state = filter.state;
  if (state.invert !== undefined && typeof state.invert !== "boolean") fail();
  let test: Test;
  switch (filter.type) {
    case "id": {
      const ids = idSet(state);
      test = (c) => ids.has(c.id);
      break;
    }
    case "quick_search": {
      if (typeof state.value !== "string") fail();
      const needle = state.value.trim().toLowerCase();
      const digits = needle.replace(/\D/g, "");
      const phoneLike = /^[\d\s()+-]+$/.test(needle) && digits.length >= 3;
      test = (c) =>
        needle === "" ||
        `${c.name} ${c.surname} ${c.patronymic}`.toLowerCase().includes(needle) ||
        `${c.surname} ${c.name}`.toLowerCase().includes(needle) ||
        (phoneLike && c.phone.includes(digits)) ||
        (!!c.card && c.card.toLowerCase().includes(needle)) ||
        (!!c.email && c.email.toLowerCase().includes(needle));
      break;
    }
    case "birthday":
      // The whole date is compared, as the web interface's birthday filter does with a year given.
      dayRange(state);
      test = (c) => inDayRange(c.birth_date, state);
      break;
    case "gender":
    case "importance": {
      const wanted = state.value === undefined ? undefined : new Set(numbers(state.value));
      const value = (c: Client) => (filter.type === "gender" ? c.sex_id : (c.importance_id ?? 0));
      test = (c) => !wanted || wanted.has(value(c));
      break;
    }
    case "category": {
      const ids = idSet(state);
      test = (c) => (c.label_ids ?? []).some((id) => ids.has(id));
      break;
    }
    case "has_mobile_app":
    case "has_passteam_card":
      if (typeof state.value !== "boolean") fail();
      // Nobody in the simulator has the app or a Passteam card.
      test = () => state.value === false;
      break;
    case "passteam_card_ids":
      if (!Array.isArray(state.value) || !state.value.every((x) => typeof x === "string")) fail();
      test = () => false;
      break;
    case "sms_notification":
      if (!isDay(state.from) || !isDay(state.to)) fail();
      test = () => false; // the simulator sends no mailings
      break;
    case "sold_amount":
      inNumberRange(0, state);
      test = (c) => inNumberRange(c.spent, state);
      break;
    case "record":
      test = recordTest(state, ctx);
      break;
    case "client": {
      const ids = state.id === undefined ? undefined : idSet(state.id);
      const birthday = state.birthday === undefined ? undefined : dayRange(state.birthday);
      test = (c) => (!ids || ids.has(c.id)) && (birthday === undefined || inDayRange(c.birth_date, birthday));
      break;
    }
    default:
      fail();
  }
  return state.invert === true ? (c) => !test(c) : test;
}

/** Combines the filters of a request with `AND` (default) or `OR`; no filters match everyone. */
export function compileFilters(filters: unknown, operation: unknown, ctx: SearchContext): Test {
  if (filters === undefined || filters === null) return () => true;
  if (!Array.isArray(filters)) fail();
  const op = operation === undefined ? "AND" : operation;
  if (op !== "AND" && op !== "OR") fail();
  const tests = filters.map((f) => compileFilter(f, ctx));
  if (tests.length === 0) return () => true;
  return op === "AND" ? (c) => tests.every((t) => t(c)) : (c) => tests.some((t) => t(c));
}
