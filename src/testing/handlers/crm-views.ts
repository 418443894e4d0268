// The CRM shapes of the API built from the simulator's objects: the full staff-side record,
// the client card, client search items, visits and the visit history. Date fields follow the
// documented mix: `date` zone-less company time, `datetime` with `+03:00`, change dates with `+0300`.
import { findCompany, type SimRecord, type Client, type Label, type Service, type SimulatorState } from "../state.js";
import { isoWithOffset, spacedDateTime } from "../time.js";
import { documentRef, visitDocument, visitIdOf } from "../visit-document.js";

const SEX = ["Неизвестно", "Мужской", "Женский"];
const IMPORTANCE = ["Без класса важности", "Бронза", "Серебро", "Золото"];

export { visitIdOf };

function labelsOf(state: SimulatorState, ids: readonly number[] | undefined): Label[] {
  return (ids ?? []).map((id) => state.labels.find((l) => l.id === id)).filter((l): l is Label => l !== undefined);
}

function phoneNumber(phone: string): number | string {
  return /^\d{1,15}$/.test(phone) ? Number(phone) : phone;
}

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
export function attended(records: readonly SimRecord[] | undefined): SimRecord[] {
  return (records ?? []).filter((r) => r.attendance === 1);
}

export function clientView(state: SimulatorState, client: Client, records?: readonly SimRecord[]): object {
  const company = findCompany(state, client.company_id)!;
  const own = records ?? state.records.filter((r) => r.client_id === client.id && !r.deleted);
  return {
    id: client.id,
    name: client.name,
    surname: client.surname,
    patronymic: client.patronymic,
    phone: phoneNumber(client.phone),
    email: client.email,
    categories: labelsOf(state, client.label_ids).map((l) => ({ id: l.id, title: l.title, color: l.color })),
    sex_id: client.sex_id,
    sex: SEX[client.sex_id] ?? SEX[0],
    discount: client.discount,
    importance_id: client.importance_id ?? 0,
    importance: IMPORTANCE[client.importance_id ?? 0],
    card: client.card ?? "",
    birth_date: client.birth_date || 0,
    comment: client.comment,
    sms_check: client.sms_check ?? 0,
    sms_not: client.sms_not ?? 0,
    spent: client.spent,
    balance: 0,
    visits: client.visits + attended(own).length,
    last_change_date: isoWithOffset(client.updated_at ?? client.created_at ?? 0, company.utcOffset, false),
    custom_fields:
      client.custom_fields && Object.keys(client.custom_fields).length ? { ...client.custom_fields } : ([] as never[]),
  };
}

/** One client search item with only the requested fields. */
export function searchItem(
  state: SimulatorState,
  client: Client,
  records: readonly SimRecord[] | undefined,
  fields: readonly string[],
): Record<string, unknown> {
  const company = findCompany(state, client.company_id)!;
  const came = attended(records);
  const values: Record<string, () => unknown> = {
    id: () => client.id,
    name: () => [client.name, client.surname].filter(Boolean).join(" "),
    phone: () => client.phone,
    email: () => client.email,
    discount: () => client.discount,
    first_visit_date: () => (came.length ? spacedDateTime(came[0].start, company.utcOffset) : null),
    last_visit_date: () => (came.length ? spacedDateTime(came[came.length - 1].start, company.utcOffset) : null),
    sold_amount: () => client.spent,
    visits_count: () => client.visits + came.length,
    passteam_card_id: () => null,
  };
  return Object.fromEntries(fields.map((f) => [f, values[f]()]));
}

/** The staff member as records and visits show them, or just the id of one that is gone. */
export function staffCard(state: SimulatorState, id: number): Record<string, unknown> {
  const staff = state.staff.find((s) => s.id === id);
  if (!staff) return { id };
  return {
    id: staff.id,
    name: staff.name,
    company_id: staff.company_id,
    specialization: staff.specialization,
    position: { id: staff.position.id, title: staff.position.title },
    avatar: staff.avatar,
    avatar_big: staff.avatar,
    rating: staff.rating,
    votes_count: staff.votes_count,
  };
}

export function servicesOf(state: SimulatorState, record: SimRecord): Service[] {
  return record.service_ids
    .map((id) => state.services.find((s) => s.id === id))
    .filter((s): s is Service => s !== undefined);
}

export interface RecordViewOptions {
  consumables?: boolean;
  financeTransactions?: boolean;
  /** Lookups shared by every record of one answer (see `recordLookups`); built per record when absent. */
  lookups?: RecordLookups;
}

/** What presenting many records needs, indexed once per answer instead of searched per record. */
export interface RecordLookups {
  clients: Map<number, Client>;
  /** Live records per client. */
  records: Map<number, SimRecord[]>;
}

export function recordLookups(state: SimulatorState): RecordLookups {
  return { clients: new Map(state.clients.map((c) => [c.id, c])), records: recordsByClient(state) };
}

/** The full staff-side view of a record (`records.list`, `records.get`, visits). */
export function staffRecord(
  state: SimulatorState,
  record: SimRecord,
  options: RecordViewOptions = {},
): Record<string, unknown> {
  const company = findCompany(state, record.company_id)!;
  const offset = company.utcOffset;
  const lookups = options.lookups ?? recordLookups(state);
  const client = record.client_id === null ? undefined : lookups.clients.get(record.client_id);
  const own = (client && lookups.records.get(client.id)) || [];
  return {
    id: record.id,
    company_id: record.company_id,
    staff_id: record.staff_id,
    services: servicesOf(state, record).map((s) => ({
      id: s.id,
      title: s.title,
      cost: s.price_min,
      cost_to_pay: s.price_min,
      manual_cost: s.price_min,
      cost_per_unit: s.price_min,
      discount: 0,
      first_cost: s.price_min,
      amount: 1,
    })),
    goods_transactions: [],
    staff: staffCard(state, record.staff_id),
    client: client
      ? {
          id: client.id,
          name: client.name,
          surname: client.surname,
          patronymic: client.patronymic,
          display_name: [client.name, client.surname].filter(Boolean).join(" "),
          phone: phoneNumber(client.phone),
          card: client.card ?? "",
          email: client.email,
          success_visits_count: attended(own).length,
          fail_visits_count: own.filter((r) => r.attendance === -1).length,
          discount: client.discount,
          is_new: own.length <= 1,
          custom_fields: [],
        }
      : null,
    comer: null,
    clients_count: 1,
    date: spacedDateTime(record.start, offset),
    datetime: isoWithOffset(record.start, offset),
    create_date: isoWithOffset(record.created_at, offset, false),
    comment: record.comment,
    online: record.online,
    visit_attendance: record.attendance,
    attendance: record.attendance,
    confirmed: 1,
    seance_length: record.length,
    length: record.length,
    sms_before: record.notify_by_sms > 0 ? 1 : 0,
    sms_now: 0,
    sms_now_text: "",
    email_now: 0,
    notified: 0,
    master_request: record.master_requested ? 1 : 0,
    api_id: record.api_id,
    from_url: "",
    review_requested: 0,
    visit_id: visitIdOf(record),
    created_user_id: record.created_user_id ?? 0,
    deleted: record.deleted,
    paid_full: record.attendance === 1 ? 1 : 0,
    prepaid: false,
    prepaid_confirmed: false,
    last_change_date: isoWithOffset(record.updated_at, offset, false),
    custom_color: record.custom_color ?? "",
    custom_font_color: "",
    record_labels: labelsOf(state, record.label_ids).map((l) => ({
      id: String(l.id),
      title: l.title,
      color: l.color,
      icon: l.icon,
      font_color: "#ffffff",
    })),
    activity_id: 0,
    custom_fields:
      record.custom_fields && Object.keys(record.custom_fields).length ? { ...record.custom_fields } : ([] as never[]),
    documents: record.deleted ? [] : [documentRef(visitDocument(state, record))],
    sms_remain_hours: record.sms_remain_hours ?? record.notify_by_sms,
    email_remain_hours: record.email_remain_hours ?? record.notify_by_email,
    bookform_id: 0,
    record_from: "",
    is_mobile: record.online ? 1 : 0,
    ...(options.consumables ? { consumables: [] } : {}),
    ...(options.financeTransactions ? { finance_transactions: [] } : {}),
  };
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
    records: records.map((r) => staffRecord(state, r, { lookups })),
  };
}

/** A record as the client's visit history shows it. */
export function historyRecord(state: SimulatorState, record: SimRecord): Record<string, unknown> {
  const company = findCompany(state, record.company_id)!;
  const paid = record.attendance === 1;
  return {
    id: record.id,
    comment: record.comment,
    date: spacedDateTime(record.start, company.utcOffset),
    visit_id: visitIdOf(record),
    attendance: record.attendance,
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
  };
}
