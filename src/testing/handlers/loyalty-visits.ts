// Paying part of a visit with bonus money from a loyalty card: the write-off leaves the card's balance and is
// returned when cancelled. Discount and referral programmes in a visit answer from the spec's examples.
import { liveWithdrawals, loyaltyCards } from "../collections/loyalty.js";
import { rowOf } from "../engine/engine.js";
import { loyaltyState } from "../loyalty-state.js";
import { roundMoney } from "../money-state.js";
import { abort, fail, invalid, ok, type SimResponse } from "../reply.js";
import { addRow } from "../state.js";
import { recordsOfVisit } from "../visit-document.js";
import { finiteNumber } from "./money/common.js";
import { ownBody, type HandlerContext, type HandlerTable } from "./context.js";
import { isObject, toInt } from "./input.js";
import { visitDetailsView } from "./money/visit-money.js";
import { requireCompany } from "./scope.js";

/** The card, the visit and its records named by the request; 404 when any is unknown. */
function target(ctx: HandlerContext) {
  const company = requireCompany(ctx.state, ctx.params.company_id);
  const card = rowOf(loyaltyCards, ctx);
  const body = isObject(ctx.body) ? ctx.body : {};
  const visitId = toInt(body.visit_id) ?? abort(invalid(422, { visit_id: ["Укажите визит"] }));
  const recordId = toInt(body.record_id) ?? abort(invalid(422, { record_id: ["Укажите запись"] }));
  const records = recordsOfVisit(ctx.state, visitId, company.id);
  const record = records.find((r) => r.id === recordId) ?? abort(fail(404, "Визит не найден"));
  return { card, body, visitId, record, records };
}

/**
 * Writes `amount` off the card towards the visit: it must be positive, covered by the card's balance and
 * no more than what the visit's services cost less what was already written off (422 otherwise).
 */
function applyWithdrawal(ctx: HandlerContext): SimResponse {
  const { card, body, visitId, record, records } = target(ctx);
  const amount = finiteNumber(body.amount);
  if (amount === undefined || amount <= 0) return invalid(422, { amount: ["Сумма списания должна быть больше нуля"] });
  if (amount > card.balance) return invalid(422, { amount: ["Недостаточно средств на карте"] }, "Недостаточно средств");
  const paid = liveWithdrawals(ctx.state, visitId).reduce((sum, w) => sum + w.amount, 0);
  const cost = records
    .flatMap((r) => r.service_ids)
    .reduce((sum, id) => sum + (ctx.state.services.find((s) => s.id === id)?.price_min ?? 0), 0);
  if (roundMoney(paid + amount) > cost) return invalid(422, { amount: ["Сумма списания больше стоимости визита"] });
  card.balance = roundMoney(card.balance - amount);
  addRow(ctx.state, "loyalty", loyaltyState(ctx.state).withdrawals, {
    visit_id: visitId,
    record_id: record.id,
    card_id: card.id,
    chain_id: card.chain_id,
    company_id: record.company_id,
    amount: roundMoney(amount),
    created_at: ctx.now,
    cancelled: false,
  });
  return ok(visitDetailsView(ctx, record), {});
}

/** Returns every live write-off of this card in the visit to the card; 404 when there is none. */
function cancelWithdrawal(ctx: HandlerContext): SimResponse {
  const { card, visitId, record } = target(ctx);
  const undone = liveWithdrawals(ctx.state, visitId).filter((w) => w.card_id === card.id);
  if (!undone.length) return fail(404, "Списание с карты в визите не найдено");
  for (const w of undone) {
    w.cancelled = true;
    card.balance = roundMoney(card.balance + w.amount);
  }
  return ok(visitDetailsView(ctx, record), {});
}

export const loyaltyVisitHandlers: HandlerTable = {
  "POST /visit/loyalty/apply_card_withdrawal/{company_id}/{card_id}": ownBody(applyWithdrawal),
  "POST /visit/loyalty/cancel_card_withdrawal/{company_id}/{card_id}": ownBody(cancelWithdrawal),
};
