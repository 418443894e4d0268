// The waiting list (API v2) the simulator keeps as state, one store per simulator state.
import type { SimulatorState } from "./state.js";

export interface SimWaitingEntry {
  id: number;
  company_id: number;
  client_id: number;
  staff_id: number | null;
  service_ids: number[];
  /** The day wanted, `YYYY-MM-DD`. */
  date: string;
  time_from: string | null;
  time_till: string | null;
  comment: string;
  /** Unix seconds. */
  created_at: number;
}

export interface WaitingListStore {
  entries: SimWaitingEntry[];
}

/** The waiting list of a simulator (`state.waitingList`, empty at start; ids from `nextId(state, "waitingEntry")`). */
export const waitingListOf = (state: SimulatorState): WaitingListStore => (state.waitingList ??= { entries: [] });
