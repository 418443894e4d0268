// Paying part of a visit with bonus money from a loyalty card: the write-off leaves the card's balance,
// shows among the visit's and the chain's loyalty transactions and is returned to the card when cancelled. Discount and
// referral programmes in a visit answer from the spec's examples.
import { loyaltyState, type LoyaltyState, type SimCardWithdrawal } from "../loyalty-state.js";
import { roundMoney } from "../money-state.js";
import { slice } from "../page-request.js";
import { abort, fail, invalid, ok, type SimResponse } from "../reply.js";
import { nextId, type SimRecord } from "../state.js";
import { ownBody, type HandlerContext, type HandlerTable } from "./context.js";
import { visitIdOf } from "./crm-views.js";
import { isObject, queryIds, queryInt, toInt } from "./input.js";
import { requireCompany, requireChain } from "./scope.js";

/** The kind the simulator gives a card write-off (the API's code for it is not documented). */
const WITHDRAWAL_TYPE = { id: 3, title: "Списание с карты лояльности" };

function visitRecords(ctx: HandlerContext, visitId: number, companyId?: number): SimRecord[] {
  return ctx.state.records.filter(
    (r) => !r.deleted && visitIdOf(r) === visitId && (companyId === undefined || r.company_id === companyId),
  );
}

function withdrawalView(w: SimCardWithdrawal) {
  return {
    id: w.id,
    visit_id: w.visit_id,
    status_id: 1,
    amount: w.amount,
    type_id: WITHDRAWAL_TYPE.id,
    card_id: w.card_id,
    program_id: 0,
    certificate_id: 0,
    abonement_id: 0,
    salon_group_id: w.chain_id,
    item_id: 0,
    item_type_id: 0,
    item_record_id: w.record_id,
    goods_transaction_id: 0,
    services_transaction_id: 0,
    is_discount: false,
    is_loyalty_withdraw: true,
    type: WITHDRAWAL_TYPE,
  };
}

function visitCost(ctx: HandlerContext, records: readonly SimRecord[]): number {
  return records
    .flatMap((r) => r.service_ids)
    .reduce((sum, id) => sum + (ctx.state.services.find((s) => s.id === id)?.price_min ?? 0), 0);
}

function liveWithdrawals(loyalty: LoyaltyState, visitId: number): SimCardWithdrawal[] {
  return loyalty.withdrawals.filter((w) => w.visit_id === visitId && !w.cancelled);
}

/** The visit after a loyalty operation: its live write-offs and its services at their prices. */
function visitResult(ctx: HandlerContext, loyalty: LoyaltyState, records: readonly SimRecord[], visitId: number) {
  const items = records.flatMap((r) =>
    r.service_ids.map((id) => {
      const service = ctx.state.services.find((s) => s.id === id);
      const price = service?.price_min ?? 0;
      return {
        id: 0,
        item_id: id,
        item_type_id: 1,
        record_id: r.id,
        item_title: service?.title ?? "",
        amount: 1,
        first_cost: price,
        manual_cost: price,
        discount: 0,
        cost: price,
        master_id: r.staff_id,
        good_id: 0,
        service_id: id,
        event_id: 0,
        is_service: true,
        is_event: false,
        is_good: false,
      };
    }),
  );
  return {
    payment_transactions: [],
    loyalty_transactions: liveWithdrawals(loyalty, visitId).map(withdrawalView),
    kkm_transaction_details_container: { last_operation_type: 1, transactions: [] },
    items,
  };
}

/** The card, the visit and its records named by the request; 404 when any is unknown. */
function target(ctx: HandlerContext) {
  const company = requireCompany(ctx.state, ctx.params.company_id);
  const loyalty = loyaltyState(ctx.state);
  const card =
    loyalty.cards.find((c) => c.id === Number(ctx.params.card_id) && !c.deleted && c.chain_id === company.chain_id) ??
    abort(fail(404, "Карта лояльности не найдена"));
  const body = isObject(ctx.body) ? ctx.body : {};
  const visitId = toInt(body.visit_id) ?? abort(invalid(422, { visit_id: ["Укажите визит"] }));
  const recordId = toInt(body.record_id) ?? abort(invalid(422, { record_id: ["Укажите запись"] }));
  const records = visitRecords(ctx, visitId, company.id);
  if (!records.some((r) => r.id === recordId)) abort(fail(404, "Визит не найден"));
  return { loyalty, card, body, visitId, recordId, records };
}

/**
 * Writes `amount` off the card towards the visit: it must be positive, covered by the card's balance and
 * no more than what the visit's services cost less what was already written off (422 otherwise).
 */
function applyWithdrawal(ctx: HandlerContext): SimResponse {
  const { loyalty, card, body, visitId, recordId, records } = target(ctx);
  const amount = typeof body.amount === "string" ? Number(body.amount) : body.amount;
  if (typeof amount !== "number" || !Number.isFinite(amount) || amount <= 0)
    return invalid(422, { amount: ["Сумма списания должна быть больше нуля"] });
  if (amount > card.balance) return invalid(422, { amount: ["Недостаточно средств на карте"] }, "Недостаточно средств");
  const paid = liveWithdrawals(loyalty, visitId).reduce((sum, w) => sum + w.amount, 0);
  if (roundMoney(paid + amount) > visitCost(ctx, records))
    return invalid(422, { amount: ["Сумма списания больше стоимости визита"] });
  card.balance = roundMoney(card.balance - amount);
  loyalty.withdrawals.push({
    id: nextId(ctx.state, "loyalty"),
    visit_id: visitId,
    record_id: recordId,
    card_id: card.id,
    chain_id: card.chain_id,
    company_id: records[0].company_id,
    amount: roundMoney(amount),
    created_at: ctx.now,
    cancelled: false,
  });
  return ok(visitResult(ctx, loyalty, records, visitId), {});
}

/** Returns every live write-off of this card in the visit to the card; 404 when there is none. */
function cancelWithdrawal(ctx: HandlerContext): SimResponse {
  const { loyalty, card, visitId, records } = target(ctx);
  const undone = liveWithdrawals(loyalty, visitId).filter((w) => w.card_id === card.id);
  if (!undone.length) return fail(404, "Списание с карты в визите не найдено");
  for (const w of undone) {
    w.cancelled = true;
    card.balance = roundMoney(card.balance + w.amount);
  }
  return ok(visitResult(ctx, loyalty, records, visitId), {});
}

/**
 * The chain's live card write-offs, oldest first, filtered like the API's list (period of creation, kinds,
 * companies, visits, card) and paged with `page` + `count`.
 */
function listChainTransactions(ctx: HandlerContext): SimResponse {
  const chainId = requireChain(ctx.state, ctx.params.chain_id);
  const q = ctx.query;
  const after = q.get("created_after");
  const before = q.get("created_before");
  const types = queryIds(q, "types");
  const companies = queryIds(q, "company_ids");
  const visits = queryIds(q, "visit_ids");
  const cardId = queryInt(q, "loyalty_card_id");
  const day = (w: SimCardWithdrawal) => new Date(w.created_at * 1000).toISOString().slice(0, 10);
  const all = loyaltyState(ctx.state)
    .withdrawals.filter((w) => w.chain_id === chainId && !w.cancelled)
    .filter((w) => (!after || day(w) >= after) && (!before || day(w) <= before))
    .filter(() => !types || types.includes(WITHDRAWAL_TYPE.id))
    .filter((w) => (!companies || companies.includes(w.company_id)) && (!visits || visits.includes(w.visit_id)))
    .filter((w) => cardId === undefined || w.card_id === cardId)
    .sort((a, b) => a.id - b.id);
  const page = slice(all, ctx.page ?? { page: 1, size: all.length || 1 });
  return ok(page.map(withdrawalView), { count: page.length });
}

function listVisitTransactions(ctx: HandlerContext): SimResponse {
  const visitId = Number(ctx.params.visit_id);
  if (!visitRecords(ctx, visitId).length) return fail(404, "Визит не найден");
  return ok(liveWithdrawals(loyaltyState(ctx.state), visitId).map(withdrawalView));
}

export const loyaltyVisitHandlers: HandlerTable = {
  "POST /visit/loyalty/apply_card_withdrawal/{company_id}/{card_id}": ownBody(applyWithdrawal),
  "POST /visit/loyalty/cancel_card_withdrawal/{company_id}/{card_id}": ownBody(cancelWithdrawal),
  "GET /visit/loyalty/transactions/{visit_id}": listVisitTransactions,
  "GET /chain/{chain_id}/loyalty/transactions": listChainTransactions,
};
