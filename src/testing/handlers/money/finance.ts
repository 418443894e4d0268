// A visit's finance transactions and sales: a sale's amount due is the sum of its lines (and, for a visit's
// document, its services) less its payments; paying books an income transaction. The CRUD of finance
// transactions is declared in collections/money.ts.
import { GOODS_SALE_ITEM, bookTransaction, moneyState, roundMoney, type StorageDocument } from "../../money-state.js";
import { FieldErrors, abort, fail, ok, type SimResponse } from "../../reply.js";
import { SERVICES_ITEM, visitServices } from "../../visit-document.js";
import type { HandlerContext, HandlerTable } from "../context.js";
import { isObject, queryInt, toInt } from "../input.js";
import { requireCompany } from "../scope.js";
import { documents } from "../../collections/money.js";
import { rowOf } from "../../engine/engine.js";
import { shaped } from "../../engine/shape.js";
import { accountRef, documentPayments, finiteNumber, ofCompany, titled, transactionListView } from "./common.js";
import { liveLines } from "./storage.js";

function listVisitTransactions(ctx: HandlerContext): SimResponse {
  const company = requireCompany(ctx.state, ctx.params.company_id);
  const recordId = queryInt(ctx.query, "record_id");
  const visitId = queryInt(ctx.query, "visit_id");
  // Without a record or visit there is nothing to match (the API's answer to that is not documented).
  const found = moneyState(ctx.state)
    .transactions.filter((t) => t.company_id === company.id && !t.deleted)
    .filter((t) => (recordId && t.record_id === recordId) || (visitId && t.visit_id === visitId));
  return ok(found.map((t) => transactionListView(ctx, t)));
}

function saleOf(ctx: HandlerContext, document: StorageDocument) {
  const money = moneyState(ctx.state);
  const lines = liveLines(ctx, document);
  // A visit's document also sells the services of the visit's records.
  const services = visitServices(ctx.state, document).map(({ service }) => service);
  const payments = documentPayments(ctx.state, document.id);
  const total = [...lines.map((l) => l.cost), ...services.map((s) => s.price_min)].reduce((a, b) => a + b, 0);
  const due = roundMoney(total - payments.reduce((sum, t) => sum + t.amount, 0));
  const serviceItems = services.map((s) =>
    shaped("SaleItem", s, {
      type: "service",
      document_id: document.id,
      amount: 1,
      default_cost_per_unit: s.price_min,
      default_cost_total: s.price_min,
      cost_to_pay_total: s.price_min,
    }),
  );
  const goodItems = lines.map((l) => {
    const quantity = Math.abs(l.amount);
    return shaped("SaleItem", l, {
      type: "good",
      title: titled(money.goods, l.good_id).title,
      amount: quantity,
      default_cost_per_unit: l.cost_per_unit,
      default_cost_total: roundMoney(l.cost_per_unit * quantity),
      client_discount_percent: l.discount,
      cost_to_pay_total: l.cost,
    });
  });
  const paymentViews = payments.map((t) =>
    shaped("SalePaymentTransaction", t, {
      sale_item_id: t.goods_transaction_id,
      sale_item_type: "good",
      account: accountRef(money, t.account_id),
      expense: titled(money.paymentItems, t.expense_id),
    }),
  );
  const methods = money.accounts
    .filter((a) => a.company_id === document.company_id)
    .map((a) =>
      shaped("SalePaymentMethod", {
        slug: "account",
        is_applicable: due > 0,
        applicable_amount: Math.max(due, 0),
        account_id: a.id,
        account: { id: a.id, title: a.title, is_cash: a.type === 0 },
      }),
    );
  return {
    due,
    view: {
      state: { items: [...serviceItems, ...goodItems], loyalty_transactions: [], payment_transactions: paymentViews },
      kkm_state: { last_operation_type: 0, transactions: [] },
      payment_methods: methods,
    },
  };
}

const saleDocument = (ctx: HandlerContext) => rowOf(documents, ctx, "document_id");

function getSale(ctx: HandlerContext): SimResponse {
  return ok(saleOf(ctx, saleDocument(ctx)).view);
}

function paySale(ctx: HandlerContext): SimResponse {
  const document = saleDocument(ctx);
  const payment = isObject(ctx.body) && isObject(ctx.body.payment) ? ctx.body.payment : {};
  const method = isObject(payment.method) ? payment.method : {};
  const amount = finiteNumber(payment.amount);
  const { due } = saleOf(ctx, document);
  const errors = new FieldErrors();
  // Only account payments are simulated; loyalty means are not applicable to simulated sales.
  if (method.slug !== "account") errors.add("payment.method.slug", "Способ оплаты недоступен");
  const accountId = toInt(method.account_id);
  if (method.slug === "account" && !ofCompany(moneyState(ctx.state).accounts, document.company_id, accountId))
    errors.add("payment.method.account_id", "Касса не найдена");
  if (amount === undefined || amount <= 0) errors.add("payment.amount", "Сумма должна быть больше нуля");
  else if (roundMoney(amount) > due) errors.add("payment.amount", `Сумма больше остатка к оплате (${due})`);
  errors.check();
  const isVisit = document.type_id === 7;
  bookTransaction(ctx.state, ctx.now, {
    company_id: document.company_id,
    document_id: document.id,
    expense_id: isVisit ? SERVICES_ITEM : GOODS_SALE_ITEM,
    account_id: accountId!,
    amount: roundMoney(amount!),
    date: document.create_date,
    record_id: isVisit ? (visitServices(ctx.state, document)[0]?.record.id ?? 0) : 0,
    visit_id: isVisit ? (document.visit_id ?? 0) : 0,
  });
  return ok(saleOf(ctx, document).view);
}

function deleteSalePayment(ctx: HandlerContext): SimResponse {
  const document = saleDocument(ctx);
  const id = toInt(ctx.params.payment_transaction_id);
  const t =
    documentPayments(ctx.state, document.id).find((x) => x.id === id) ?? abort(fail(404, "Транзакция не найдена"));
  Object.assign(t, { deleted: true, updated_at: ctx.now });
  return ok(saleOf(ctx, document).view);
}

export const financeHandlers: HandlerTable = {
  "GET /timetable/transactions/{company_id}": listVisitTransactions,
  "GET /company/{company_id}/sale/{document_id}": getSale,
  "POST /company/{company_id}/sale/{document_id}/payment": paySale,
  "DELETE /company/{company_id}/sale/{document_id}/payment/payment_transaction/{payment_transaction_id}":
    deleteSalePayment,
};
