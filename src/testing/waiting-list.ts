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
  nextId: number;
}

const stores = new WeakMap<SimulatorState, WaitingListStore>();

/** The waiting list of a simulator (empty at start). */
export function waitingListOf(state: SimulatorState): WaitingListStore {
  let store = stores.get(state);
  if (!store) {
    store = { entries: [], nextId: 1 };
    stores.set(state, store);
  }
  return store;
}
