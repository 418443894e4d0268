// The money state as collections of the CRUD engine: cash desks and bank accounts and warehouses (read only),
// finance transactions, storage documents and their goods lines. Sales, storage operations and a visit's money
// stay hand-written (handlers/money/), on the same rows.
import { collection, inArea } from "../engine/collection.js";
import { rowOf } from "../engine/engine.js";
import type { HandlerContext } from "../handlers/context.js";
import { isObject, text, toInt } from "../handlers/input.js";
import {
  documentPayments,
  documentView,
  finiteNumber,
  lineView,
  ofCompany,
  transactionListView,
  transactionView,
} from "../handlers/money/common.js";
import { liveLines, readDocument, readLine, returnStock, stockLine } from "../handlers/money/storage.js";
import { moneyState, newDocument, newTransaction, roundMoney, type MoneyTransaction } from "../money-state.js";
import { FieldErrors, abort, invalid } from "../reply.js";

export const accounts = collection({
  ...inArea(moneyState, "accounts", "money"),
  notFound: "Касса не найдена",
  view: (a) => ({ id: a.id, title: a.title, type: a.type, comment: a.comment }),
});

export const storages = collection({
  ...inArea(moneyState, "storages", "money"),
  notFound: "Склад не найден",
  view: ({ id, title, for_service, for_sale, comment }) => ({ id, title, for_service, for_sale, comment }),
});

/** Reads and checks a finance transaction body; answers 422 naming every bad field. */
function readTransaction(ctx: HandlerContext, companyId: number) {
  const body = isObject(ctx.body) ? ctx.body : {};
  const money = moneyState(ctx.state);
  const errors = new FieldErrors();
  const amount = finiteNumber(body.amount);
  if (amount === undefined || amount === 0) errors.add("amount", "Сумма должна быть числом, отличным от нуля");
  const accountId = toInt(body.account_id);
  if (!ofCompany(money.accounts, companyId, accountId)) errors.add("account_id", "Касса не найдена");
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

/** The search lists answer in their own shape; a document's lists, by its id in the path, like a get. */
const isSearch = (ctx: HandlerContext) => ctx.op.sim?.action === "list" && ctx.params.document_id === undefined;

/** A list filter on an id field; 0 or nothing means any. */
const sameId =
  (field: keyof MoneyTransaction) =>
  (t: MoneyTransaction, value: string): boolean =>
    !toInt(value) || t[field] === toInt(value);

/** Finance transactions: deleted ones are kept (marked) and listed only with `deleted=1`. */
export const transactions = collection({
  ...inArea(moneyState, "transactions", "money"),
  notFound: "Транзакция не найдена",
  live: (t, ctx) => !t.deleted || (ctx.op.sim?.action === "list" && ctx.query.get("deleted") === "1"),
  filters: {
    account_id: sameId("account_id"),
    supplier_id: sameId("supplier_id"),
    client_id: sameId("client_id"),
    master_id: sameId("master_id"),
    document_id: sameId("document_id"),
    type: sameId("expense_id"),
    /** 1 income, 2 expenses. */
    balance_is: (t, value) => (value === "1" ? t.amount > 0 : value === "2" ? t.amount < 0 : true),
    start_date: (t, value) => t.date.slice(0, 10) >= value,
    end_date: (t, value) => t.date.slice(0, 10) <= value,
  },
  order: (a, b) => b.date.localeCompare(a.date) || b.id - a.id,
  /** A document's payments (by the path's `document_id`) answer in the single-object shape. */
  parent: (ctx) => ctx.params.document_id === undefined || rowOf(documents, ctx),
  view: (t, ctx) => (isSearch(ctx) ? transactionListView(ctx, t) : transactionView(ctx, t)),
  create: (ctx, companyId) => newTransaction(ctx.now, { company_id: companyId, ...readTransaction(ctx, companyId) }),
  update: (t, ctx) => void Object.assign(t, readTransaction(ctx, t.company_id), { updated_at: ctx.now }),
  remove: (t, ctx) => void Object.assign(t, { deleted: true, updated_at: ctx.now }),
});

/** Storage documents; deleting one takes back its lines' stock movements and cancels its payments. */
export const documents = collection({
  ...inArea(moneyState, "documents", "money"),
  notFound: "Документ не найден",
  live: (d) => !d.deleted,
  view: (d, ctx) => documentView(ctx, d),
  create(ctx, companyId) {
    const userId = ctx.session?.kind === "staff" ? ctx.session.user.id : 0;
    return newDocument(ctx.state, { company_id: companyId, user_id: userId, ...readDocument(ctx, companyId) });
  },
  update(document, ctx) {
    const fields = readDocument(ctx, document.company_id);
    const moved = fields.type_id !== document.type_id || fields.storage_id !== document.storage_id;
    // Changing the direction or the warehouse of lines already booked would need their stock moved again.
    if (moved && liveLines(ctx, document).length)
      abort(invalid(422, { type_id: ["Нельзя изменить тип или склад документа с товарными транзакциями"] }));
    Object.assign(document, fields);
  },
  remove(document, ctx) {
    for (const line of liveLines(ctx, document)) goodsLines.remove!(line, ctx);
    for (const t of documentPayments(ctx.state, document.id)) transactions.remove!(t, ctx);
    document.deleted = true;
  },
});

/** Goods lines of documents: each moves its product's stock; the search (the one list) sends money as strings. */
export const goodsLines = collection({
  ...inArea(moneyState, "goodsLines", "money"),
  notFound: "Товарная транзакция не найдена",
  live: (l) => !l.deleted,
  filters: { document_id: (l, value) => l.document_id === toInt(value) },
  order: (a, b) => b.created_at - a.created_at || b.id - a.id,
  /** A document's lines (by the path's `document_id`) answer in the single-object shape, counted. */
  parent: (ctx) => ctx.params.document_id === undefined || rowOf(documents, ctx),
  listMeta: (lines, ctx) => (ctx.params.document_id ? { count: lines.length } : undefined),
  view: (l, ctx) => lineView(ctx, l, isSearch(ctx)),
  create(ctx, companyId) {
    const errors = new FieldErrors();
    const document = ofCompany(moneyState(ctx.state).documents, companyId, toInt(ctx.body?.document_id));
    if (!document || document.deleted) errors.add("document_id", "Документ не найден");
    const input = readLine(ctx, companyId, ctx.body, "", errors);
    errors.check();
    return stockLine(ctx, document!, input);
  },
  /** Undoes the line's movement, then books the new one on the same line and warehouse. */
  update(line, ctx) {
    const document = moneyState(ctx.state).documents.find((d) => d.id === line.document_id)!;
    const errors = new FieldErrors();
    const input = readLine(ctx, line.company_id, ctx.body, "", errors);
    errors.check();
    returnStock(ctx, line);
    const { created_at } = line;
    Object.assign(line, stockLine(ctx, { ...document, storage_id: line.storage_id }, input), { created_at });
  },
  remove(line, ctx) {
    returnStock(ctx, line);
    Object.assign(line, { deleted: true, updated_at: ctx.now });
  },
});
