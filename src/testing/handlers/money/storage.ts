// Stock: reading and booking goods lines (each moves a product's stock in its warehouse), and storage operations
// (a document with its lines in one request; a paid sale books income). The CRUD of documents and lines, and a
// document's lists, are declared in collections/money.ts.
import {
  GOODS_SALE_ITEM,
  bookTransaction,
  moneyState,
  moveStock,
  openDocument,
  roundMoney,
  stockSign,
  type GoodsLine,
  type StorageDocument,
} from "../../money-state.js";
import { FieldErrors, ok, type SimResponse } from "../../reply.js";
import { addRow } from "../../state.js";
import type { HandlerContext, HandlerTable } from "../context.js";
import { isObject, text, toInt } from "../input.js";
import { requireCompany } from "../scope.js";
import { documentView, finiteNumber, lineView, ofCompany } from "./common.js";

/** Types a storage document may be created with; 7 (visit) documents come from visit updates only. */
const STORAGE_DOCUMENT_TYPES = new Set([1, 3, 4, 5]);

/** Reads a document's type, warehouse, date and comment; answers 422 naming every bad field. */
export function readDocument(ctx: HandlerContext, companyId: number) {
  const body = isObject(ctx.body) ? ctx.body : {};
  const errors = new FieldErrors();
  const typeId = toInt(body.type_id);
  if (typeId === undefined || !STORAGE_DOCUMENT_TYPES.has(typeId))
    errors.add("type_id", "Тип документа: 1, 3, 4 или 5");
  const storageId = toInt(body.storage_id);
  if (!ofCompany(moneyState(ctx.state).storages, companyId, storageId)) errors.add("storage_id", "Склад не найден");
  const createDate = text(body.create_date);
  if (!/^\d{4}-\d{2}-\d{2}/.test(createDate)) errors.add("create_date", "Дата документа обязательна");
  errors.check();
  return { type_id: typeId!, storage_id: storageId!, create_date: createDate, comment: text(body.comment) };
}

/** Reads one goods line of a request, adding what is wrong to `errors` under `prefix`. */
export function readLine(ctx: HandlerContext, companyId: number, raw: unknown, prefix: string, errors: FieldErrors) {
  const body = isObject(raw) ? raw : {};
  const goodId = toInt(body.good_id);
  const good = moneyState(ctx.state).goods.find((g) => g.id === goodId && g.company_id === companyId && !g.deleted);
  if (!good) errors.add(`${prefix}good_id`, "Товар не найден");
  const quantity = finiteNumber(body.amount);
  if (quantity === undefined || quantity <= 0) errors.add(`${prefix}amount`, "Количество должно быть больше нуля");
  const unitType = toInt(body.operation_unit_type) ?? 1;
  if (unitType !== 1 && unitType !== 2) errors.add(`${prefix}operation_unit_type`, "1 или 2");
  const [costPerUnit, discount, cost] = ["cost_per_unit", "discount", "cost"].map((field) => {
    const value = finiteNumber(body[field]);
    if (value === undefined || value < 0) errors.add(`${prefix}${field}`, "Должно быть неотрицательным числом");
    return value ?? 0;
  });
  return {
    good: good!,
    quantity: quantity!,
    operation_unit_type: unitType,
    cost_per_unit: roundMoney(costPerUnit),
    discount,
    cost: roundMoney(cost),
    master_id: toInt(body.master_id) ?? 0,
    client_id: toInt(body.client_id) ?? 0,
    supplier_id: toInt(body.supplier_id) ?? 0,
    comment: text(body.comment),
  };
}

/** A goods line as a request describes it, before it is booked on a document. */
export type LineInput = ReturnType<typeof readLine>;

/**
 * The fields of a line for `input` on the document's warehouse, with the stock moved: the quantity in sale
 * units (write-off units divided by `unit_equals`), signed by the document type.
 */
export function stockLine(ctx: HandlerContext, document: StorageDocument, input: LineInput): Omit<GoodsLine, "id"> {
  const { good, quantity, ...fields } = input;
  const saleUnits = input.operation_unit_type === 2 ? quantity / good.unit_equals : quantity;
  const amount = stockSign(document.type_id) * saleUnits;
  moveStock(good, document.storage_id, amount);
  good.updated_at = ctx.now;
  const { company_id, storage_id, id: document_id } = document;
  const fresh = { created_at: ctx.now, updated_at: ctx.now, deleted: false };
  return { ...fields, company_id, document_id, good_id: good.id, storage_id, amount, ...fresh };
}

export function bookLine(ctx: HandlerContext, document: StorageDocument, input: LineInput): GoodsLine {
  return addRow(ctx.state, "money", moneyState(ctx.state).goodsLines, stockLine(ctx, document, input));
}

export function returnStock(ctx: HandlerContext, line: GoodsLine): void {
  const good = moneyState(ctx.state).goods.find((g) => g.id === line.good_id);
  if (good) moveStock(good, line.storage_id, -line.amount);
}

export function liveLines(ctx: HandlerContext, document: StorageDocument): GoodsLine[] {
  return moneyState(ctx.state).goodsLines.filter((l) => l.document_id === document.id && !l.deleted);
}

function createOperation(ctx: HandlerContext): SimResponse {
  const companyId = requireCompany(ctx.state, ctx.params.company_id).id;
  const fields = readDocument(ctx, companyId);
  const body = ctx.body as Record<string, any>;
  const rawLines: unknown[] = Array.isArray(body.goods_transactions) ? body.goods_transactions : [];
  const errors = new FieldErrors();
  if (!rawLines.length) errors.add("goods_transactions", "Нужна хотя бы одна товарная транзакция");
  const inputs = rawLines.map((raw, i) => readLine(ctx, companyId, raw, `goods_transactions.${i}.`, errors));
  const paid = body.paid === true || body.paid === 1 || body.paid === "1";
  const accountId = toInt(body.account_id);
  if (paid && fields.type_id !== 1) errors.add("paid", "Оплатить можно только продажу");
  if (paid && !ofCompany(moneyState(ctx.state).accounts, companyId, accountId))
    errors.add("account_id", "Касса не найдена");
  errors.check();

  const userId = ctx.session?.kind === "staff" ? ctx.session.user.id : 0;
  const document = openDocument(ctx.state, { company_id: companyId, user_id: userId, ...fields });
  const masterId = toInt(body.master_id) ?? 0;
  const lines = inputs.map((input) => bookLine(ctx, document, { ...input, master_id: input.master_id || masterId }));
  // A paid sale: one income transaction per line, for the line's total after discount.
  for (const line of paid ? lines.filter((l) => l.cost > 0) : []) {
    const { client_id, master_id, cost: amount } = line;
    const link = { document_id: document.id, goods_transaction_id: line.id, client_id, master_id };
    const payment = { expense_id: GOODS_SALE_ITEM, account_id: accountId!, amount, date: document.create_date };
    bookTransaction(ctx.state, ctx.now, { company_id: companyId, ...payment, ...link });
  }
  return ok({ document: documentView(ctx, document), goods_transactions: lines.map((l) => lineView(ctx, l)) });
}

export const storageHandlers: HandlerTable = { "POST /storage_operations/operation/{company_id}": createOperation };
