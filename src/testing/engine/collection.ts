// A collection the CRUD engine serves: where its rows live, how they are scoped, filtered, shown, made and
// changed. A new CRUD-shaped area of the API needs one of these and an `x-sim` binding per operation in the
// spec; engine.ts does the rest (lookup, 404, body check, envelope, status).
import type { HandlerContext } from "../handlers/context.js";
import type { Meta } from "../reply.js";
import type { IdKind, SimulatorState } from "../state.js";

export type SimAction = "list" | "get" | "create" | "update" | "delete";

/** An operation's `x-sim` binding in the spec. */
export interface SimBinding {
  collection: string;
  action: SimAction;
}

export interface Collection<Row extends { id: number } = any> {
  /** The rows, kept on the state (`state.tables[name]` when the collection has no home of its own). */
  rows(state: SimulatorState): Row[];
  /** Which counter of `nextId` gives created rows their ids (default `generic`). */
  ids?: IdKind;
  /** The path parameter naming the company the rows belong to (`row.company_id`; default `company_id`); false
   * for unscoped rows. */
  company?: string | false;
  /** Rows of the chain (`row.chain_id`), named by `chain_id` / `group_id` in the path or by one of its companies. */
  chain?: true;
  /** Rows shared by every company of the chain: the company is checked, the rows are not filtered by it. */
  shared?: true;
  /** True when `create` / `update` report missing fields in their own words (the core's generic check stays out). */
  ownMessages?: true;
  /** The status of an action where the spec documents more than one success (else its first). */
  status?: Partial<Record<SimAction, number>>;
  /** The 404 message for an unknown id. */
  notFound: string;
  /** False for rows that are gone (marked deleted) but kept for history. */
  live?(row: Row, ctx: HandlerContext): boolean;
  /** Extra scoping of the list from the request (its path parameters). */
  where?(row: Row, ctx: HandlerContext): boolean;
  /** Filters of the list: a path or query parameter's name → test of a row against the value sent. */
  filters?: Record<string, (row: Row, value: string, ctx: HandlerContext) => boolean>;
  order?(a: Row, b: Row): number;
  /** Checks what a list's path names besides its owner (a client, a visit); answers 404 when it is unknown. */
  parent?(ctx: HandlerContext): unknown;
  /** `meta` of the list answer (e.g. `total_count`), given every match; undefined for the documented empty one. */
  listMeta?(matches: Row[], ctx: HandlerContext): Meta | undefined;
  /** A list answer's `meta.count`: the rows of this page, or every match. */
  count?: "page" | "matches";
  /** The API's shape of a row. */
  view(row: Row, ctx: HandlerContext): unknown;
  /** A new row's fields from the request (`ownerId`: its company's, or chain's, id); may answer early (`abort`)
   * with the area's own messages. */
  create?(ctx: HandlerContext, ownerId: number): Omit<Row, "id">;
  /** Runs once a created row is stored under its id (to report it, e.g. its webhook). */
  created?(row: Row, ctx: HandlerContext): void;
  /** Applies an update to a row; may answer early like `create`. */
  update?(row: Row, ctx: HandlerContext): void;
  /** Removes a row; by default it is spliced out, or marked when the row has a `deleted` flag. */
  remove?(row: Row, ctx: HandlerContext): void;
}

/** Declares a collection with its row type checked. */
export function collection<Row extends { id: number }>(spec: Collection<Row>): Collection<Row> {
  return spec;
}

/** Rows of a collection that has no field of its own on the state, seeded on first use. */
export function table<Row>(state: SimulatorState, name: string, seed: (state: SimulatorState) => Row[]): Row[] {
  return (state.tables[name] ??= seed(state)) as Row[];
}

/** Where a collection kept in an area of the state finds its rows (`area(state)[key]`), and its ids' counter. */
export function inArea<Area, K extends keyof Area>(area: (state: SimulatorState) => Area, key: K, ids: IdKind) {
  return { rows: (state: SimulatorState) => area(state)[key], ids };
}
