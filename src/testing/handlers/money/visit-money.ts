// The goods and payments of a visit (`PUT /visits/...`) and the visit's details built from its document.
import { moneyState, roundMoney } from "../../money-state.js";
import { FieldErrors } from "../../reply.js";
import { nextId, type SimRecord } from "../../state.js";
import { SERVICES_ITEM, visitDocument, visitServices } from "../../visit-document.js";
import { requireCompany } from "../scope.js";
import type { HandlerContext } from "../context.js";
import { isObject, toInt } from "../input.js";

import { finiteNumber, transactionView } from "./common.js";
import { readLine, bookLine } from "./storage.js";

// ---- goods and payments of a visit -------------------------------------------------------------

/**
 * The money part of `PUT /visits/{visit_id}/{record_id}` (called by the visits handler before it changes
 * anything): goods sold in the visit become goods lines of the visit's document (type 7, created on first
 * use) and leave the shop warehouse; `new_transactions` become income on their accounts, linked to the
 * record and the visit; `deleted_transaction_ids` cancel the visit's payments. A goods line whose `id` is
 * already a line of the visit is left as it is (the API resends the visit's whole list). Unknown goods or
 * accounts are refused with 422 before anything changes.
 */
export function applyVisitMoney(ctx: HandlerContext, recordId: number, visitId: number, companyId: number): void {
  const body = isObject(ctx.body) ? ctx.body : {};
  const money = moneyState(ctx.state);
  const company = requireCompany(ctx.state, String(companyId));
  const errors = new FieldErrors();
  const shop = money.storages.find((s) => s.company_id === company.id && s.for_sale === 1);
  const record = ctx.state.records.find((r) => r.id === recordId)!;
  const document = visitDocument(ctx.state, record);
  const known = new Set(money.goodsLines.filter((l) => l.document_id === document.id && !l.deleted).map((l) => l.id));

  const goodsItems = (Array.isArray(body.goods_transactions) ? body.goods_transactions : []).filter(
    (item: unknown) => !(isObject(item) && known.has(toInt(item.id) ?? -1)),
  );
  const inputs = goodsItems.map((raw: unknown, i: number) => {
    const item = isObject(raw) ? raw : {};
    // The visit form sends quantities signed and numbers as strings; the line is booked from their size.
    const normalized = { ...item, amount: Math.abs(finiteNumber(item.amount) ?? NaN) };
    const storageId = toInt(item.storage_id) ?? shop?.id;
    if (!money.storages.some((s) => s.id === storageId && s.company_id === company.id))
      errors.add(`goods_transactions.${i}.storage_id`, "Склад не найден");
    return { input: readLine(money, company, normalized, `goods_transactions.${i}.`, errors), storageId: storageId! };
  });
  const payments = (Array.isArray(body.new_transactions) ? body.new_transactions : []).map(
    (raw: unknown, i: number) => {
      const item = isObject(raw) ? raw : {};
      const amount = finiteNumber(item.amount);
      const accountId = toInt(item.account_id);
      if (amount === undefined || amount <= 0)
        errors.add(`new_transactions.${i}.amount`, "Сумма должна быть больше нуля");
      if (!money.accounts.some((a) => a.id === accountId && a.company_id === company.id))
        errors.add(`new_transactions.${i}.account_id`, "Касса не найдена");
      return { amount: roundMoney(amount ?? 0), accountId: accountId! };
    },
  );
  errors.check();

  for (const { input, storageId } of inputs) {
    // The line is booked on the warehouse the item names, with the visit document's direction (out).
    bookLine(ctx, money, { ...document, storage_id: storageId }, input);
  }
  for (const { amount, accountId } of payments) {
    const doc = document;
    money.transactions.push({
      id: nextId(ctx.state, "money"),
      company_id: company.id,
      document_id: doc.id,
      expense_id: SERVICES_ITEM,
      account_id: accountId,
      amount,
      client_id: 0,
      master_id: 0,
      supplier_id: 0,
      comment: "",
      date: doc.create_date,
      record_id: recordId,
      visit_id: visitId,
      goods_transaction_id: 0,
      updated_at: ctx.now,
      deleted: false,
    });
  }
  const cancel = new Set((Array.isArray(body.deleted_transaction_ids) ? body.deleted_transaction_ids : []).map(toInt));
  for (const t of money.transactions) {
    if (t.visit_id === visitId && !t.deleted && cancel.has(t.id)) {
      t.deleted = true;
      t.updated_at = ctx.now;
    }
  }
}

/** What was sold and paid in a visit: its services and goods, and the payments booked on its document. */
export function visitDetailsView(ctx: HandlerContext, record: SimRecord): Record<string, unknown> {
  const money = moneyState(ctx.state);
  const document = visitDocument(ctx.state, record);
  const company = requireCompany(ctx.state, String(record.company_id));
  const lines = money.goodsLines.filter((l) => l.document_id === document.id && !l.deleted);
  const payments = money.transactions.filter((t) => t.document_id === document.id && !t.deleted);
  const serviceItems = visitServices(ctx.state, document).map(({ record: r, service }) => ({
    id: 0,
    item_id: service.id,
    item_type_id: 1,
    record_id: r.id,
    item_title: service.title,
    amount: 1,
    first_cost: service.price_min,
    manual_cost: service.price_min,
    discount: 0,
    cost: service.price_min,
    master_id: r.staff_id,
    good_id: 0,
    service_id: service.id,
    event_id: 0,
    is_service: true,
    is_event: false,
    is_good: false,
  }));
  const goodItems = lines.map((l) => ({
    id: l.id,
    item_id: l.good_id,
    item_type_id: 2,
    record_id: record.id,
    item_title: money.goods.find((g) => g.id === l.good_id)?.title ?? "",
    amount: Math.abs(l.amount),
    first_cost: roundMoney(l.cost_per_unit * Math.abs(l.amount)),
    manual_cost: l.cost,
    discount: l.discount,
    cost: l.cost,
    master_id: 0,
    good_id: l.good_id,
    service_id: 0,
    event_id: 0,
    is_service: false,
    is_event: false,
    is_good: true,
  }));
  return {
    // The same shape as the finance transaction endpoints give for these payments.
    payment_transactions: payments.map((t) => transactionView(ctx, money, t, company)),
    loyalty_transactions: [],
    kkm_transaction_details_container: { last_operation_type: 0, transactions: [] },
    items: [...serviceItems, ...goodItems],
  };
}
