// Loyalty cards as a collection of the CRUD engine: issuing a card to a phone (one live card per type, numbers
// unique in the chain) and deleting it (marked, so its history still reads). Cards belong to the chain, which
// every company of the simulator is in. Lists by phone or client and bonus top-ups stay in handlers/loyalty.ts.
import { collection } from "../engine/collection.js";
import { isObject, text, toInt, validPhone } from "../handlers/input.js";
import { cardView, liveCards } from "../handlers/loyalty.js";
import { loyaltyState, type SimLoyaltyCard } from "../loyalty-state.js";
import { FieldErrors } from "../reply.js";
import { findCompany } from "../state.js";

export const loyaltyCards = collection<SimLoyaltyCard>({
  rows: (state) => loyaltyState(state).cards,
  ids: "loyalty",
  company: "company_id",
  shared: true,
  ownMessages: true,
  notFound: "Карта лояльности не найдена",
  live: (c) => !c.deleted,
  view: (card, ctx) => cardView(ctx, card),
  create(ctx, companyId) {
    const chainId = findCompany(ctx.state, companyId)!.chain_id;
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
    else if (phone && type && liveCards(ctx, phone).some((c) => c.type_id === type.id))
      errors.set("loyalty_card_type_id", "У клиента уже есть карта этого типа");
    errors.check(422);
    const zero = { balance: 0, points: 0, paid_amount: 0, sold_amount: 0, visits_count: 0 };
    return { chain_id: chainId, type_id: type!.id, number, phone: phone!, ...zero, deleted: false };
  },
});
