// What the simulator's webhooks carry: the change (resource, status, ids) and `data` in the staff-side
// shape of the entity, taken when the change happens, like the production sample
// (../shared/reference/yclients-samples/WEBHOOK_record_update.json) and the spec's webhook schemas.
import type { Appointment, Client, SimulatorState } from "./state.js";
import { isoWithOffset, spacedDateTime } from "./time.js";

export type ChangeStatus = "create" | "update" | "delete";

/** One change of the simulator's state that YCLIENTS would report by webhook. */
export interface StateChange {
  /** The webhook `resource` name. */
  resource: "record" | "client";
  status: ChangeStatus;
  companyId: number;
  resourceId: number;
  /** The entity as the webhook's `data`, taken at the time of the change. */
  data: Record<string, unknown>;
}

export function recordChange(state: SimulatorState, record: Appointment, status: ChangeStatus): StateChange {
  return {
    resource: "record",
    status,
    companyId: record.company_id,
    resourceId: record.id,
    data: webhookRecord(state, record),
  };
}

export function clientChange(state: SimulatorState, client: Client, status: ChangeStatus): StateChange {
  return {
    resource: "client",
    status,
    companyId: client.company_id,
    resourceId: client.id,
    data: webhookClient(state, client),
  };
}

/** The full staff-side record view (three date formats, as production sends them). */
function webhookRecord(state: SimulatorState, record: Appointment): Record<string, unknown> {
  const company = state.companies.find((c) => c.id === record.company_id)!;
  const offset = company.utcOffset;
  const staff = state.staff.find((s) => s.id === record.staff_id);
  const client = record.client_id === null ? undefined : state.clients.find((c) => c.id === record.client_id);
  const services = record.service_ids
    .map((id) => state.services.find((s) => s.id === id))
    .filter((s) => s !== undefined);
  return {
    id: record.id,
    company_id: record.company_id,
    staff_id: record.staff_id,
    services: services.map((s) => ({
      id: s.id,
      title: s.title,
      cost: s.price_min,
      manual_cost: s.price_min,
      cost_per_unit: s.price_min,
      discount: 0,
      first_cost: s.price_min,
      amount: 1,
    })),
    goods_transactions: [],
    staff: staff
      ? {
          id: staff.id,
          api_id: null,
          name: staff.name,
          specialization: staff.specialization,
          avatar: staff.avatar,
          avatar_big: staff.avatar,
          rating: staff.rating,
          votes_count: staff.votes_count,
        }
      : { id: record.staff_id },
    client: client
      ? {
          id: client.id,
          name: client.name,
          phone: `+${client.phone}`,
          card: "",
          email: client.email,
          success_visits_count: client.visits,
          fail_visits_count: 0,
        }
      : null,
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
    sms_before: 0,
    sms_now: 0,
    sms_now_text: "",
    email_now: 0,
    notified: 0,
    master_request: record.master_requested ? 1 : 0,
    api_id: record.api_id,
    from_url: "",
    review_requested: 0,
    // The simulator keeps no visits; each record is its own visit.
    visit_id: record.id,
    created_user_id: 0,
    deleted: record.deleted,
    paid_full: 0,
    prepaid: false,
    prepaid_confirmed: false,
    last_change_date: isoWithOffset(record.updated_at, offset, false),
    custom_color: "",
    custom_font_color: "",
    record_labels: [],
    activity_id: 0,
    custom_fields: [],
    documents: [],
  };
}

function webhookClient(state: SimulatorState, client: Client): Record<string, unknown> {
  const company = state.companies.find((c) => c.id === client.company_id);
  return {
    id: client.id,
    name: client.name,
    surname: client.surname,
    patronymic: client.patronymic,
    display_name: [client.name, client.surname].filter(Boolean).join(" "),
    phone: `+${client.phone}`,
    email: client.email,
    categories: [],
    sex_id: client.sex_id,
    discount: client.discount,
    card: "",
    birth_date: client.birth_date,
    comment: client.comment,
    spent: client.spent,
    visits: client.visits,
    last_change_date: isoWithOffset(Math.floor(Date.now() / 1000), company?.utcOffset ?? 180, false),
    custom_fields: [],
  };
}
