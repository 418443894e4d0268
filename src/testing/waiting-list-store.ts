// The waiting list (API v2) the simulator keeps as state, one store per simulator state.
import type { components } from "../../generated/schema.js";
import type { SimulatorState } from "./state.js";

type Entry = components["schemas"]["WaitingListEntry"];
type Kept =
  "id" | "company_id" | "client_id" | "staff_id" | "service_ids" | "date" | "time_from" | "time_till" | "comment";

/** A waiting-list entry: the spec's fields as the API sends them (`date` the day wanted), and when it was made. */
export interface SimWaitingEntry extends Required<Pick<Entry, Kept>> {
  /** Unix seconds. */
  created_at: number;
}

export interface WaitingListStore {
  entries: SimWaitingEntry[];
}

/** The waiting list of a simulator (`state.waitingList`, empty at start; ids from `nextId(state, "waitingEntry")`). */
export const waitingListOf = (state: SimulatorState): WaitingListStore => (state.waitingList ??= { entries: [] });
