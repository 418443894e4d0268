// What the simulator's webhooks carry: the change (resource, status, ids) and `data` in the entity's
// staff-side REST shape (the same views `GET /record/...` and `GET /client/...` answer with), taken when
// the change happens, as YCLIENTS does (see the spec's webhook schemas).
import { clientView, recordView } from "./handlers/crm-views.js";
import type { SimRecord, Client, SimulatorState } from "./state.js";

type ChangeStatus = "create" | "update" | "delete";

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

type Row = { id: number; company_id: number };
const change = (resource: StateChange["resource"], status: ChangeStatus, row: Row, data: StateChange["data"]) =>
  ({ resource, status, companyId: row.company_id, resourceId: row.id, data }) satisfies StateChange;

export const recordChange = (state: SimulatorState, record: SimRecord, status: ChangeStatus): StateChange =>
  change("record", status, record, recordView(state, record));

/** On `delete` the card is already gone from the state; `data` is the card as it was, with `deleted: true`. */
export function clientChange(state: SimulatorState, client: Client, status: ChangeStatus): StateChange {
  const view = clientView(state, client) as Record<string, unknown>;
  return change("client", status, client, status === "delete" ? { ...view, deleted: true } : view);
}
