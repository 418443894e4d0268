// Loyalty cards, their types and their write-offs towards visits as collections of the CRUD engine, rows of the
// chain. Bonus top-ups and write-offs stay in handlers/loyalty.ts and handlers/loyalty-visits.ts.
import { collection, inArea } from "../engine/collection.js";
import { shaped } from "../engine/shape.js";
import type { HandlerContext } from "../handlers/context.js";
import { isObject, queryIds, text, toInt, validPhone } from "../handlers/input.js";
import { loyaltyState, type LoyaltyState, type SimCardWithdrawal, type SimLoyaltyCard } from "../loyalty-state.js";
import { FieldErrors, abort, fail } from "../reply.js";
import { normalizePhone, type SimulatorState } from "../state.js";
import { recordsOfVisit } from "../visit-document.js";

/** The kind the simulator gives a card write-off (the API's code for it is not documented). */
export const WITHDRAWAL_TYPE = { id: 3, title: "Списание с карты лояльности" };

/** Rows of the loyalty state's `key`, owned by the chain. */
export const ofChain = <K extends keyof LoyaltyState>(key: K) => ({
  ...inArea(loyaltyState, key, "loyalty"),
  chain: true as const,
});

const chainRef = (ctx: HandlerContext) => ({ id: ctx.state.chain.id, title: ctx.state.chain.title });

/** The live cards of a phone, in every chain. */
const liveCards = (state: SimulatorState, phone: string) =>
  loyaltyState(state).cards.filter((c) => !c.deleted && c.phone === phone);

/** The phone a card list names: in its path, the phone of the client in its path, else the signed-in user's. */
function listedPhone(ctx: HandlerContext): string {
  const client = ctx.params.client_id && ctx.state.clients.find((c) => c.id === Number(ctx.params.client_id));
  return normalizePhone(client ? client.phone : (ctx.params.phone ?? ctx.session?.user.phone));
}

export function cardView(ctx: HandlerContext, card: SimLoyaltyCard) {
  const type = loyaltyState(ctx.state).cardTypes.find((t) => t.id === card.type_id)!;
  return shaped("LoyaltyCard", card, {
    salon_group_id: card.chain_id,
    type: { id: type.id, title: type.title, salon_group_id: type.chain_id },
    salon_group: chainRef(ctx),
  });
}

export const liveWithdrawals = (state: SimulatorState, visitId: number) =>
  loyaltyState(state).withdrawals.filter((w) => w.visit_id === visitId && !w.cancelled);

/** A card write-off as the visit's and the chain's loyalty transactions show it. */
export function withdrawalView(w: SimCardWithdrawal) {
  return shaped("LoyaltyTransaction", w, {
    status_id: 1,
    type_id: WITHDRAWAL_TYPE.id,
    salon_group_id: w.chain_id,
    item_record_id: w.record_id,
    is_loyalty_withdraw: true,
    type: WITHDRAWAL_TYPE,
  });
}

/** The chain's card types; for a phone, those it holds no live card of (what can still be issued). */
export const loyaltyCardTypes = collection({
  ...ofChain("cardTypes"),
  notFound: "Тип карты не найден",
  filters: { phone: (t, value, ctx) => !liveCards(ctx.state, normalizePhone(value)).some((c) => c.type_id === t.id) },
  view: (t, ctx) => shaped("LoyaltyCardType", t, { salon_group_id: t.chain_id, salon_group: chainRef(ctx) }),
});

/** Cards, listed by the phone their path names (directly, by client or by user token). */
export const loyaltyCards = collection({
  ...ofChain("cards"),
  ownMessages: true,
  notFound: "Карта лояльности не найдена",
  live: (c) => !c.deleted,
  parent: (ctx) =>
    ctx.params.client_id === undefined ||
    ctx.state.clients.some((c) => c.id === Number(ctx.params.client_id)) ||
    abort(fail(404, "Клиент не найден")),
  where: (card, ctx) => card.phone === listedPhone(ctx),
  view: (card, ctx) => cardView(ctx, card),
  create(ctx, chainId) {
    const loyalty = loyaltyState(ctx.state);
    const body = isObject(ctx.body) ? ctx.body : {};
    const errors = new FieldErrors();
    const phone = validPhone(body.phone);
    if (!phone) errors.set("phone", "Неверный формат телефона");
    const typeId = toInt(body.loyalty_card_type_id);
    const type = loyalty.cardTypes.find((t) => t.id === typeId && t.chain_id === chainId);
    if (!type) errors.set("loyalty_card_type_id", "Тип карты не найден в сети филиала");
    const number = text(body.loyalty_card_number);
    if (!/^\d{1,32}$/.test(number)) errors.set("loyalty_card_number", "Номер карты должен состоять из цифр");
    else if (loyalty.cards.some((c) => !c.deleted && c.chain_id === chainId && c.number === number))
      errors.set("loyalty_card_number", "Карта с таким номером уже выдана");
    else if (phone && type && liveCards(ctx.state, phone).some((c) => c.type_id === type.id))
      errors.set("loyalty_card_type_id", "У клиента уже есть карта этого типа");
    errors.check(422);
    const zero = { balance: 0, points: 0, paid_amount: 0, sold_amount: 0, visits_count: 0 };
    return { chain_id: chainId, type_id: type!.id, number, phone: phone!, ...zero, deleted: false };
  },
});

const day = (unix: number) => new Date(unix * 1000).toISOString().slice(0, 10);
/** Filters by a row's day of creation (UTC), both ends inclusive. */
export const createdFilters = {
  created_after: (row: { created_at: number }, value: string) => day(row.created_at) >= value,
  created_before: (row: { created_at: number }, value: string) => day(row.created_at) <= value,
};
/** A list filter by a query list of ids (`name[]=1&name[]=2` or `name=1,2`); absent means any. */
const inIds = (ctx: HandlerContext, name: string, id: number) => queryIds(ctx.query, name)?.includes(id) ?? true;

/** Live card write-offs: the chain's (by creation day, kinds, companies, visits, card; paged) or one visit's. */
export const cardWithdrawals = collection({
  ...ofChain("withdrawals"),
  notFound: "Списание не найдено",
  live: (w) => !w.cancelled,
  parent: (ctx) =>
    ctx.params.visit_id === undefined ||
    recordsOfVisit(ctx.state, Number(ctx.params.visit_id)).length > 0 ||
    abort(fail(404, "Визит не найден")),
  where: (w, ctx) =>
    inIds(ctx, "types", WITHDRAWAL_TYPE.id) &&
    inIds(ctx, "company_ids", w.company_id) &&
    inIds(ctx, "visit_ids", w.visit_id),
  filters: {
    visit_id: (w, value) => w.visit_id === Number(value),
    ...createdFilters,
    loyalty_card_id: (w, value) => w.card_id === toInt(value),
  },
  order: (a, b) => a.id - b.id,
  count: "page",
  view: (w) => withdrawalView(w),
});
