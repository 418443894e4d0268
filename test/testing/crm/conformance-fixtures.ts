// Values that make the stateful client, record and visit operations succeed against the simulator in the
// conformance test, which otherwise sends the spec's example ids and phones (unknown to the simulator, or
// already taken). `recordId` is the record the test booked online in its set-up.
import type { OperationEntry } from "../../../src/testing/spec-index";
import type { SimulatorState } from "../../../src/testing/state";

function bookedRecord(state: SimulatorState, recordId: number) {
  return state.records.find((r) => r.id === recordId)!;
}

/** The booked record's client; once the client DELETE has removed it, another client of the company. */
function bookedClient(state: SimulatorState, recordId: number) {
  const record = bookedRecord(state, recordId);
  return (
    state.clients.find((c) => c.id === record.client_id) ??
    state.clients.find((c) => c.company_id === record.company_id)!
  );
}

/** A path value for a CRM operation; undefined leaves the choice to the caller. */
export function crmPathValue(
  state: SimulatorState,
  op: OperationEntry,
  name: string,
  companyId: number,
  recordId: number,
): string | undefined {
  if (name === "id" && op.path === "/client/{company_id}/{id}") return String(bookedClient(state, recordId).id);
  if (name === "group_id" && op.path.startsWith("/group/")) return String(state.chain.id);
  if (name === "label_id") {
    // The GET of this path takes the entity type (2 = record labels) where PUT and DELETE take a label id.
    if (op.method === "GET") return "2";
    return String(state.labels.find((l) => l.company_id === companyId)!.id);
  }
  if (name === "visit_id") return String(bookedRecord(state, recordId).visit_id ?? recordId);
  if (name === "record_id" && op.key === "DELETE /record/{company_id}/{record_id}") {
    // Another live record: the booked one is still needed by the online-booking DELETE.
    return String(state.records.find((r) => r.company_id === companyId && !r.deleted && r.id !== recordId)!.id);
  }
  return undefined;
}

/** Query values for a CRM operation, merged over the spec's examples. */
export function crmQuery(state: SimulatorState, op: OperationEntry, recordId: number): Record<string, string> {
  if (op.key === "GET /group/{group_id}/clients/") return { phone: bookedClient(state, recordId).phone };
  return {};
}

/** A request body for a CRM operation; undefined leaves the choice to the caller. */
export function crmBody(
  state: SimulatorState,
  op: OperationEntry,
  companyId: number,
  recordId: number,
  example: unknown,
): unknown {
  const base = (example ?? {}) as Record<string, unknown>;
  const booked = bookedRecord(state, recordId);
  switch (op.key) {
    case "POST /clients/{company_id}":
      return { ...base, phone: "79005550101" };
    case "PUT /client/{company_id}/{id}": {
      const { phone: _phone, ...rest } = base;
      return rest;
    }
    case "POST /company/{company_id}/clients/visits/search":
      return { client_id: booked.client_id };
    case "POST /records/{company_id}":
      return {
        staff_id: booked.staff_id,
        services: [{ id: booked.service_ids[0] }],
        client: { phone: "79005550102", name: "Проверка" },
        datetime: "2027-03-01 10:00:00",
        seance_length: 3600,
      };
    case "PUT /record/{company_id}/{record_id}":
      return { comment: "Проверка" };
  }
  return undefined;
}
