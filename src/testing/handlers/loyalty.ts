// Manual top-ups and write-offs of a loyalty card's bonus balance, by a company or by the chain. Card types,
// cards and their lists are declared in collections/loyalty.ts.
import { loyaltyCards, cardView } from "../collections/loyalty.js";
import { rowOf } from "../engine/engine.js";
import { roundMoney } from "../money-state.js";
import { invalid, ok, type SimResponse } from "../reply.js";
import { finiteNumber } from "./money/common.js";
import { ownBody, type HandlerContext, type HandlerTable } from "./context.js";
import { isObject } from "./input.js";

/**
 * A signed change of the bonus balance: positive tops up, negative writes off. A write-off larger
 * than the balance is refused with 422 (the API's rule is not documented; a card never goes negative here).
 */
function manualTransaction(ctx: HandlerContext): SimResponse {
  const card = rowOf(loyaltyCards, ctx);
  const body = isObject(ctx.body) ? ctx.body : {};
  const amount = finiteNumber(body.amount);
  if (amount === undefined || amount === 0) return invalid(422, { amount: ["Сумма должна быть ненулевым числом"] });
  const balance = roundMoney(card.balance + amount);
  if (balance < 0) return invalid(422, { amount: ["Недостаточно средств на карте"] }, "Недостаточно средств");
  card.balance = balance;
  return ok(cardView(ctx, card), {});
}

export const loyaltyHandlers: HandlerTable = {
  "POST /company/{company_id}/loyalty/cards/{card_id}/manual_transaction": ownBody(manualTransaction),
  "POST /chain/{chain_id}/loyalty/cards/{card_id}/manual_transaction": ownBody(manualTransaction),
};
