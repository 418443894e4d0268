// The simulator's loyalty cards and personal accounts (deposits), kept beside the core state (one
// `LoyaltyState` per `SimulatorState`, seeded on first use) so the loyalty area stays in its own
// files. Cards and accounts belong to the chain and to a client's phone, as in the API. Amounts are
// numbers in currency units (roubles with kopecks as the fraction), never kopecks.
import type { components } from "../../generated/schema.js";
import { roundMoney } from "./money-state.js";
import { nextId, normalizePhone, type SimulatorState } from "./state.js";

export interface LoyaltyCardType {
  id: number;
  chain_id: number;
  title: string;
}

export interface SimLoyaltyCard {
  id: number;
  chain_id: number;
  type_id: number;
  /** As issued, leading zeros kept. */
  number: string;
  /** Digits only. */
  phone: string;
  balance: number;
  points: number;
  paid_amount: number;
  sold_amount: number;
  visits_count: number;
  deleted: boolean;
}

export interface SimDepositType {
  id: number;
  chain_id: number;
  title: string;
  created_at: number;
}

export interface SimDeposit {
  id: number;
  chain_id: number;
  type_id: number;
  /** The owner, a client id of one of the chain's companies. */
  client_id: number;
  initial_balance: number;
  balance: number;
  blocked: boolean;
  created_at: number;
}

export interface SimDepositTransaction {
  id: number;
  deposit_id: number;
  company_id: number;
  document_id: number;
  master_id: number;
  user_id: number;
  /** Positive for a top-up. */
  amount: number;
  comment: string;
  created_at: number;
}

/** Bonus money written off a card towards a visit. */
export interface SimCardWithdrawal {
  id: number;
  visit_id: number;
  record_id: number;
  card_id: number;
  chain_id: number;
  company_id: number;
  /** Positive: what left the card. */
  amount: number;
  /** Unix seconds. */
  created_at: number;
  cancelled: boolean;
}

/** Visits per service category. */
type CategoryVisits = Array<{ category_id: number; count: number }>;

/**
 * A season ticket type of the chain, in the API's own fields (period unit 1 day … 4 year, freeze limit in days,
 * a shared count of visits or 0), its price in currency units, and `links`: the visits it includes per category.
 */
export type SimAbonementType = Required<
  Pick<
    components["schemas"]["AbonementType"],
    "id" | "title" | "period" | "period_unit_id" | "allow_freeze" | "freeze_limit" | "united_balance_services_count"
  >
> & { chain_id: number; cost: number; links: CategoryVisits };

/** A season ticket sold to a client (by phone), with the visits left. */
export interface SimAbonement {
  id: number;
  chain_id: number;
  type_id: number;
  number: string;
  phone: string;
  created_at: number;
  period: number;
  period_unit_id: number;
  /** Visits left on the shared count, or per category. */
  united_left: number;
  left: CategoryVisits;
  /** Last frozen day (`YYYY-MM-DD`) while frozen. */
  frozen_till?: string;
  /** Days spent frozen so far. */
  frozen_days: number;
}

export interface LoyaltyState {
  cardTypes: LoyaltyCardType[];
  cards: SimLoyaltyCard[];
  withdrawals: SimCardWithdrawal[];
  abonementTypes: SimAbonementType[];
  abonements: SimAbonement[];
  depositTypes: SimDepositType[];
  deposits: SimDeposit[];
  depositTransactions: SimDepositTransaction[];
}

/** The loyalty state of a simulator (`state.loyalty`), seeded from its chain and clients the first time it is asked for. */
export function loyaltyState(state: SimulatorState): LoyaltyState {
  return (state.loyalty ??= seedLoyalty(state));
}

/**
 * Seeds two card types, one card (for the first client), two season ticket types (visits per category, freezable;
 * a shared count, not freezable) with one ticket each for the first two clients, and a personal account for
 * every third client.
 */
function seedLoyalty(state: SimulatorState): LoyaltyState {
  const loyalty: LoyaltyState = {
    cardTypes: [],
    cards: [],
    withdrawals: [],
    abonementTypes: [],
    abonements: [],
    depositTypes: [],
    deposits: [],
    depositTransactions: [],
  };
  const id = () => nextId(state, "loyalty");
  const chainId = state.chain.id;
  const cashback = { id: id(), chain_id: chainId, title: "Кешбэк 5%" };
  loyalty.cardTypes.push(cashback, { id: id(), chain_id: chainId, title: "Накопительная скидка" });
  const first = state.clients[0];
  if (first) {
    loyalty.cards.push({
      id: id(),
      chain_id: chainId,
      type_id: cashback.id,
      number: "0001000001",
      phone: normalizePhone(first.phone),
      balance: 350.5,
      points: 0,
      paid_amount: 7010,
      sold_amount: 7010,
      visits_count: 4,
      deleted: false,
    });
  }
  const [category] = state.serviceCategories;
  const visits = {
    id: id(),
    chain_id: chainId,
    title: "10 посещений",
    cost: 9000,
    period: 3,
    period_unit_id: 3,
    allow_freeze: true,
    freeze_limit: 30,
    united_balance_services_count: 0,
    links: category ? [{ category_id: category.id, count: 10 }] : [],
  };
  const shared = {
    id: id(),
    chain_id: chainId,
    title: "Безлимит на месяц",
    cost: 15000.5,
    period: 1,
    period_unit_id: 3,
    allow_freeze: false,
    freeze_limit: 0,
    united_balance_services_count: 12,
    links: [],
  };
  loyalty.abonementTypes.push(visits, shared);
  state.clients.slice(0, 2).forEach((client, index) => {
    const type = index === 0 ? visits : shared;
    loyalty.abonements.push({
      id: id(),
      chain_id: chainId,
      type_id: type.id,
      number: String(788_376 + index),
      phone: normalizePhone(client.phone),
      created_at: 1_767_225_600,
      period: type.period,
      period_unit_id: type.period_unit_id,
      united_left: type.united_balance_services_count,
      left: type.links.map((l) => ({ ...l })),
      frozen_days: 0,
    });
  });
  const depositType = { id: id(), chain_id: chainId, title: "Депозит", created_at: 1_767_225_600 };
  loyalty.depositTypes.push(depositType);
  state.clients.forEach((client, index) => {
    if (index % 3 !== 0) return;
    const balance = roundMoney(((index * 1237) % 5000) + (index % 2 ? 0.5 : 0));
    loyalty.deposits.push({
      id: id(),
      chain_id: chainId,
      type_id: depositType.id,
      client_id: client.id,
      initial_balance: balance,
      balance,
      blocked: false,
      created_at: 1_767_225_600 + index * 86_400,
    });
  });
  return loyalty;
}
