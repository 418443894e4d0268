// The company, chain or staff member a request names: one lookup each for every handler, answering the API's
// 404 when the id is not one of the simulator's.
import { abort, fail } from "../reply.js";
import { companyStaff, findCompany, type Company, type SimulatorState, type StaffMember } from "../state.js";

/** The company with this id (a path or query value), or a 404 "Филиал не найден". */
export const requireCompany = (state: SimulatorState, id: unknown): Company =>
  findCompany(state, id) ?? abort(fail(404, "Филиал не найден"));

/** The chain's id when `id` names the simulator's chain, else a 404 "Сеть не найдена". */
export const requireChain = (state: SimulatorState, id: unknown): number =>
  Number(id) === state.chain.id ? state.chain.id : abort(fail(404, "Сеть не найдена"));

/** The company's working (not fired) staff member with this id, or a 404 "Сотрудник не найден". */
export function requireStaff(state: SimulatorState, company: Company, id: unknown): StaffMember {
  const n = Number(id);
  return companyStaff(state, company.id).find((s) => s.id === n) ?? abort(fail(404, "Сотрудник не найден"));
}
