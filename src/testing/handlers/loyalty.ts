// Loyalty cards as state: card types of the chain, finding a client's cards by phone or client id, and
// manual top-ups and write-offs of a card's bonus balance. Issuing and deleting cards is declared in
// collections/loyalty.ts.
import { shaped } from "../engine/shape.js";
import { loyaltyState, type LoyaltyCardType, type SimLoyaltyCard } from "../loyalty-state.js";
import { roundMoney } from "../money-state.js";
import { fail, invalid, ok, type SimResponse } from "../reply.js";
import { normalizePhone } from "../state.js";
import { finiteNumber } from "./money/common.js";
import { ownBody, type HandlerContext, type HandlerTable } from "./context.js";
import { isObject } from "./input.js";
import { requireCompany, requireChain } from "./scope.js";

function typeView(ctx: HandlerContext, type: LoyaltyCardType) {
  const salonGroup = { id: ctx.state.chain.id, title: ctx.state.chain.title };
  return shaped("LoyaltyCardType", type, { salon_group_id: type.chain_id, salon_group: salonGroup });
}

export function cardView(ctx: HandlerContext, card: SimLoyaltyCard) {
  const type = loyaltyState(ctx.state).cardTypes.find((t) => t.id === card.type_id)!;
  return shaped("LoyaltyCard", card, {
    salon_group_id: card.chain_id,
    type: { id: type.id, title: type.title, salon_group_id: type.chain_id },
    salon_group: { id: ctx.state.chain.id, title: ctx.state.chain.title },
  });
}

/** The live cards of a phone, in the chain when one is given. */
export function liveCards(ctx: HandlerContext, phone: string, chainId?: number): SimLoyaltyCard[] {
  return loyaltyState(ctx.state).cards.filter(
    (c) => !c.deleted && c.phone === phone && (chainId === undefined || c.chain_id === chainId),
  );
}

/** The company's chain's card types; for a phone, those it holds no live card of (what can still be issued). */
function listCompanyCardTypes(ctx: HandlerContext): SimResponse {
  const company = requireCompany(ctx.state, ctx.params.company_id);
  const held = new Set(liveCards(ctx, normalizePhone(ctx.params.phone)).map((c) => c.type_id));
  const types = loyaltyState(ctx.state).cardTypes.filter((t) => t.chain_id === company.chain_id && !held.has(t.id));
  return ok(types.map((t) => typeView(ctx, t)));
}

function listChainCardTypes(ctx: HandlerContext): SimResponse {
  const chainId = requireChain(ctx.state, ctx.params.chain_id);
  const types = loyaltyState(ctx.state).cardTypes.filter((t) => t.chain_id === chainId);
  return ok(types.map((t) => ({ id: t.id, title: t.title })));
}

function listCardsByPhone(ctx: HandlerContext): SimResponse {
  const company = requireCompany(ctx.state, ctx.params.company_id);
  if (Number(ctx.params.group_id) !== company.chain_id) return fail(404, "Сеть не найдена");
  return ok(liveCards(ctx, normalizePhone(ctx.params.phone), company.chain_id).map((c) => cardView(ctx, c)));
}

function listCardsByClient(ctx: HandlerContext): SimResponse {
  const client = ctx.state.clients.find((c) => c.id === Number(ctx.params.client_id));
  if (!client) return fail(404, "Клиент не найден");
  return ok(liveCards(ctx, normalizePhone(client.phone)).map((c) => cardView(ctx, c)));
}

/** The cards of the person the user token belongs to (a client or a staff user), by their phone, in the chain. */
function listUserCards(ctx: HandlerContext): SimResponse {
  const chainId = requireChain(ctx.state, ctx.params.group_id);
  return ok(liveCards(ctx, normalizePhone(ctx.session?.user.phone), chainId).map((c) => cardView(ctx, c)));
}

/**
 * A signed change of the bonus balance: positive tops up, negative writes off. A write-off larger
 * than the balance is refused with 422 (the API's rule is not documented; a card never goes negative here).
 */
function manualTransaction(ctx: HandlerContext, chainId: number): SimResponse {
  const cardId = Number(ctx.params.card_id);
  const card = loyaltyState(ctx.state).cards.find((c) => c.id === cardId && !c.deleted && c.chain_id === chainId);
  if (!card) return fail(404, "Карта лояльности не найдена");
  const body = isObject(ctx.body) ? ctx.body : {};
  const amount = finiteNumber(body.amount);
  if (amount === undefined || amount === 0) return invalid(422, { amount: ["Сумма должна быть ненулевым числом"] });
  const balance = roundMoney(card.balance + amount);
  if (balance < 0) return invalid(422, { amount: ["Недостаточно средств на карте"] }, "Недостаточно средств");
  card.balance = balance;
  return ok(cardView(ctx, card), {});
}

export const loyaltyHandlers: HandlerTable = {
  "GET /loyalty/card_types/salon/{company_id}": listCompanyCardTypes,
  "GET /loyalty/card_types/client/{company_id}/{phone}": listCompanyCardTypes,
  "GET /chain/{chain_id}/loyalty/card_types": listChainCardTypes,
  "GET /loyalty/cards/{phone}/{group_id}/{company_id}": listCardsByPhone,
  "GET /loyalty/client_cards/{client_id}": listCardsByClient,
  "GET /user/loyalty_cards/{group_id}": listUserCards,
  "POST /company/{company_id}/loyalty/cards/{card_id}/manual_transaction": ownBody((ctx) =>
    manualTransaction(ctx, requireCompany(ctx.state, ctx.params.company_id).chain_id),
  ),
  "POST /chain/{chain_id}/loyalty/cards/{card_id}/manual_transaction": ownBody((ctx) =>
    manualTransaction(ctx, requireChain(ctx.state, ctx.params.chain_id)),
  ),
};
