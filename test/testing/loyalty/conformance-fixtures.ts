// Values that make the loyalty and deposit operations succeed against the simulator's seeded state, for
// the conformance test (which otherwise sends the spec's example ids, unknown to the simulator).
import { loyaltyState } from "../../../src/testing/loyalty-state";
import { moneyState } from "../../../src/testing/money-state";
import type { OperationEntry } from "../../../src/testing/spec-index";
import { normalizePhone, type SimulatorState } from "../../../src/testing/state";
import { addDays } from "../../../src/testing/time";

/** A seeded personal account owned by a client of the company, with that client. */
function ownedDeposit(state: SimulatorState, companyId: number) {
  const clients = new Set(state.clients.filter((c) => c.company_id === companyId).map((c) => c.id));
  const deposit = loyaltyState(state).deposits.find((d) => clients.has(d.client_id));
  if (!deposit) throw new Error(`no seeded personal account in company ${companyId}`);
  return deposit;
}

/** A live record of the company with services, and its visit id. */
function visitOf(state: SimulatorState, companyId: number) {
  const record = state.records.find((r) => r.company_id === companyId && !r.deleted && r.service_ids.length > 0);
  if (!record) throw new Error(`no live record in company ${companyId}`);
  return { record_id: record.id, visit_id: record.visit_id ?? record.id };
}

/** A path value for a loyalty or deposit operation; undefined leaves the choice to the caller. */
export function loyaltyPathValue(
  state: SimulatorState,
  op: OperationEntry,
  name: string,
  companyId: number,
): string | undefined {
  const [card] = loyaltyState(state).cards;
  if (name === "group_id") return String(state.chain.id);
  if (name === "card_id" && op.path.includes("loyalty/")) return String(card.id);
  if (name === "phone" && op.path.startsWith("/loyalty/cards/")) return card.phone;
  if (name === "client_id" && /^\/(loyalty\/client_cards|deposits)\//.test(op.path)) {
    if (op.path.startsWith("/loyalty/")) {
      return String(state.clients.find((c) => normalizePhone(c.phone) === card.phone)!.id);
    }
    return String(ownedDeposit(state, companyId).client_id);
  }
  if (name === "deposit_id") return String(ownedDeposit(state, companyId).id);
  if (name === "abonementId") return String(loyaltyState(state).abonements[0].id);
  if (name === "visit_id" && op.path.startsWith("/visit/loyalty/")) return String(visitOf(state, companyId).visit_id);
  return undefined;
}

/** Required query values for a loyalty operation; undefined leaves the choice to the caller. */
export function loyaltyQuery(
  state: SimulatorState,
  op: OperationEntry,
  companyId: number,
): Record<string, string> | undefined {
  if (op.key === "GET /user/loyalty/abonements/") return { company_id: String(companyId) };
  if (op.key !== "GET /loyalty/abonements/") return undefined;
  const ticket = loyaltyState(state).abonements[0];
  return { company_id: String(companyId), phone: ticket.phone };
}

/** A request body for a loyalty or deposit operation; undefined leaves the choice to the caller. */
export function loyaltyBody(state: SimulatorState, op: OperationEntry, companyId: number): unknown {
  switch (op.key) {
    case "POST /loyalty/cards/{company_id}":
      return {
        loyalty_card_number: "99000001",
        loyalty_card_type_id: loyaltyState(state).cardTypes[1].id,
        phone: "79990001122",
      };
    case "POST /visit/loyalty/apply_card_withdrawal/{company_id}/{card_id}":
      return { ...visitOf(state, companyId), amount: 1 };
    case "POST /visit/loyalty/cancel_card_withdrawal/{company_id}/{card_id}":
      return visitOf(state, companyId);
    case "POST /chain/{chain_id}/loyalty/abonements/{abonementId}/freeze":
      return { freeze_till: addDays(state.today, 7) };
    case "POST /chain/{chain_id}/loyalty/abonements/{abonementId}/set_balance": {
      const [link] = loyaltyState(state).abonements[0].left;
      return { services_balance_count: [{ service_id: link.category_id, balance: 7 }] };
    }
    case "POST /deposits_operations/{salon_id}": {
      const deposit = ownedDeposit(state, companyId);
      const account = moneyState(state).accounts.find((a) => a.company_id === companyId)!;
      return { client_id: deposit.client_id, deposit_id: deposit.id, amount: 100.5, account_id: account.id };
    }
  }
  return undefined;
}
