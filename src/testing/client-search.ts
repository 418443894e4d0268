// The filter language of `POST /company/{company_id}/clients/search`, evaluated on the
// simulator's clients. A filter that is not one of the documented shapes throws a
// SearchFilterError, which the handler turns into the API's 400 with `meta.errors.filters`.
import type { SimRecord, Client } from "./state.js";

export class SearchFilterError extends Error {}

/** What the record filter and the visit fields need about a client's records. */
export interface ClientActivity {
  /** Live (not deleted) records of the client. */
  records: SimRecord[];
}

export interface SearchContext {
  activity(client: Client): ClientActivity;
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

function inNumberRange(value: number, range: unknown): boolean {
  if (!isObj(range)) fail();
  const { from, to } = range;
  if ((from !== undefined && typeof from !== "number") || (to !== undefined && typeof to !== "number")) fail();
  return (from === undefined || value >= from) && (to === undefined || value <= to);
}

function inDayRange(day: string, range: unknown): boolean {
  if (!isObj(range)) fail();
  const { from, to } = range;
  if ((from !== undefined && !isDay(from)) || (to !== undefined && !isDay(to))) fail();
  return day !== "" && (from === undefined || day >= from) && (to === undefined || day <= to);
}

/** Birthday ranges compare the whole date, as the web interface's birthday filter does with a year given. */
function birthdayIn(client: Client, range: unknown): boolean {
  return inDayRange(client.birth_date ?? "", range);
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
      : new Set(
          [...idSet(state.status)].map((s) => {
            if (!(s in STATUS_TO_ATTENDANCE)) fail();
            return STATUS_TO_ATTENDANCE[s];
          }),
        );
  const created = state.created;
  if (created !== undefined) inDayRange("0000-00-00", created); // validates the shape
  return (client) => {
    const matching = ctx
      .activity(client)
      .records.filter(
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

function phoneDigits(text: string): string {
  return text.replace(/\D/g, "");
}

/** Builds the test of one `{type, state}` filter. */
export function compileFilter(filter: unknown, ctx: SearchContext): Test {
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
      const digits = phoneDigits(needle);
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
      birthdayIn({ birth_date: "0000-00-00" } as Client, state);
      test = (c) => birthdayIn(c, state);
      break;
    case "gender": {
      const wanted = state.value === undefined ? undefined : new Set(numbers(state.value));
      test = (c) => !wanted || wanted.has(c.sex_id);
      break;
    }
    case "importance": {
      const wanted = state.value === undefined ? undefined : new Set(numbers(state.value));
      test = (c) => !wanted || wanted.has(c.importance_id ?? 0);
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
      numbersOrStrings(state.value);
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
      if (state.birthday !== undefined) birthdayIn({ birth_date: "0000-00-00" } as Client, state.birthday);
      test = (c) => (!ids || ids.has(c.id)) && (state.birthday === undefined || birthdayIn(c, state.birthday));
      break;
    }
    default:
      fail();
  }
  return state.invert === true ? (c) => !test(c) : test;
}

function numbersOrStrings(v: unknown): void {
  if (!Array.isArray(v) || !v.every((x) => typeof x === "string")) fail();
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
