// What the finance and stock handlers share: document types, lookups in the money state and the API's shapes
// of transactions, products, documents and goods lines.
import {
  moneyState,
  roundMoney,
  type GoodsLine,
  type MoneyGood,
  type MoneyState,
  type MoneyTransaction,
  type StorageDocument,
} from "../../money-state.js";
import { abort, fail } from "../../reply.js";
import { type Company } from "../../state.js";
import { isoWithOffset } from "../../time.js";
import { requireCompany } from "../scope.js";
import type { HandlerContext } from "../context.js";
import { toInt } from "../input.js";

export const DOCUMENT_TYPES: Record<number, string> = {
  1: "Продажа товара",
  3: "Приход товара",
  4: "Списание товара",
  5: "Перемещение товара",
  7: "Визит",
};
/** Types a storage document may be created with; 7 (visit) documents come from visit updates only. */
export const STORAGE_DOCUMENT_TYPES = new Set([1, 3, 4, 5]);

// ---- lookups ----------------------------------------------------------------------------------

export function context(ctx: HandlerContext): { money: MoneyState; company: Company } {
  return { money: moneyState(ctx.state), company: requireCompany(ctx.state, ctx.params.company_id) };
}

export function notFound(what: string): never {
  return abort(fail(404, `${what} не найден`));
}

export function findDocument(money: MoneyState, id: unknown, companyId?: number): StorageDocument {
  const documentId = toInt(id);
  return (
    money.documents.find(
      (d) => d.id === documentId && !d.deleted && (companyId === undefined || d.company_id === companyId),
    ) ?? notFound("Документ")
  );
}

export function findTransaction(money: MoneyState, id: unknown, companyId: number): MoneyTransaction {
  const transactionId = toInt(id);
  return (
    money.transactions.find((t) => t.id === transactionId && t.company_id === companyId && !t.deleted) ??
    notFound("Транзакция")
  );
}

export function findLine(money: MoneyState, id: unknown, companyId: number): GoodsLine {
  const lineId = toInt(id);
  return (
    money.goodsLines.find((l) => l.id === lineId && l.company_id === companyId && !l.deleted) ??
    notFound("Товарная транзакция")
  );
}

export function findGood(money: MoneyState, id: unknown, companyId: number): MoneyGood | undefined {
  const goodId = toInt(id);
  return money.goods.find((g) => g.id === goodId && g.company_id === companyId && !g.deleted);
}

export function finiteNumber(value: unknown): number | undefined {
  const n = typeof value === "number" ? value : typeof value === "string" && value.trim() ? Number(value) : NaN;
  return Number.isFinite(n) ? n : undefined;
}

export function stamp(ctx: HandlerContext, company: Company, unix = ctx.now): string {
  return isoWithOffset(unix, company.utcOffset, false);
}

// ---- views (the API's shapes) -----------------------------------------------------------------

export function accountRef(money: MoneyState, id: number): Record<string, unknown> {
  const account = money.accounts.find((a) => a.id === id);
  if (!account) return { id, title: "" };
  const first = money.accounts.find((a) => a.company_id === account.company_id);
  return { id, title: account.title, is_cash: account.type === 0, is_default: first?.id === id };
}

export function itemRef(money: MoneyState, id: number): { id: number; title: string } {
  return { id, title: money.paymentItems.find((p) => p.id === id)?.title ?? "" };
}

export function clientRef(ctx: HandlerContext, id: number): Record<string, unknown> | [] {
  const client = ctx.state.clients.find((c) => c.id === id);
  return client ? { id: client.id, name: client.name, phone: client.phone } : [];
}

export function staffRef(ctx: HandlerContext, id: number): Record<string, unknown> | [] {
  const member = ctx.state.staff.find((s) => s.id === id);
  return member ? { id: member.id, name: member.name } : [];
}

/** The single-object shape (create, get, update): numbers and raw ids. */
export function transactionView(ctx: HandlerContext, money: MoneyState, t: MoneyTransaction, company: Company) {
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
export function transactionListView(ctx: HandlerContext, money: MoneyState, t: MoneyTransaction, company: Company) {
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

export function goodView(ctx: HandlerContext, money: MoneyState, good: MoneyGood, company: Company) {
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

export function documentView(ctx: HandlerContext, money: MoneyState, d: StorageDocument, company: Company) {
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

export function lineView(ctx: HandlerContext, money: MoneyState, l: GoodsLine, company: Company, search = false) {
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
