// Finance and stock as state: accounts and their transactions, warehouses, products, storage documents,
// goods transactions and sale payments. A storage operation moves stock and, when paid, books finance
// transactions; a sale payment books one; an account's balance is the sum of its live transactions.
import {
  GOODS_SALE_ITEM,
  moneyState,
  moveStock,
  roundMoney,
  stockSign,
  type GoodsLine,
  type MoneyGood,
  type MoneyState,
  type MoneyTransaction,
  type StorageDocument,
} from "../money-state.js";
import { slice } from "../pagination.js";
import { FieldErrors, abort, fail, invalid, ok, type SimResponse } from "../reply.js";
import { nextId, type SimRecord, type Company } from "../state.js";
import { isoWithOffset } from "../time.js";
import { SERVICES_ITEM, visitDocument, visitServices } from "../visit-document.js";
import { requireCompany } from "./scope.js";
import type { HandlerContext, HandlerTable } from "./context.js";
import { isObject, queryInt, text, toInt } from "./input.js";

const DOCUMENT_TYPES: Record<number, string> = {
  1: "Продажа товара",
  3: "Приход товара",
  4: "Списание товара",
  5: "Перемещение товара",
  7: "Визит",
};
/** Types a storage document may be created with; 7 (visit) documents come from visit updates only. */
const STORAGE_DOCUMENT_TYPES = new Set([1, 3, 4, 5]);

// ---- lookups ----------------------------------------------------------------------------------

function context(ctx: HandlerContext): { money: MoneyState; company: Company } {
  return { money: moneyState(ctx.state), company: requireCompany(ctx.state, ctx.params.company_id) };
}

function notFound(what: string): never {
  return abort(fail(404, `${what} не найден`));
}

function findDocument(money: MoneyState, id: unknown, companyId?: number): StorageDocument {
  const documentId = toInt(id);
  return (
    money.documents.find(
      (d) => d.id === documentId && !d.deleted && (companyId === undefined || d.company_id === companyId),
    ) ?? notFound("Документ")
  );
}

function findTransaction(money: MoneyState, id: unknown, companyId: number): MoneyTransaction {
  const transactionId = toInt(id);
  return (
    money.transactions.find((t) => t.id === transactionId && t.company_id === companyId && !t.deleted) ??
    notFound("Транзакция")
  );
}

function findLine(money: MoneyState, id: unknown, companyId: number): GoodsLine {
  const lineId = toInt(id);
  return (
    money.goodsLines.find((l) => l.id === lineId && l.company_id === companyId && !l.deleted) ??
    notFound("Товарная транзакция")
  );
}

function findGood(money: MoneyState, id: unknown, companyId: number): MoneyGood | undefined {
  const goodId = toInt(id);
  return money.goods.find((g) => g.id === goodId && g.company_id === companyId && !g.deleted);
}

function finiteNumber(value: unknown): number | undefined {
  const n = typeof value === "number" ? value : typeof value === "string" && value.trim() ? Number(value) : NaN;
  return Number.isFinite(n) ? n : undefined;
}

function stamp(ctx: HandlerContext, company: Company, unix = ctx.now): string {
  return isoWithOffset(unix, company.utcOffset, false);
}

// ---- views (the API's shapes) -----------------------------------------------------------------

function accountRef(money: MoneyState, id: number): Record<string, unknown> {
  const account = money.accounts.find((a) => a.id === id);
  if (!account) return { id, title: "" };
  const first = money.accounts.find((a) => a.company_id === account.company_id);
  return { id, title: account.title, is_cash: account.type === 0, is_default: first?.id === id };
}

function itemRef(money: MoneyState, id: number): { id: number; title: string } {
  return { id, title: money.paymentItems.find((p) => p.id === id)?.title ?? "" };
}

function clientRef(ctx: HandlerContext, id: number): Record<string, unknown> | [] {
  const client = ctx.state.clients.find((c) => c.id === id);
  return client ? { id: client.id, name: client.name, phone: client.phone } : [];
}

function staffRef(ctx: HandlerContext, id: number): Record<string, unknown> | [] {
  const member = ctx.state.staff.find((s) => s.id === id);
  return member ? { id: member.id, name: member.name } : [];
}

/** The single-object shape (create, get, update): numbers and raw ids. */
function transactionView(ctx: HandlerContext, money: MoneyState, t: MoneyTransaction, company: Company) {
  return {
    id: t.id,
    document_id: t.document_id,
    date: t.date,
    type_id: t.expense_id,
    expense_id: t.expense_id,
    account_id: t.account_id,
    amount: t.amount,
    client_id: t.client_id,
    master_id: t.master_id,
    supplier_id: t.supplier_id,
    comment: t.comment,
    item_id: 0,
    target_type_id: 0,
    record_id: t.record_id,
    goods_transaction_id: t.goods_transaction_id,
    expense: itemRef(money, t.expense_id),
    account: accountRef(money, t.account_id),
    client: clientRef(ctx, t.client_id),
    master: staffRef(ctx, t.master_id),
    supplier: [],
    last_change_date: stamp(ctx, company, t.updated_at),
  };
}

/** The list shape: `id` and `amount` as strings, references with `title`, as the list answers send them. */
function transactionListView(ctx: HandlerContext, money: MoneyState, t: MoneyTransaction, company: Company) {
  const master = ctx.state.staff.find((s) => s.id === t.master_id);
  return {
    id: String(t.id),
    document_id: t.document_id,
    expense: { id: String(t.expense_id), title: itemRef(money, t.expense_id).title },
    date: t.date,
    amount: t.amount.toFixed(2),
    comment: t.comment,
    master: master ? { id: String(master.id), title: master.name } : [],
    supplier: [],
    account: { id: String(t.account_id), title: String(accountRef(money, t.account_id).title) },
    client: clientRef(ctx, t.client_id),
    last_change_date: stamp(ctx, company, t.updated_at),
    record_id: t.record_id,
    visit_id: t.visit_id,
    sold_item_id: t.goods_transaction_id,
    sold_item_type: t.goods_transaction_id ? "good" : "",
    deleted: t.deleted,
  };
}

function goodView(ctx: HandlerContext, money: MoneyState, good: MoneyGood, company: Company) {
  const storages = money.storages.filter((s) => s.company_id === good.company_id);
  const unitCost = roundMoney(good.actual_cost / good.unit_equals);
  return {
    id: good.id,
    good_id: good.id,
    title: good.title,
    value: good.title,
    label: good.article ? `${good.title} (${good.article})` : good.title,
    article: good.article,
    barcode: good.barcode,
    category_id: good.category_id,
    salon_id: good.company_id,
    cost: good.cost,
    unit_id: good.unit_id,
    unit_short_title: "шт",
    service_unit_id: good.service_unit_id,
    service_unit_short_title: "мл",
    actual_cost: good.actual_cost,
    unit_actual_cost: unitCost,
    unit_actual_cost_format: `${unitCost} ₽`,
    unit_equals: good.unit_equals,
    critical_amount: 0,
    desired_amount: 0,
    loyalty_abonement_type_id: 0,
    loyalty_certificate_type_id: 0,
    loyalty_allow_empty_code: 1,
    actual_amounts: storages.map((s) => ({ storage_id: s.id, amount: good.stock[s.id] ?? 0 })),
    last_change_date: stamp(ctx, company, good.updated_at || ctx.now),
  };
}

function documentView(ctx: HandlerContext, money: MoneyState, d: StorageDocument, company: Company) {
  const storage = money.storages.find((s) => s.id === d.storage_id);
  const user = ctx.state.staffUsers.find((u) => u.id === d.user_id);
  return {
    id: d.id,
    type_id: d.type_id,
    type: { id: d.type_id, title: DOCUMENT_TYPES[d.type_id] ?? "" },
    storage_id: d.storage_id,
    user_id: d.user_id,
    company_id: d.company_id,
    number: d.number,
    comment: d.comment,
    create_date: d.create_date,
    storage: { id: d.storage_id, title: storage?.title ?? "" },
    company: { id: company.id, title: company.title },
    user: user ? { id: user.id, name: user.name, phone: user.phone } : { id: d.user_id },
  };
}

function lineView(ctx: HandlerContext, money: MoneyState, l: GoodsLine, company: Company, search = false) {
  const document = money.documents.find((d) => d.id === l.document_id);
  const good = money.goods.find((g) => g.id === l.good_id);
  const storage = money.storages.find((s) => s.id === l.storage_id);
  const typeId = document?.type_id ?? 0;
  const typeTitle = DOCUMENT_TYPES[typeId] ?? "";
  return {
    id: l.id,
    document_id: l.document_id,
    type_id: typeId,
    // The search answer sends the type's name and money as decimal strings; the others an object and numbers.
    type: search ? typeTitle : { id: typeId, title: typeTitle },
    company_id: l.company_id,
    good_id: l.good_id,
    amount: l.amount,
    cost_per_unit: search ? l.cost_per_unit.toFixed(2) : l.cost_per_unit,
    discount: search ? l.discount.toFixed(2) : l.discount,
    cost: search ? l.cost.toFixed(2) : l.cost,
    unit_id: 1,
    operation_unit_type: l.operation_unit_type,
    storage_id: l.storage_id,
    supplier_id: l.supplier_id,
    record_id: 0,
    client_id: l.client_id,
    master_id: l.master_id,
    create_date: stamp(ctx, company, l.created_at),
    last_change_date: stamp(ctx, company, l.updated_at),
    comment: l.comment,
    deleted: l.deleted,
    good: { id: l.good_id, title: good?.title ?? "" },
    storage: { id: l.storage_id, title: storage?.title ?? "" },
    unit: { id: 1, title: "Штука", short_title: "шт" },
    supplier: [],
    client: clientRef(ctx, l.client_id),
    master: staffRef(ctx, l.master_id),
  };
}

// ---- accounts and finance transactions --------------------------------------------------------

function listAccounts(ctx: HandlerContext): SimResponse {
  const { money, company } = context(ctx);
  return ok(
    money.accounts
      .filter((a) => a.company_id === company.id)
      .map((a) => ({ id: a.id, title: a.title, type: a.type, comment: a.comment })),
  );
}

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

// ---- warehouses, documents and goods transactions ---------------------------------------------

function listStorages(ctx: HandlerContext): SimResponse {
  const { money, company } = context(ctx);
  return ok(
    money.storages
      .filter((s) => s.company_id === company.id)
      .map(({ id, title, for_service, for_sale, comment }) => ({ id, title, for_service, for_sale, comment })),
  );
}

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

function readLine(money: MoneyState, company: Company, raw: unknown, prefix: string, errors: FieldErrors) {
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

function bookLine(ctx: HandlerContext, money: MoneyState, document: StorageDocument, input: LineInput): GoodsLine {
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
    payment_transactions: payments.map((t) => ({
      id: t.id,
      document_id: t.document_id,
      date: t.date,
      type_id: 0,
      expense_id: t.expense_id,
      account_id: t.account_id,
      amount: t.amount,
      client_id: t.client_id,
      master_id: t.master_id,
      supplier_id: t.supplier_id,
      comment: t.comment,
      item_id: 0,
      target_type_id: 0,
      record_id: t.record_id,
      goods_transaction_id: t.goods_transaction_id,
      expense: itemRef(money, t.expense_id),
      account: { id: t.account_id, title: money.accounts.find((a) => a.id === t.account_id)?.title ?? "" },
      client: [],
      master: [],
      supplier: [],
    })),
    loyalty_transactions: [],
    kkm_transaction_details_container: { last_operation_type: 0, transactions: [] },
    items: [...serviceItems, ...goodItems],
  };
}

// ---- products ---------------------------------------------------------------------------------

function listGoods(ctx: HandlerContext): SimResponse {
  const { money, company } = context(ctx);
  const term = ctx.query.get("term")?.toLowerCase();
  const categoryId = queryInt(ctx.query, "category_id");
  const all = money.goods.filter(
    (g) =>
      g.company_id === company.id &&
      !g.deleted &&
      (categoryId === undefined || g.category_id === categoryId) &&
      (!term || [g.title, g.article, g.barcode].some((v) => v.toLowerCase().includes(term))),
  );
  const page = ctx.page ?? { page: 1, size: all.length || 1 };
  return ok(slice(all, page).map((g) => goodView(ctx, money, g, company)));
}

function getGood(ctx: HandlerContext): SimResponse {
  const { money, company } = context(ctx);
  const good = findGood(money, ctx.params.good_id, company.id) ?? notFound("Товар");
  return ok(goodView(ctx, money, good, company));
}

function readGoodBody(ctx: HandlerContext) {
  const body = isObject(ctx.body) ? ctx.body : {};
  const errors = new FieldErrors();
  const title = text(body.title);
  if (!title) errors.add("title", "Название обязательно");
  const numbers: Record<string, number> = {};
  for (const field of ["cost", "actual_cost", "unit_equals"]) {
    const value = body[field] === undefined ? (field === "unit_equals" ? 1 : 0) : finiteNumber(body[field]);
    if (value === undefined || value < 0 || (field === "unit_equals" && value === 0))
      errors.add(field, "Должно быть положительным числом");
    else numbers[field] = value;
  }
  errors.check();
  return {
    title,
    article: text(body.article),
    barcode: text(body.barcode),
    category_id: toInt(body.category_id) ?? 0,
    cost: roundMoney(numbers.cost),
    actual_cost: roundMoney(numbers.actual_cost),
    unit_equals: numbers.unit_equals,
    unit_id: toInt(body.sale_unit_id) ?? 1,
    service_unit_id: toInt(body.service_unit_id) ?? 2,
  };
}

function createGood(ctx: HandlerContext): SimResponse {
  const { money, company } = context(ctx);
  const good: MoneyGood = {
    id: nextId(ctx.state, "money"),
    company_id: company.id,
    stock: {},
    deleted: false,
    updated_at: ctx.now,
    ...readGoodBody(ctx),
  };
  money.goods.push(good);
  return ok([goodView(ctx, money, good, company)], [], 201);
}

function updateGood(ctx: HandlerContext): SimResponse {
  const { money, company } = context(ctx);
  const good = findGood(money, ctx.params.good_id, company.id) ?? notFound("Товар");
  Object.assign(good, readGoodBody(ctx), { updated_at: ctx.now });
  return ok([goodView(ctx, money, good, company)]);
}

function deleteGood(ctx: HandlerContext): SimResponse {
  const { money, company } = context(ctx);
  const good = findGood(money, ctx.params.good_id, company.id) ?? notFound("Товар");
  good.deleted = true;
  return { status: 204 };
}

export const moneyHandlers: HandlerTable = {
  "GET /accounts/{company_id}": listAccounts,
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
  "GET /storages/{company_id}": listStorages,
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
  "GET /goods/{company_id}/": listGoods,
  "GET /goods/{company_id}/{good_id}": getGood,
  "POST /goods/{company_id}": createGood,
  "PUT /goods/{company_id}/{good_id}": updateGood,
  "DELETE /goods/{company_id}/{good_id}": deleteGood,
};
