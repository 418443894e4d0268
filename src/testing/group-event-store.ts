// Group events (activities) the simulator keeps as state. They live beside the seeded data, one store per
// simulator state, so the v1 and v2 operations read and change the same events.
import type { components } from "../../generated/schema.js";
import type { SimulatorState } from "./state.js";

type Activity = components["schemas"]["Activity"];
type Kept = "id" | "company_id" | "service_id" | "staff_id" | "capacity" | "records_count" | "color" | "comment";

/** A group event: the spec's `Activity` fields it keeps as the API sends them (`length` in seconds, technical break
 * included; `records_count` the places taken), then its own. */
export interface SimActivity extends Required<Pick<Activity, Kept | "length" | "instructions" | "stream_link">> {
  /** Start, Unix seconds. */
  start: number;
  technical_break: number;
  label_ids: number[];
  resource_instance_ids: number[];
}

/** Ids of created events start here, far from every seeded id (`nextIds.activity`). */
export const FIRST_ACTIVITY_ID = 900_001;

export interface GroupEventStore {
  events: SimActivity[];
}

/** The group events of a simulator (`state.groupEvents`, empty at start; ids from `nextId(state, "activity")`). */
export const groupEventsOf = (state: SimulatorState): GroupEventStore => (state.groupEvents ??= { events: [] });

/** True when two spans of time overlap (events or records of one staff member, a record and a slot). */
export const overlaps = (a: Pick<SimActivity, "start" | "length">, b: Pick<SimActivity, "start" | "length">): boolean =>
  a.start < b.start + b.length && b.start < a.start + a.length;
