// Values that make the group-event and waiting-list operations succeed against the simulator for the
// conformance test, which otherwise sends the spec's example ids (unknown to the simulator). The events and
// the entry are created on first use, straight in the simulator's state; v1 and v2 get separate events, so
// the v1 DELETE and the v2 DELETE each find theirs.
import { groupEventsOf, type SimActivity } from "../../../src/testing/group-event-store";
import type { OperationEntry } from "../../../src/testing/spec-index";
import { nextId, type SimulatorState } from "../../../src/testing/state";
import { unixAt } from "../../../src/testing/time";
import { waitingListOf } from "../../../src/testing/waiting-list-store";

const fixtures = new WeakMap<SimulatorState, { v1?: SimActivity; v2?: SimActivity; entry?: number }>();

/** A staff member of the company who performs a service, with that service. */
function staffAndService(state: SimulatorState, companyId: number) {
  const staff = state.staff.find((s) => s.company_id === companyId && !s.fired && s.service_ids.length > 0)!;
  return { staff, service: state.services.find((s) => s.id === staff.service_ids[0])! };
}

function fixtureEvent(state: SimulatorState, companyId: number, which: "v1" | "v2"): SimActivity {
  const own = fixtures.get(state) ?? {};
  fixtures.set(state, own);
  const existing = own[which];
  if (existing) return existing;
  const { staff, service } = staffAndService(state, companyId);
  const store = groupEventsOf(state);
  const offset = state.companies.find((c) => c.id === companyId)!.utcOffset;
  const event: SimActivity = {
    id: nextId(state, "activity"),
    company_id: companyId,
    service_id: service.id,
    staff_id: staff.id,
    // Far from every time the request examples use, so no example clashes with it.
    start: unixAt(which === "v1" ? "2027-02-01" : "2027-02-02", 9 * 60, offset),
    length: 3600,
    technical_break: 0,
    capacity: 10,
    records_count: 0,
    color: "",
    comment: "",
    instructions: "",
    stream_link: "",
    label_ids: [],
    resource_instance_ids: [],
  };
  store.events.push(event);
  own[which] = event;
  return event;
}

function fixtureEntry(state: SimulatorState, companyId: number): number {
  const own = fixtures.get(state) ?? {};
  fixtures.set(state, own);
  if (own.entry !== undefined) return own.entry;
  const store = waitingListOf(state);
  const client = state.clients.find((c) => c.company_id === companyId)!;
  store.entries.push({
    id: (own.entry = nextId(state, "waitingEntry")),
    company_id: companyId,
    client_id: client.id,
    staff_id: null,
    service_ids: [],
    date: "2027-02-03",
    time_from: null,
    time_till: null,
    comment: "",
    created_at: 1_800_000_000,
  });
  return own.entry;
}

/** A path value for a group-event or waiting-list operation; undefined leaves the choice to the caller. */
export function eventPathValue(
  state: SimulatorState,
  op: OperationEntry,
  name: string,
  companyId: number,
): string | undefined {
  if (name === "salonId") return String(companyId);
  if (name === "activity_id" && op.path.startsWith("/activity/"))
    return String(fixtureEvent(state, companyId, "v1").id);
  if (name === "activityId") return String(fixtureEvent(state, companyId, "v2").id);
  if (name === "waiting_list_entry_id") return String(fixtureEntry(state, companyId));
  return undefined;
}

/** A request body for a group-event or waiting-list operation; undefined leaves the choice to the caller. */
export function eventBody(state: SimulatorState, op: OperationEntry, companyId: number, example: unknown): unknown {
  const { staff, service } = staffAndService(state, companyId);
  const base = (example ?? {}) as Record<string, unknown>;
  const own = { service_id: service.id, staff_id: staff.id, resource_instance_ids: [], label_ids: [] };
  switch (op.key) {
    // One staff member runs every event here, so each request gets a time of its own.
    case "POST /activity/{company_id}":
      return { ...base, ...own, date: "2026-10-10 19:00:00" };
    case "PUT /activity/{company_id}/{activity_id}":
      return { ...base, ...own, date: "2026-10-11 19:00:00" };
    case "POST /api/v2/companies/{salonId}/activities":
      return { ...base, ...own, date: "2026-11-10 19:00:00" };
    case "PUT /api/v2/companies/{salonId}/activities/{activityId}":
      return { ...base, ...own, date: "2026-11-11 19:00:00" };
    case "POST /images/{entity}": {
      const form = new FormData();
      form.append("image", new Blob([Uint8Array.from([0xff, 0xd8, 0xff, 0xe0])], { type: "image/jpeg" }), "p.jpg");
      form.append("service_id", String(service.id));
      return form;
    }
    case "POST /api/v2/companies/{company_id}/waiting_list":
      return {
        ...base,
        client_id: state.clients.find((c) => c.company_id === companyId)!.id,
        staff_id: staff.id,
        service_ids: [service.id],
      };
  }
  return undefined;
}
