// The company or chain a request names: one lookup for every handler, answering the API's 404 when the id is
// not one of the simulator's.
import { abort, fail } from "../reply.js";
import { findCompany, type Company, type SimulatorState } from "../state.js";

/** The company with this id (a path or query value), or a 404 "Филиал не найден". */
export function requireCompany(state: SimulatorState, id: unknown): Company {
  return findCompany(state, id) ?? abort(fail(404, "Филиал не найден"));
}

/** The chain's id when `id` names the simulator's chain, else a 404 "Сеть не найдена". */
export function requireChain(state: SimulatorState, id: unknown): number {
  return Number(id) === state.chain.id ? state.chain.id : abort(fail(404, "Сеть не найдена"));
}
