// Accounts, finance transactions (list, create, get, update, delete, by visit) and sale payments: a sale's amount
// due is the sum of its lines less its payments; paying books an income transaction.
import {
  GOODS_SALE_ITEM,
  roundMoney,
  type MoneyState,
  type MoneyTransaction,
  type StorageDocument,
} from "../../money-state.js";
import { slice } from "../../page-request.js";
import { FieldErrors, ok, type SimResponse } from "../../reply.js";
import { nextId, type Company } from "../../state.js";
import { SERVICES_ITEM, visitServices } from "../../visit-document.js";
import type { HandlerContext, HandlerTable } from "../context.js";
import { isObject, queryInt, text, toInt } from "../input.js";

import {
  context,
  notFound,
  findDocument,
  findTransaction,
  finiteNumber,
  accountRef,
  itemRef,
  transactionView,
  transactionListView,
} from "./common.js";

// ---- accounts and finance transactions --------------------------------------------------------

/** Reads and checks a finance transaction body; answers 422 naming every bad field. */
function readTransactionBody(ctx: HandlerContext, money: MoneyState, company: Company) {
  const body = isObject(ctx.body) ? ctx.body : {};
  const errors = new FieldErrors();
  const amount = finiteNumber(body.amount);
  if (amount === undefined || amount === 0) errors.add("amount", "Сумма должна быть числом, отличным от нуля");
  const accountId = toInt(body.account_id);
  if (!money.accounts.some((a) => a.id === accountId && a.company_id === company.id))
    errors.add("account_id", "Касса не найдена");
  const expenseId = toInt(body.expense_id ?? body.type_id);
  if (!money.paymentItems.some((p) => p.id === expenseId)) errors.add("expense_id", "Статья платежа не найдена");
  const date = text(body.date);
  if (!/^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}(:\d{2})?)?$/.test(date))
    errors.add("date", "Дата должна быть в формате YYYY-MM-DD HH:MM:SS");
  errors.check();
  return {
    amount: roundMoney(amount!),
    account_id: accountId!,
    expense_id: expenseId!,
    date: date.length === 10 ? `${date} 00:00:00` : date.length === 16 ? `${date}:00` : date,
    client_id: toInt(body.client_id) ?? 0,
    master_id: toInt(body.master_id) ?? 0,
    supplier_id: toInt(body.supplier_id) ?? 0,
    document_id: toInt(body.document_id) ?? 0,
    comment: text(body.comment),
  };
}

function createTransaction(ctx: HandlerContext): SimResponse {
  const { money, company } = context(ctx);
  const fields = readTransactionBody(ctx, money, company);
  const t: MoneyTransaction = {
    id: nextId(ctx.state, "money"),
    company_id: company.id,
    record_id: 0,
    visit_id: 0,
    goods_transaction_id: 0,
    updated_at: ctx.now,
    deleted: false,
    ...fields,
  };
  money.transactions.push(t);
  return ok(transactionView(ctx, money, t, company));
}

function getTransaction(ctx: HandlerContext): SimResponse {
  const { money, company } = context(ctx);
  return ok(transactionView(ctx, money, findTransaction(money, ctx.params.transaction_id, company.id), company));
}

function updateTransaction(ctx: HandlerContext): SimResponse {
  const { money, company } = context(ctx);
  const t = findTransaction(money, ctx.params.transaction_id, company.id);
  Object.assign(t, readTransactionBody(ctx, money, company), { updated_at: ctx.now });
  return ok(transactionView(ctx, money, t, company));
}

function deleteTransaction(ctx: HandlerContext): SimResponse {
  const { money, company } = context(ctx);
  const t = findTransaction(money, ctx.params.transaction_id, company.id);
  t.deleted = true;
  t.updated_at = ctx.now;
  return { status: 202, body: { success: true, data: null, meta: { message: "Accepted" } } };
}

function listTransactions(ctx: HandlerContext): SimResponse {
  const { money, company } = context(ctx);
  const q = ctx.query;
  const filters: Array<[string, keyof MoneyTransaction]> = [
    ["account_id", "account_id"],
    ["supplier_id", "supplier_id"],
    ["client_id", "client_id"],
    ["master_id", "master_id"],
    ["document_id", "document_id"],
    ["type", "expense_id"],
  ];
  const balanceIs = queryInt(q, "balance_is") ?? 0;
  const withDeleted = queryInt(q, "deleted") === 1;
  const from = q.get("start_date") || undefined;
  const till = q.get("end_date") || undefined;
  const all = money.transactions
    .filter((t) => t.company_id === company.id && (withDeleted || !t.deleted))
    .filter((t) =>
      filters.every(([param, field]) => {
        const wanted = queryInt(q, param);
        return !wanted || t[field] === wanted;
      }),
    )
    .filter((t) => balanceIs === 0 || (balanceIs === 1 ? t.amount > 0 : t.amount < 0))
    .filter((t) => (!from || t.date.slice(0, 10) >= from) && (!till || t.date.slice(0, 10) <= till))
    .sort((a, b) => b.date.localeCompare(a.date) || b.id - a.id);
  const page = ctx.page ?? { page: 1, size: all.length || 1 };
  return ok(slice(all, page).map((t) => transactionListView(ctx, money, t, company)));
}

function listVisitTransactions(ctx: HandlerContext): SimResponse {
  const { money, company } = context(ctx);
  const recordId = queryInt(ctx.query, "record_id");
  const visitId = queryInt(ctx.query, "visit_id");
  // Without a record or visit there is nothing to match (the API's answer to that is not documented).
  if (!recordId && !visitId) return ok([]);
  const found = money.transactions.filter(
    (t) =>
      t.company_id === company.id &&
      !t.deleted &&
      ((recordId && t.record_id === recordId) || (visitId && t.visit_id === visitId)),
  );
  return ok(found.map((t) => transactionListView(ctx, money, t, company)));
}

// ---- sales ------------------------------------------------------------------------------------

function saleOf(ctx: HandlerContext, money: MoneyState, document: StorageDocument) {
  const lines = money.goodsLines.filter((l) => l.document_id === document.id && !l.deleted);
  // A visit's document also sells the services of the visit's records.
  const services = visitServices(ctx.state, document);
  const payments = money.transactions.filter((t) => t.document_id === document.id && !t.deleted);
  const total =
    lines.reduce((sum, l) => sum + l.cost, 0) + services.reduce((sum, { service }) => sum + service.price_min, 0);
  const due = roundMoney(total - payments.reduce((sum, t) => sum + t.amount, 0));
  const accounts = money.accounts.filter((a) => a.company_id === document.company_id);
  return {
    due,
    view: {
      state: {
        items: [
          ...services.map(({ service }) => ({
            id: service.id,
            type: "service",
            document_id: document.id,
            title: service.title,
            amount: 1,
            default_cost_per_unit: service.price_min,
            default_cost_total: service.price_min,
            client_discount_percent: 0,
            cost_to_pay_total: service.price_min,
          })),
          ...lines.map((l) => {
            const quantity = Math.abs(l.amount);
            return {
              id: l.id,
              type: "good",
              document_id: l.document_id,
              title: money.goods.find((g) => g.id === l.good_id)?.title ?? "",
              amount: quantity,
              default_cost_per_unit: l.cost_per_unit,
              default_cost_total: roundMoney(l.cost_per_unit * quantity),
              client_discount_percent: l.discount,
              cost_to_pay_total: l.cost,
            };
          }),
        ],
        loyalty_transactions: [],
        payment_transactions: payments.map((t) => ({
          id: t.id,
          document_id: t.document_id,
          sale_item_id: t.goods_transaction_id,
          sale_item_type: "good",
          expense_id: t.expense_id,
          account_id: t.account_id,
          amount: t.amount,
          account: accountRef(money, t.account_id),
          expense: itemRef(money, t.expense_id),
        })),
      },
      kkm_state: { last_operation_type: 0, transactions: [] },
      payment_methods: accounts.map((a) => ({
        slug: "account",
        is_applicable: due > 0,
        applicable_amount: Math.max(due, 0),
        applicable_count: 0,
        applicable_value: 0,
        account_id: a.id,
        account: { id: a.id, title: a.title, is_cash: a.type === 0 },
      })),
    },
  };
}

function getSale(ctx: HandlerContext): SimResponse {
  const { money, company } = context(ctx);
  return ok(saleOf(ctx, money, findDocument(money, ctx.params.document_id, company.id)).view);
}

function paySale(ctx: HandlerContext): SimResponse {
  const { money, company } = context(ctx);
  const document = findDocument(money, ctx.params.document_id, company.id);
  const payment = isObject(ctx.body) && isObject(ctx.body.payment) ? ctx.body.payment : {};
  const method = isObject(payment.method) ? payment.method : {};
  const amount = finiteNumber(payment.amount);
  const { due } = saleOf(ctx, money, document);
  const errors = new FieldErrors();
  // Only account payments are simulated; loyalty means are not applicable to simulated sales.
  if (method.slug !== "account") errors.add("payment.method.slug", "Способ оплаты недоступен");
  const accountId = toInt(method.account_id);
  if (method.slug === "account" && !money.accounts.some((a) => a.id === accountId && a.company_id === company.id))
    errors.add("payment.method.account_id", "Касса не найдена");
  if (amount === undefined || amount <= 0) errors.add("payment.amount", "Сумма должна быть больше нуля");
  else if (roundMoney(amount) > due) errors.add("payment.amount", `Сумма больше остатка к оплате (${due})`);
  errors.check();
  const isVisit = document.type_id === 7;
  money.transactions.push({
    id: nextId(ctx.state, "money"),
    company_id: company.id,
    document_id: document.id,
    expense_id: isVisit ? SERVICES_ITEM : GOODS_SALE_ITEM,
    account_id: accountId!,
    amount: roundMoney(amount!),
    client_id: 0,
    master_id: 0,
    supplier_id: 0,
    comment: "",
    date: document.create_date,
    record_id: isVisit ? (visitServices(ctx.state, document)[0]?.record.id ?? 0) : 0,
    visit_id: isVisit ? (document.visit_id ?? 0) : 0,
    goods_transaction_id: 0,
    updated_at: ctx.now,
    deleted: false,
  });
  return ok(saleOf(ctx, money, document).view);
}

function deleteSalePayment(ctx: HandlerContext): SimResponse {
  const { money, company } = context(ctx);
  const document = findDocument(money, ctx.params.document_id, company.id);
  const id = toInt(ctx.params.payment_transaction_id);
  const t =
    money.transactions.find((x) => x.id === id && x.document_id === document.id && !x.deleted) ??
    notFound("Транзакция");
  t.deleted = true;
  t.updated_at = ctx.now;
  return ok(saleOf(ctx, money, document).view);
}

export const financeHandlers: HandlerTable = {
  "GET /transactions/{company_id}": listTransactions,
  "GET /timetable/transactions/{company_id}": listVisitTransactions,
  "POST /finance_transactions/{company_id}": createTransaction,
  "GET /finance_transactions/{company_id}/{transaction_id}": getTransaction,
  "PUT /finance_transactions/{company_id}/{transaction_id}": updateTransaction,
  "DELETE /finance_transactions/{company_id}/{transaction_id}": deleteTransaction,
  "GET /company/{company_id}/sale/{document_id}": getSale,
  "POST /company/{company_id}/sale/{document_id}/payment": paySale,
  "DELETE /company/{company_id}/sale/{document_id}/payment/payment_transaction/{payment_transaction_id}":
    deleteSalePayment,
};
