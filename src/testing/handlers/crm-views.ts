// The CRM shapes of the API built from the simulator's objects: the record (staff-side and online), the client
// card, client search items, visits and the visit history. Each view is shaped by its component schema
// (`shaped`) and names only what the row does not hold under the API's name. Date fields follow the documented
// mix: `date` zone-less company time, `datetime` with `+03:00`, change dates with `+0300`.
import { shaped } from "../engine/shape.js";
import { findCompany, type SimRecord, type Client, type SimulatorState } from "../state.js";
import { isoWithOffset, spacedDateTime } from "../time.js";
import { documentRef, visitDocument, visitIdOf } from "../visit-document.js";
import { recordCompany } from "./booking-views.js";

const SEX = ["Неизвестно", "Мужской", "Женский"];
const IMPORTANCE = ["Без класса важности", "Бронза", "Серебро", "Золото"];

export { visitIdOf };

/** The rows with these ids, in the ids' order; an id no longer there is skipped. */
const byIds = <Row extends { id: number }>(rows: readonly Row[], ids: readonly number[] = []) =>
  ids.map((id) => rows.find((row) => row.id === id)).filter((row): row is Row => row !== undefined);

const phoneNumber = (phone: string): number | string => (/^\d{1,15}$/.test(phone) ? Number(phone) : phone);

/** The API sends an empty custom-field set as `[]`. */
const customFields = (fields: Record<string, unknown> | undefined): object =>
  fields && Object.keys(fields).length ? { ...fields } : [];

/** Live records of every client (of one company, or of all), built once per request. */
export function recordsByClient(state: SimulatorState, companyId?: number): Map<number, SimRecord[]> {
  const map = new Map<number, SimRecord[]>();
  for (const r of state.records) {
    if (r.deleted || (companyId !== undefined && r.company_id !== companyId) || r.client_id === null) continue;
    let list = map.get(r.client_id);
    if (!list) map.set(r.client_id, (list = []));
    list.push(r);
  }
  return map;
}

/** Visits the client attended: live records with attendance 1. */
export const attended = (records: readonly SimRecord[] | undefined): SimRecord[] =>
  (records ?? []).filter((r) => r.attendance === 1);

export function clientView(state: SimulatorState, client: Client, records?: readonly SimRecord[]): object {
  const company = findCompany(state, client.company_id)!;
  const own = records ?? state.records.filter((r) => r.client_id === client.id && !r.deleted);
  return shaped("Client", client, {
    phone: phoneNumber(client.phone),
    categories: byIds(state.labels, client.label_ids).map(({ id, title, color }) => ({ id, title, color })),
    sex: SEX[client.sex_id] ?? SEX[0],
    importance_id: client.importance_id ?? 0,
    importance: IMPORTANCE[client.importance_id ?? 0],
    birth_date: client.birth_date || 0,
    visits: client.visits + attended(own).length,
    last_change_date: isoWithOffset(client.updated_at ?? client.created_at ?? 0, company.utcOffset, false),
    custom_fields: customFields(client.custom_fields),
  });
}

export const fullName = (client: Client) => [client.name, client.surname].filter(Boolean).join(" ");

type SearchFacts = { client: Client; came: SimRecord[]; offset: number };

/** The client search's fields (`fields`, `order_by`): each from the card and the visits the client attended. */
const SEARCH_VALUES: Record<string, (facts: SearchFacts) => unknown> = {
  id: ({ client }) => client.id,
  name: ({ client }) => fullName(client),
  phone: ({ client }) => client.phone,
  email: ({ client }) => client.email,
  discount: ({ client }) => client.discount,
  first_visit_date: ({ came, offset }) => (came.length ? spacedDateTime(came[0].start, offset) : null),
  last_visit_date: ({ came, offset }) => (came.length ? spacedDateTime(came[came.length - 1].start, offset) : null),
  sold_amount: ({ client }) => client.spent,
  visits_count: ({ client, came }) => client.visits + came.length,
  passteam_card_id: () => null,
};

export const SEARCH_FIELDS = Object.keys(SEARCH_VALUES);

/** One client search item with only the requested fields. */
export function searchItem(
  state: SimulatorState,
  client: Client,
  records: readonly SimRecord[] | undefined,
  fields: readonly string[],
): Record<string, unknown> {
  const facts = { client, came: attended(records), offset: findCompany(state, client.company_id)!.utcOffset };
  return Object.fromEntries(fields.map((f) => [f, SEARCH_VALUES[f](facts)]));
}

/** The staff member as records and visits show them, or just the id of one that is gone. */
export function staffCard(state: SimulatorState, id: number): Record<string, unknown> {
  const staff = state.staff.find((s) => s.id === id);
  return staff ? shaped("RecordStaff", staff, { avatar_big: staff.avatar, show_rating: 1 }) : { id };
}

const servicesOf = (state: SimulatorState, record: SimRecord) => byIds(state.services, record.service_ids);

/** What presenting many records needs (clients by id, live records per client), indexed once per answer. */
export function recordLookups(state: SimulatorState) {
  return { clients: new Map(state.clients.map((c) => [c.id, c])), records: recordsByClient(state) };
}

function recordClient(client: Client, own: readonly SimRecord[]): object {
  return shaped("RecordClient", client, {
    display_name: fullName(client),
    phone: phoneNumber(client.phone),
    card: client.card ?? "",
    success_visits_count: attended(own).length,
    fail_visits_count: own.filter((r) => r.attendance === -1).length,
    is_new: own.length <= 1,
    custom_fields: [],
  });
}

type Lookups = ReturnType<typeof recordLookups>;

/**
 * A record as `GET /record/...`, visits and webhooks show it, or with `online` as the online booking does: with
 * its company, an offset without a colon, and no visit document (the booking side does not open one).
 * `lookups` are shared by every record of one answer; built per record when absent.
 */
export function recordView(
  state: SimulatorState,
  record: SimRecord,
  { online = false, lookups = recordLookups(state) }: { online?: boolean; lookups?: Lookups } = {},
): Record<string, unknown> {
  const company = findCompany(state, record.company_id)!;
  const offset = company.utcOffset;
  const client = record.client_id === null ? undefined : lookups.clients.get(record.client_id);
  return shaped("Record", record, {
    services: servicesOf(state, record).map((s) => {
      const price = s.price_min;
      const cost = { cost: price, cost_to_pay: price, manual_cost: price, cost_per_unit: price, first_cost: price };
      return shaped("RecordService", s, { ...cost, amount: 1, seance_length: s.duration });
    }),
    staff: staffCard(state, record.staff_id),
    client: client ? recordClient(client, lookups.records.get(client.id) ?? []) : null,
    company: online ? recordCompany(company) : [],
    comer: null,
    clients_count: 1,
    date: spacedDateTime(record.start, offset),
    datetime: isoWithOffset(record.start, offset, !online),
    create_date: isoWithOffset(record.created_at, offset, false),
    visit_attendance: record.attendance,
    confirmed: 1,
    seance_length: record.length,
    sms_before: record.notify_by_sms > 0 ? 1 : 0,
    master_request: record.master_requested ? 1 : 0,
    visit_id: visitIdOf(record),
    created_user_id: record.created_user_id ?? 0,
    paid_full: record.attendance === 1 ? 1 : 0,
    last_change_date: isoWithOffset(record.updated_at, offset, false),
    record_labels: byIds(state.labels, record.label_ids).map(({ id, title, color, icon }) => {
      return { id: String(id), title, color, icon, font_color: "#ffffff" };
    }),
    custom_fields: customFields(record.custom_fields),
    documents: record.deleted || online ? [] : [documentRef(visitDocument(state, record))],
    sms_remain_hours: record.sms_remain_hours ?? record.notify_by_sms,
    email_remain_hours: record.email_remain_hours ?? record.notify_by_email,
    is_mobile: record.online ? 1 : 0,
  });
}

/** A visit: the live records sharing `visitId`, or undefined when there are none. */
export function visitView(state: SimulatorState, visitId: number): Record<string, unknown> | undefined {
  const records = state.records.filter((r) => !r.deleted && visitIdOf(r) === visitId);
  if (records.length === 0) return undefined;
  const first = records[0];
  const company = findCompany(state, first.company_id)!;
  const lookups = recordLookups(state);
  return {
    attendance: first.attendance,
    datetime: isoWithOffset(first.start, company.utcOffset, false),
    comment: first.comment || 0,
    records: records.map((r) => recordView(state, r, { lookups })),
  };
}

/** A record as the client's visit history shows it. */
export function historyRecord(state: SimulatorState, record: SimRecord): Record<string, unknown> {
  const company = findCompany(state, record.company_id)!;
  const paid = record.attendance === 1;
  return shaped("ClientHistoryRecord", record, {
    date: spacedDateTime(record.start, company.utcOffset),
    visit_id: visitIdOf(record),
    services: servicesOf(state, record).map((s) => ({
      id: s.id,
      title: s.title,
      first_cost: s.price_min,
      discount_percent: 0,
      cost_to_pay: s.price_min,
      paid_sum: paid ? s.price_min : 0,
      payment_status: paid ? "paid_full" : "not_paid",
      consumables: [],
    })),
    staff: staffCard(state, record.staff_id),
    company: { id: company.id, title: company.title },
    tips: { has_tips: false, sum: null },
    comer: null,
  });
}
