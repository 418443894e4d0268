// The simulator's loyalty cards, season tickets and personal accounts (deposits) of the chain, kept beside the core
// state (seeded on first use) like the money area. Amounts are in currency units (roubles), never kopecks.
import { roundMoney } from "./money-state.js";
import { nextId, normalizePhone, type Api, type ApiNumbers, type SimulatorState } from "./state.js";

type InChain = { chain_id: number };

export type LoyaltyCardType = Api<"LoyaltyCardType", "id" | "title"> & InChain;

/** A card of a phone (digits only); its `number` as issued, leading zeros kept. */
export type SimLoyaltyCard = Api<"LoyaltyCard", "id" | "type_id" | "points" | "visits_count"> &
  ApiNumbers<"LoyaltyCard", "balance" | "paid_amount" | "sold_amount"> &
  InChain & { number: string; phone: string; deleted: boolean };

export type SimDepositType = Api<"DepositType", "id" | "title"> & InChain & { created_at: number };

/** A personal account; its owner (`client_id`) is a client of one of the chain's companies. */
export type SimDeposit = Api<"Deposit", "id" | "blocked"> &
  ApiNumbers<"Deposit", "initial_balance" | "balance"> &
  InChain &
  Record<"type_id" | "client_id" | "created_at", number>;

/** A line of an account's history: `amount` is positive for a top-up. */
export type SimDepositTransaction = Api<"DepositTransaction", "id" | "deposit_id" | "document_id" | "master_id"> &
  Api<"DepositTransaction", "user_id" | "comment"> &
  ApiNumbers<"DepositTransaction", "amount"> &
  Record<"company_id" | "created_at", number>;

/** Bonus money written off a card towards a visit: `amount` is what left the card. */
export type SimCardWithdrawal = Api<"LoyaltyTransaction", "id" | "visit_id" | "card_id"> &
  ApiNumbers<"LoyaltyTransaction", "amount"> &
  InChain &
  Record<"record_id" | "company_id" | "created_at", number> & { cancelled: boolean };

/** Visits per service category. */
type CategoryVisits = Array<{ category_id: number; count: number }>;

type AbonementTypeFields =
  "period" | "period_unit_id" | "allow_freeze" | "freeze_limit" | "united_balance_services_count";
/**
 * A season ticket type of the chain, in the API's own fields (period unit 1 day … 4 year, freeze limit in days,
 * a shared count of visits or 0), its price in currency units, and `links`: the visits it includes per category.
 */
export type SimAbonementType = Api<"AbonementType", "id" | "title" | AbonementTypeFields> &
  InChain & { cost: number; links: CategoryVisits };

/**
 * A season ticket sold to a client (by phone): the visits left on the shared count (`united_left`) or per
 * category (`left`), the last frozen day (`YYYY-MM-DD`) while frozen, and the days spent frozen so far.
 */
export type SimAbonement = Api<"Abonement", "id" | "period" | "period_unit_id"> &
  InChain &
  Record<"type_id" | "created_at" | "united_left" | "frozen_days", number> & {
    number: string;
    phone: string;
    left: CategoryVisits;
    frozen_till?: string;
  };

const noLoyalty = () => ({
  cardTypes: [] as LoyaltyCardType[],
  cards: [] as SimLoyaltyCard[],
  withdrawals: [] as SimCardWithdrawal[],
  abonementTypes: [] as SimAbonementType[],
  abonements: [] as SimAbonement[],
  depositTypes: [] as SimDepositType[],
  deposits: [] as SimDeposit[],
  depositTransactions: [] as SimDepositTransaction[],
});
export type LoyaltyState = ReturnType<typeof noLoyalty>;

/** The loyalty state of a simulator (`state.loyalty`), seeded from its chain and clients the first time it is asked for. */
export function loyaltyState(state: SimulatorState): LoyaltyState {
  return (state.loyalty ??= seedLoyalty(state));
}

/** Season ticket types: title, price, months valid, whether it freezes and for how many days at most, and the
 * shared count of visits (0: visits per category, 10 of the first category). */
const ABONEMENT_TYPES = [
  ["10 посещений", 9000, 3, true, 30, 0],
  ["Безлимит на месяц", 15000.5, 1, false, 0, 12],
] as const;
const SEEDED_AT = 1_767_225_600;

/**
 * Seeds two card types, one card (for the first client), two season ticket types with one ticket each for the first
 * two clients, and a personal account for every third client.
 */
function seedLoyalty(state: SimulatorState): LoyaltyState {
  const loyalty = noLoyalty();
  const own = () => ({ id: nextId(state, "loyalty"), chain_id: state.chain.id });
  const [cashback, discount] = ["Кешбэк 5%", "Накопительная скидка"].map((title) => ({ ...own(), title }));
  loyalty.cardTypes.push(cashback, discount);
  const first = state.clients[0];
  if (first) {
    const card = { type_id: cashback.id, number: "0001000001", phone: normalizePhone(first.phone) };
    const amounts = { balance: 350.5, points: 0, paid_amount: 7010, sold_amount: 7010, visits_count: 4 };
    loyalty.cards.push({ ...own(), ...card, ...amounts, deleted: false });
  }
  const [visits, shared] = ABONEMENT_TYPES.map(([title, cost, period, allowFreeze, freezeLimit, united]) => {
    const terms = { period, period_unit_id: 3, allow_freeze: allowFreeze, freeze_limit: freezeLimit };
    return { ...own(), title, cost, ...terms, united_balance_services_count: united, links: [] as CategoryVisits };
  });
  const [category] = state.serviceCategories;
  if (category) visits.links = [{ category_id: category.id, count: 10 }];
  loyalty.abonementTypes.push(visits, shared);
  state.clients.slice(0, 2).forEach((client, index) => {
    const type = index === 0 ? visits : shared;
    loyalty.abonements.push({
      ...own(),
      type_id: type.id,
      number: String(788_376 + index),
      phone: normalizePhone(client.phone),
      created_at: SEEDED_AT,
      period: type.period,
      period_unit_id: type.period_unit_id,
      united_left: type.united_balance_services_count,
      left: type.links.map((l) => ({ ...l })),
      frozen_days: 0,
    });
  });
  const depositType = { ...own(), title: "Депозит", created_at: SEEDED_AT };
  loyalty.depositTypes.push(depositType);
  state.clients.forEach((client, index) => {
    if (index % 3 !== 0) return;
    const balance = roundMoney(((index * 1237) % 5000) + (index % 2 ? 0.5 : 0));
    loyalty.deposits.push({
      ...own(),
      type_id: depositType.id,
      client_id: client.id,
      initial_balance: balance,
      balance,
      blocked: false,
      created_at: SEEDED_AT + index * 86_400,
    });
  });
  return loyalty;
}
