// Warehouses, storage documents, goods transactions and storage operations: a document's lines move stock, a paid
// sale operation books income transactions.
import {
  GOODS_SALE_ITEM,
  moneyState,
  moveStock,
  roundMoney,
  stockSign,
  type GoodsLine,
  type MoneyGood,
  type MoneyState,
  type StorageDocument,
} from "../../money-state.js";
import { slice } from "../../page-request.js";
import { FieldErrors, invalid, ok, type SimResponse } from "../../reply.js";
import { nextId, type Company } from "../../state.js";
import { requireCompany } from "../scope.js";
import type { HandlerContext, HandlerTable } from "../context.js";
import { isObject, queryInt, text, toInt } from "../input.js";

import {
  STORAGE_DOCUMENT_TYPES,
  context,
  findDocument,
  findLine,
  findGood,
  finiteNumber,
  transactionView,
  documentView,
  lineView,
} from "./common.js";

// ---- warehouses, documents and goods transactions ---------------------------------------------

function readDocumentBody(ctx: HandlerContext, money: MoneyState, company: Company) {
  const body = isObject(ctx.body) ? ctx.body : {};
  const errors = new FieldErrors();
  const typeId = toInt(body.type_id);
  if (typeId === undefined || !STORAGE_DOCUMENT_TYPES.has(typeId))
    errors.add("type_id", "Тип документа: 1, 3, 4 или 5");
  const storageId = toInt(body.storage_id);
  if (!money.storages.some((s) => s.id === storageId && s.company_id === company.id))
    errors.add("storage_id", "Склад не найден");
  const createDate = text(body.create_date);
  if (!/^\d{4}-\d{2}-\d{2}/.test(createDate)) errors.add("create_date", "Дата документа обязательна");
  errors.check();
  return { type_id: typeId!, storage_id: storageId!, create_date: createDate, comment: text(body.comment) };
}

function newDocument(
  ctx: HandlerContext,
  money: MoneyState,
  company: Company,
  fields: ReturnType<typeof readDocumentBody>,
) {
  const document: StorageDocument = {
    id: nextId(ctx.state, "money"),
    company_id: company.id,
    number: money.documents.filter((d) => d.company_id === company.id).length + 1,
    user_id: ctx.session?.kind === "staff" ? ctx.session.user.id : 0,
    deleted: false,
    ...fields,
  };
  money.documents.push(document);
  return document;
}

function createDocument(ctx: HandlerContext): SimResponse {
  const { money, company } = context(ctx);
  const document = newDocument(ctx, money, company, readDocumentBody(ctx, money, company));
  return ok(documentView(ctx, money, document, company));
}

function getDocument(ctx: HandlerContext): SimResponse {
  const { money, company } = context(ctx);
  return ok(documentView(ctx, money, findDocument(money, ctx.params.document_id, company.id), company));
}

function updateDocument(ctx: HandlerContext): SimResponse {
  const { money, company } = context(ctx);
  const document = findDocument(money, ctx.params.document_id, company.id);
  const fields = readDocumentBody(ctx, money, company);
  const live = money.goodsLines.filter((l) => l.document_id === document.id && !l.deleted);
  if (live.length && (fields.type_id !== document.type_id || fields.storage_id !== document.storage_id)) {
    // Changing the direction or the warehouse of lines already booked would need their stock moved again.
    return invalid(422, { type_id: ["Нельзя изменить тип или склад документа с товарными транзакциями"] });
  }
  Object.assign(document, fields);
  return ok(documentView(ctx, money, document, company));
}

function deleteDocument(ctx: HandlerContext): SimResponse {
  const { money, company } = context(ctx);
  const document = findDocument(money, ctx.params.document_id, company.id);
  for (const line of money.goodsLines.filter((l) => l.document_id === document.id && !l.deleted))
    removeLine(ctx, money, line);
  for (const t of money.transactions.filter((x) => x.document_id === document.id && !x.deleted)) {
    t.deleted = true;
    t.updated_at = ctx.now;
  }
  document.deleted = true;
  return { status: 204 };
}

function listDocumentTransactions(ctx: HandlerContext): SimResponse {
  const money = moneyState(ctx.state);
  const document = findDocument(money, ctx.params.document_id);
  const company = requireCompany(ctx.state, String(document.company_id));
  const found = money.transactions.filter((t) => t.document_id === document.id && !t.deleted);
  return ok(found.map((t) => transactionView(ctx, money, t, company)));
}

function listDocumentLines(ctx: HandlerContext): SimResponse {
  const money = moneyState(ctx.state);
  const document = findDocument(money, ctx.params.document_id);
  const company = requireCompany(ctx.state, String(document.company_id));
  const lines = money.goodsLines.filter((l) => l.document_id === document.id && !l.deleted);
  return ok(
    lines.map((l) => lineView(ctx, money, l, company)),
    { count: lines.length },
  );
}

interface LineInput {
  good: MoneyGood;
  quantity: number;
  operation_unit_type: number;
  cost_per_unit: number;
  discount: number;
  cost: number;
  master_id: number;
  client_id: number;
  supplier_id: number;
  comment: string;
}

export function readLine(money: MoneyState, company: Company, raw: unknown, prefix: string, errors: FieldErrors) {
  const body = isObject(raw) ? raw : {};
  const good = findGood(money, body.good_id, company.id);
  if (!good) errors.add(`${prefix}good_id`, "Товар не найден");
  const quantity = finiteNumber(body.amount);
  if (quantity === undefined || quantity <= 0) errors.add(`${prefix}amount`, "Количество должно быть больше нуля");
  const unitType = toInt(body.operation_unit_type) ?? 1;
  if (unitType !== 1 && unitType !== 2) errors.add(`${prefix}operation_unit_type`, "1 или 2");
  const money3 = ["cost_per_unit", "discount", "cost"].map((f) => finiteNumber(body[f]));
  ["cost_per_unit", "discount", "cost"].forEach((f, i) => {
    if (money3[i] === undefined || money3[i]! < 0) errors.add(`${prefix}${f}`, "Должно быть неотрицательным числом");
  });
  return {
    good: good!,
    quantity: quantity!,
    operation_unit_type: unitType,
    cost_per_unit: roundMoney(money3[0] ?? 0),
    discount: money3[1] ?? 0,
    cost: roundMoney(money3[2] ?? 0),
    master_id: toInt(body.master_id) ?? 0,
    client_id: toInt(body.client_id) ?? 0,
    supplier_id: toInt(body.supplier_id) ?? 0,
    comment: text(body.comment),
  } satisfies LineInput;
}

/** Quantity in sale units, signed by the document type (write-off units are divided by `unit_equals`). */
function signedQuantity(document: StorageDocument, input: LineInput): number {
  const saleUnits = input.operation_unit_type === 2 ? input.quantity / input.good.unit_equals : input.quantity;
  return stockSign(document.type_id) * saleUnits;
}

export function bookLine(
  ctx: HandlerContext,
  money: MoneyState,
  document: StorageDocument,
  input: LineInput,
): GoodsLine {
  const line: GoodsLine = {
    id: nextId(ctx.state, "money"),
    company_id: document.company_id,
    document_id: document.id,
    good_id: input.good.id,
    storage_id: document.storage_id,
    amount: signedQuantity(document, input),
    operation_unit_type: input.operation_unit_type,
    cost_per_unit: input.cost_per_unit,
    discount: input.discount,
    cost: input.cost,
    master_id: input.master_id,
    client_id: input.client_id,
    supplier_id: input.supplier_id,
    comment: input.comment,
    created_at: ctx.now,
    updated_at: ctx.now,
    deleted: false,
  };
  moveStock(input.good, line.storage_id, line.amount);
  input.good.updated_at = ctx.now;
  money.goodsLines.push(line);
  return line;
}

function removeLine(ctx: HandlerContext, money: MoneyState, line: GoodsLine): void {
  const good = money.goods.find((g) => g.id === line.good_id);
  if (good) moveStock(good, line.storage_id, -line.amount);
  line.deleted = true;
  line.updated_at = ctx.now;
}

function createLine(ctx: HandlerContext): SimResponse {
  const { money, company } = context(ctx);
  const errors = new FieldErrors();
  const documentId = toInt(ctx.body?.document_id);
  const document = money.documents.find((d) => d.id === documentId && d.company_id === company.id && !d.deleted);
  if (!document) errors.add("document_id", "Документ не найден");
  const input = readLine(money, company, ctx.body, "", errors);
  errors.check();
  return ok(lineView(ctx, money, bookLine(ctx, money, document!, input), company));
}

function getLine(ctx: HandlerContext): SimResponse {
  const { money, company } = context(ctx);
  return ok(lineView(ctx, money, findLine(money, ctx.params.transaction_id, company.id), company));
}

function updateLine(ctx: HandlerContext): SimResponse {
  const { money, company } = context(ctx);
  const line = findLine(money, ctx.params.transaction_id, company.id);
  const document = findDocument(money, line.document_id, company.id);
  const errors = new FieldErrors();
  const input = readLine(money, company, ctx.body, "", errors);
  errors.check();
  // Undo the old movement, then book the new one on the same line.
  const oldGood = money.goods.find((g) => g.id === line.good_id);
  if (oldGood) moveStock(oldGood, line.storage_id, -line.amount);
  const amount = signedQuantity(document, input);
  moveStock(input.good, line.storage_id, amount);
  Object.assign(line, {
    good_id: input.good.id,
    amount,
    operation_unit_type: input.operation_unit_type,
    cost_per_unit: input.cost_per_unit,
    discount: input.discount,
    cost: input.cost,
    master_id: input.master_id,
    client_id: input.client_id,
    supplier_id: input.supplier_id,
    comment: input.comment,
    updated_at: ctx.now,
  });
  return ok(lineView(ctx, money, line, company));
}

function deleteLine(ctx: HandlerContext): SimResponse {
  const { money, company } = context(ctx);
  removeLine(ctx, money, findLine(money, ctx.params.transaction_id, company.id));
  return { status: 204 };
}

function createOperation(ctx: HandlerContext): SimResponse {
  const { money, company } = context(ctx);
  const fields = readDocumentBody(ctx, money, company);
  const body = ctx.body as Record<string, any>;
  const rawLines: unknown[] = Array.isArray(body.goods_transactions) ? body.goods_transactions : [];
  const errors = new FieldErrors();
  if (!rawLines.length) errors.add("goods_transactions", "Нужна хотя бы одна товарная транзакция");
  const inputs = rawLines.map((raw, i) => readLine(money, company, raw, `goods_transactions.${i}.`, errors));
  const paid = body.paid === true || body.paid === 1 || body.paid === "1";
  const accountId = toInt(body.account_id);
  if (paid && fields.type_id !== 1) errors.add("paid", "Оплатить можно только продажу");
  if (paid && !money.accounts.some((a) => a.id === accountId && a.company_id === company.id))
    errors.add("account_id", "Касса не найдена");
  errors.check();

  const document = newDocument(ctx, money, company, fields);
  const lines = inputs.map((input) =>
    bookLine(ctx, money, document, { ...input, master_id: input.master_id || (toInt(body.master_id) ?? 0) }),
  );
  if (paid) {
    // A paid sale: one income transaction per line, for the line's total after discount.
    for (const line of lines) {
      if (line.cost <= 0) continue;
      money.transactions.push({
        id: nextId(ctx.state, "money"),
        company_id: company.id,
        document_id: document.id,
        expense_id: GOODS_SALE_ITEM,
        account_id: accountId!,
        amount: line.cost,
        client_id: line.client_id,
        master_id: line.master_id,
        supplier_id: 0,
        comment: "",
        date: document.create_date,
        record_id: 0,
        visit_id: 0,
        goods_transaction_id: line.id,
        updated_at: ctx.now,
        deleted: false,
      });
    }
  }
  return ok({
    document: documentView(ctx, money, document, company),
    goods_transactions: lines.map((l) => lineView(ctx, money, l, company)),
  });
}

function searchLines(ctx: HandlerContext): SimResponse {
  const { money, company } = context(ctx);
  const documentId = queryInt(ctx.query, "document_id");
  const all = money.goodsLines
    .filter((l) => l.company_id === company.id && !l.deleted && (!documentId || l.document_id === documentId))
    .sort((a, b) => b.created_at - a.created_at || b.id - a.id);
  const page = ctx.page ?? { page: 1, size: all.length || 1 };
  return ok(slice(all, page).map((l) => lineView(ctx, money, l, company, true)));
}

export const storageHandlers: HandlerTable = {
  "GET /storages/transactions/{company_id}": searchLines,
  "POST /storage_operations/documents/{company_id}": createDocument,
  "GET /storage_operations/documents/{company_id}/{document_id}": getDocument,
  "PUT /storage_operations/documents/{company_id}/{document_id}": updateDocument,
  "DELETE /storage_operations/documents/{company_id}/{document_id}": deleteDocument,
  "GET /storage_operations/documents/finance_transactions/{document_id}": listDocumentTransactions,
  "GET /storage_operations/documents/goods_transactions/{document_id}": listDocumentLines,
  "POST /storage_operations/goods_transactions/{company_id}": createLine,
  "GET /storage_operations/goods_transactions/{company_id}/{transaction_id}": getLine,
  "PUT /storage_operations/goods_transactions/{company_id}/{transaction_id}": updateLine,
  "DELETE /storage_operations/goods_transactions/{company_id}/{transaction_id}": deleteLine,
  "POST /storage_operations/operation/{company_id}": createOperation,
};
