// Paying part of a visit with bonus money from a loyalty card: the write-off leaves the card's balance,
// shows among the visit's and the chain's loyalty transactions and is returned to the card when cancelled.
// Discount and referral programmes in a visit answer from the spec's examples.
import { loyaltyState, type SimCardWithdrawal } from "../loyalty-state.js";
import { roundMoney } from "../money-state.js";
import { slice } from "../page-request.js";
import { abort, fail, invalid, ok, type SimResponse } from "../reply.js";
import { nextId } from "../state.js";
import { recordsOfVisit } from "../visit-document.js";
import { finiteNumber } from "./money/common.js";
import { ownBody, type HandlerContext, type HandlerTable } from "./context.js";
import { isObject, queryIds, queryInt, toInt } from "./input.js";
import { WITHDRAWAL_TYPE, visitDetailsView, withdrawalView } from "./money/visit-money.js";
import { requireCompany, requireChain } from "./scope.js";

function liveWithdrawals(ctx: HandlerContext, visitId: number): SimCardWithdrawal[] {
  return loyaltyState(ctx.state).withdrawals.filter((w) => w.visit_id === visitId && !w.cancelled);
}

/** The card, the visit and its records named by the request; 404 when any is unknown. */
function target(ctx: HandlerContext) {
  const company = requireCompany(ctx.state, ctx.params.company_id);
  const card =
    loyaltyState(ctx.state).cards.find(
      (c) => c.id === Number(ctx.params.card_id) && !c.deleted && c.chain_id === company.chain_id,
    ) ?? abort(fail(404, "Карта лояльности не найдена"));
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
  const paid = liveWithdrawals(ctx, visitId).reduce((sum, w) => sum + w.amount, 0);
  const cost = records
    .flatMap((r) => r.service_ids)
    .reduce((sum, id) => sum + (ctx.state.services.find((s) => s.id === id)?.price_min ?? 0), 0);
  if (roundMoney(paid + amount) > cost) return invalid(422, { amount: ["Сумма списания больше стоимости визита"] });
  card.balance = roundMoney(card.balance - amount);
  loyaltyState(ctx.state).withdrawals.push({
    id: nextId(ctx.state, "loyalty"),
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
  const undone = liveWithdrawals(ctx, visitId).filter((w) => w.card_id === card.id);
  if (!undone.length) return fail(404, "Списание с карты в визите не найдено");
  for (const w of undone) {
    w.cancelled = true;
    card.balance = roundMoney(card.balance + w.amount);
  }
  return ok(visitDetailsView(ctx, record), {});
}

/**
 * The chain's live card write-offs, oldest first, filtered like the API's list (period of creation, kinds,
 * companies, visits, card) and paged with `page` + `count`.
 */
function listChainTransactions(ctx: HandlerContext): SimResponse {
  const chainId = requireChain(ctx.state, ctx.params.chain_id);
  const q = ctx.query;
  const [after, before] = [q.get("created_after"), q.get("created_before")];
  const [types, companies, visits] = ["types", "company_ids", "visit_ids"].map((name) => queryIds(q, name));
  const cardId = queryInt(q, "loyalty_card_id");
  const day = (w: SimCardWithdrawal) => new Date(w.created_at * 1000).toISOString().slice(0, 10);
  const all = loyaltyState(ctx.state)
    .withdrawals.filter((w) => w.chain_id === chainId && !w.cancelled)
    .filter((w) => (!after || day(w) >= after) && (!before || day(w) <= before))
    .filter(() => !types || types.includes(WITHDRAWAL_TYPE.id))
    .filter((w) => (!companies || companies.includes(w.company_id)) && (!visits || visits.includes(w.visit_id)))
    .filter((w) => cardId === undefined || w.card_id === cardId)
    .sort((a, b) => a.id - b.id);
  const page = ctx.page ? slice(all, ctx.page) : all;
  return ok(page.map(withdrawalView), { count: page.length });
}

function listVisitTransactions(ctx: HandlerContext): SimResponse {
  const visitId = Number(ctx.params.visit_id);
  if (!recordsOfVisit(ctx.state, visitId).length) return fail(404, "Визит не найден");
  return ok(liveWithdrawals(ctx, visitId).map(withdrawalView));
}

export const loyaltyVisitHandlers: HandlerTable = {
  "POST /visit/loyalty/apply_card_withdrawal/{company_id}/{card_id}": ownBody(applyWithdrawal),
  "POST /visit/loyalty/cancel_card_withdrawal/{company_id}/{card_id}": ownBody(cancelWithdrawal),
  "GET /visit/loyalty/transactions/{visit_id}": listVisitTransactions,
  "GET /chain/{chain_id}/loyalty/transactions": listChainTransactions,
};
