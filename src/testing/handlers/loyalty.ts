// Loyalty cards as state: card types of the chain, issuing and deleting cards, finding a client's
// cards by phone or client id, and manual top-ups and write-offs of a card's bonus balance.
import { loyaltyState, type LoyaltyState, type SimLoyaltyCard } from "../loyalty-state.js";
import { roundMoney } from "../money-state.js";
import { FieldErrors, fail, invalid, ok, type SimResponse } from "../reply.js";
import { nextId, normalizePhone, type SimulatorState } from "../state.js";
import { ownBody, type HandlerContext, type HandlerTable } from "./context.js";
import { isObject, text, toInt, validPhone } from "./input.js";
import { requireCompany, requireChain } from "./scope.js";

function typeView(loyalty: LoyaltyState, typeId: number, state: SimulatorState) {
  const type = loyalty.cardTypes.find((t) => t.id === typeId)!;
  return {
    id: type.id,
    title: type.title,
    salon_group_id: type.chain_id,
    salon_group: { id: state.chain.id, title: state.chain.title },
  };
}

function cardView(ctx: HandlerContext, loyalty: LoyaltyState, card: SimLoyaltyCard) {
  const type = loyalty.cardTypes.find((t) => t.id === card.type_id)!;
  return {
    id: card.id,
    balance: card.balance,
    points: card.points,
    paid_amount: card.paid_amount,
    sold_amount: card.sold_amount,
    visits_count: card.visits_count,
    number: card.number,
    type_id: card.type_id,
    salon_group_id: card.chain_id,
    type: { id: type.id, title: type.title, salon_group_id: type.chain_id },
    salon_group: { id: ctx.state.chain.id, title: ctx.state.chain.title },
    programs: [],
  };
}

function liveCards(loyalty: LoyaltyState, phone: string): SimLoyaltyCard[] {
  return loyalty.cards.filter((c) => !c.deleted && c.phone === phone);
}

function listCompanyCardTypes(ctx: HandlerContext): SimResponse {
  const company = requireCompany(ctx.state, ctx.params.company_id);
  const loyalty = loyaltyState(ctx.state);
  const types = loyalty.cardTypes.filter((t) => t.chain_id === company.chain_id);
  return ok(types.map((t) => typeView(loyalty, t.id, ctx.state)));
}

/** The types the phone does not hold a live card of: what `POST /loyalty/cards` can still issue. */
function listCardTypesForClient(ctx: HandlerContext): SimResponse {
  const company = requireCompany(ctx.state, ctx.params.company_id);
  const loyalty = loyaltyState(ctx.state);
  const held = new Set(liveCards(loyalty, normalizePhone(ctx.params.phone)).map((c) => c.type_id));
  const types = loyalty.cardTypes.filter((t) => t.chain_id === company.chain_id && !held.has(t.id));
  return ok(types.map((t) => typeView(loyalty, t.id, ctx.state)));
}

function listChainCardTypes(ctx: HandlerContext): SimResponse {
  const chainId = requireChain(ctx.state, ctx.params.chain_id);
  const types = loyaltyState(ctx.state).cardTypes.filter((t) => t.chain_id === chainId);
  return ok(types.map((t) => ({ id: t.id, title: t.title })));
}

function issueCard(ctx: HandlerContext): SimResponse {
  const company = requireCompany(ctx.state, ctx.params.company_id);
  const loyalty = loyaltyState(ctx.state);
  const body = isObject(ctx.body) ? ctx.body : {};
  const errors = new FieldErrors();
  const phone = validPhone(body.phone);
  if (!phone) errors.set("phone", "Неверный формат телефона");
  const type = loyalty.cardTypes.find(
    (t) => t.id === toInt(body.loyalty_card_type_id) && t.chain_id === company.chain_id,
  );
  if (!type) errors.set("loyalty_card_type_id", "Тип карты не найден в сети филиала");
  const number = text(body.loyalty_card_number);
  if (!/^\d{1,32}$/.test(number)) errors.set("loyalty_card_number", "Номер карты должен состоять из цифр");
  else if (loyalty.cards.some((c) => !c.deleted && c.chain_id === company.chain_id && c.number === number))
    errors.set("loyalty_card_number", "Карта с таким номером уже выдана");
  else if (phone && type && liveCards(loyalty, phone).some((c) => c.type_id === type.id))
    errors.set("loyalty_card_type_id", "У клиента уже есть карта этого типа");
  if (errors.any) return errors.response(422);
  const card: SimLoyaltyCard = {
    id: nextId(ctx.state, "loyalty"),
    chain_id: company.chain_id,
    type_id: type!.id,
    number,
    phone: phone!,
    balance: 0,
    points: 0,
    paid_amount: 0,
    sold_amount: 0,
    visits_count: 0,
    deleted: false,
  };
  loyalty.cards.push(card);
  return ok(cardView(ctx, loyalty, card));
}

function deleteCard(ctx: HandlerContext): SimResponse {
  const company = requireCompany(ctx.state, ctx.params.company_id);
  const loyalty = loyaltyState(ctx.state);
  const card = loyalty.cards.find(
    (c) => c.id === Number(ctx.params.card_id) && !c.deleted && c.chain_id === company.chain_id,
  );
  if (!card) return fail(404, "Карта лояльности не найдена");
  card.deleted = true;
  return ok(null);
}

function listCardsByPhone(ctx: HandlerContext): SimResponse {
  const company = requireCompany(ctx.state, ctx.params.company_id);
  if (Number(ctx.params.group_id) !== company.chain_id) return fail(404, "Сеть не найдена");
  const loyalty = loyaltyState(ctx.state);
  const cards = liveCards(loyalty, normalizePhone(ctx.params.phone)).filter((c) => c.chain_id === company.chain_id);
  return ok(cards.map((c) => cardView(ctx, loyalty, c)));
}

function listCardsByClient(ctx: HandlerContext): SimResponse {
  const client = ctx.state.clients.find((c) => c.id === Number(ctx.params.client_id));
  if (!client) return fail(404, "Клиент не найден");
  const loyalty = loyaltyState(ctx.state);
  return ok(liveCards(loyalty, normalizePhone(client.phone)).map((c) => cardView(ctx, loyalty, c)));
}

/** The cards of the person the user token belongs to (a client or a staff user), by their phone, in the chain. */
function listUserCards(ctx: HandlerContext): SimResponse {
  const chainId = requireChain(ctx.state, ctx.params.group_id);
  const loyalty = loyaltyState(ctx.state);
  const phone = normalizePhone(ctx.session?.user.phone);
  const cards = liveCards(loyalty, phone).filter((c) => c.chain_id === chainId);
  return ok(cards.map((c) => cardView(ctx, loyalty, c)));
}

/**
 * A signed change of the bonus balance: positive tops up, negative writes off. A write-off larger
 * than the balance is refused with 422 (the API's rule is not documented; a card never goes negative here).
 */
function manualTransaction(ctx: HandlerContext, chainId: number): SimResponse {
  const loyalty = loyaltyState(ctx.state);
  const card = loyalty.cards.find((c) => c.id === Number(ctx.params.card_id) && !c.deleted && c.chain_id === chainId);
  if (!card) return fail(404, "Карта лояльности не найдена");
  const body = isObject(ctx.body) ? ctx.body : {};
  const amount = typeof body.amount === "string" ? Number(body.amount) : body.amount;
  if (typeof amount !== "number" || !Number.isFinite(amount) || amount === 0)
    return invalid(422, { amount: ["Сумма должна быть ненулевым числом"] });
  const balance = roundMoney(card.balance + amount);
  if (balance < 0) return invalid(422, { amount: ["Недостаточно средств на карте"] }, "Недостаточно средств");
  card.balance = balance;
  return ok({ ...cardView(ctx, loyalty, card), max_discount_percent: 0, max_discount_amount: 0 }, {});
}

export const loyaltyHandlers: HandlerTable = {
  "GET /loyalty/card_types/salon/{company_id}": listCompanyCardTypes,
  "GET /loyalty/card_types/client/{company_id}/{phone}": listCardTypesForClient,
  "GET /chain/{chain_id}/loyalty/card_types": listChainCardTypes,
  "POST /loyalty/cards/{company_id}": ownBody(issueCard),
  "DELETE /loyalty/cards/{company_id}/{card_id}": deleteCard,
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
