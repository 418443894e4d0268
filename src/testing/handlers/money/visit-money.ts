// The goods and payments of a visit (`PUT /visits/...`) and the visit's details built from its document.
import { shaped } from "../../engine/shape.js";
import { bookTransaction, moneyState, roundMoney, shopOf } from "../../money-state.js";
import { FieldErrors } from "../../reply.js";
import type { SimRecord } from "../../state.js";
import { SERVICES_ITEM, visitDocument, visitIdOf, visitServices } from "../../visit-document.js";
import { requireCompany } from "../scope.js";
import type { HandlerContext } from "../context.js";
import { isObject, toInt } from "../input.js";
import { documentPayments, finiteNumber, ofCompany, titled, transactionView } from "./common.js";
import { bookLine, liveLines, readLine } from "./storage.js";
import { liveWithdrawals, withdrawalView } from "../../collections/loyalty.js";

const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/**
 * The money part of `PUT /visits/{visit_id}/{record_id}` (called by the visits handler before it changes
 * anything): goods sold in the visit become goods lines of the visit's document (type 7, created on first
 * use) and leave the shop warehouse; `new_transactions` become income on their accounts, linked to the
 * record and the visit; `deleted_transaction_ids` cancel the visit's payments. A goods line whose `id` is
 * already a line of the visit is left as it is (the API resends the visit's whole list). Unknown goods or
 * accounts are refused with 422 before anything changes.
 */
export function applyVisitMoney(ctx: HandlerContext, record: SimRecord): void {
  const body = isObject(ctx.body) ? ctx.body : {};
  const money = moneyState(ctx.state);
  const company = requireCompany(ctx.state, String(record.company_id));
  const visitId = visitIdOf(record);
  const errors = new FieldErrors();
  const shop = shopOf(ctx.state, company.id);
  const document = visitDocument(ctx.state, record);
  const known = new Set(liveLines(ctx, document).map((l) => l.id));

  const goodsItems = listOf(body.goods_transactions).filter((item) => !(isObject(item) && known.has(toInt(item.id)!)));
  const goods = goodsItems.map((raw, i) => {
    const item = isObject(raw) ? raw : {};
    // The visit form sends quantities signed and numbers as strings; the line is booked from their size.
    const normalized = { ...item, amount: Math.abs(finiteNumber(item.amount) ?? NaN) };
    const storageId = toInt(item.storage_id) ?? shop?.id;
    if (!ofCompany(money.storages, company.id, storageId))
      errors.add(`goods_transactions.${i}.storage_id`, "Склад не найден");
    return { input: readLine(ctx, company.id, normalized, `goods_transactions.${i}.`, errors), storageId: storageId! };
  });
  const payments = listOf(body.new_transactions).map((raw, i) => {
    const item = isObject(raw) ? raw : {};
    const amount = finiteNumber(item.amount);
    const accountId = toInt(item.account_id);
    if (amount === undefined || amount <= 0)
      errors.add(`new_transactions.${i}.amount`, "Сумма должна быть больше нуля");
    if (!ofCompany(money.accounts, company.id, accountId))
      errors.add(`new_transactions.${i}.account_id`, "Касса не найдена");
    return { amount: roundMoney(amount ?? 0), account_id: accountId! };
  });
  errors.check();

  // A line is booked on the warehouse its item names, with the visit document's direction (out).
  for (const { input, storageId } of goods) bookLine(ctx, { ...document, storage_id: storageId }, input);
  const link = { document_id: document.id, record_id: record.id, visit_id: visitId, date: document.create_date };
  for (const payment of payments)
    bookTransaction(ctx.state, ctx.now, { company_id: company.id, expense_id: SERVICES_ITEM, ...link, ...payment });
  const cancel = new Set(listOf(body.deleted_transaction_ids).map(toInt));
  const cancelled = money.transactions.filter((t) => t.visit_id === visitId && !t.deleted && cancel.has(t.id));
  for (const t of cancelled) Object.assign(t, { deleted: true, updated_at: ctx.now });
}

/**
 * What was sold and paid in a visit: its services and goods, the payments booked on its document and the
 * loyalty card write-offs towards it.
 */
export function visitDetailsView(ctx: HandlerContext, record: SimRecord): Record<string, unknown> {
  const money = moneyState(ctx.state);
  const document = visitDocument(ctx.state, record);
  const payments = documentPayments(ctx.state, document.id);
  const serviceItems = visitServices(ctx.state, document).map(({ record: r, service }) =>
    shaped("LoyaltyVisitItem", service, {
      id: 0,
      item_id: service.id,
      item_type_id: 1,
      record_id: r.id,
      item_title: service.title,
      amount: 1,
      first_cost: service.price_min,
      manual_cost: service.price_min,
      cost: service.price_min,
      master_id: r.staff_id,
      service_id: service.id,
      is_service: true,
    }),
  );
  const goodItems = liveLines(ctx, document).map((l) => {
    const amount = Math.abs(l.amount);
    return shaped("LoyaltyVisitItem", l, {
      item_id: l.good_id,
      item_type_id: 2,
      record_id: record.id,
      item_title: titled(money.goods, l.good_id).title,
      amount,
      first_cost: roundMoney(l.cost_per_unit * amount),
      manual_cost: l.cost,
      master_id: 0,
      is_good: true,
    });
  });
  const withdrawals = liveWithdrawals(ctx.state, visitIdOf(record));
  return {
    // The same shape as the finance transaction endpoints give for these payments.
    payment_transactions: payments.map((t) => transactionView(ctx, t)),
    loyalty_transactions: withdrawals.map(withdrawalView),
    kkm_transaction_details_container: { last_operation_type: 0, transactions: [] },
    items: [...serviceItems, ...goodItems],
  };
}
