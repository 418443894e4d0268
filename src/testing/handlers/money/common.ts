// What the money collections and handlers share: lookups, reading amounts, and the API's shapes of transactions,
// products, documents and goods lines.
import { shaped } from "../../engine/shape.js";
import {
  moneyState,
  roundMoney,
  type GoodsLine,
  type MoneyGood,
  type MoneyState,
  type MoneyTransaction,
  type StorageDocument,
} from "../../money-state.js";
import { findCompany, type SimulatorState } from "../../state.js";
import { isoWithOffset } from "../../time.js";
import type { HandlerContext } from "../context.js";

export const DOCUMENT_TYPES: Record<number, string> = {
  1: "Продажа товара",
  3: "Приход товара",
  4: "Списание товара",
  5: "Перемещение товара",
  7: "Визит",
};

export function finiteNumber(value: unknown): number | undefined {
  const n = typeof value === "number" ? value : typeof value === "string" && value.trim() ? Number(value) : NaN;
  return Number.isFinite(n) ? n : undefined;
}

/** The row of `rows` with that id, when it is the company's. */
export function ofCompany<Row extends { id: number; company_id: number }>(rows: Row[], companyId: number, id: unknown) {
  return rows.find((row) => row.id === id && row.company_id === companyId);
}

export function documentPayments(state: SimulatorState, documentId: number): MoneyTransaction[] {
  return moneyState(state).transactions.filter((t) => t.document_id === documentId && !t.deleted);
}

/** A moment in the company's time, as the money answers write it. */
function stamp(ctx: HandlerContext, companyId: number, unix = ctx.now): string {
  return isoWithOffset(unix, findCompany(ctx.state, companyId)?.utcOffset ?? 180, false);
}

/** `{id, title}` of one of `rows`. */
export function titled(rows: ReadonlyArray<{ id: number; title: string }>, id: number) {
  return { id, title: rows.find((row) => row.id === id)?.title ?? "" };
}

export function accountRef(money: MoneyState, id: number): Record<string, unknown> {
  const account = money.accounts.find((a) => a.id === id);
  if (!account) return { id, title: "" };
  const first = money.accounts.find((a) => a.company_id === account.company_id);
  return { id, title: account.title, is_cash: account.type === 0, is_default: first?.id === id };
}

function clientRef(ctx: HandlerContext, id: number): Record<string, unknown> | [] {
  const client = ctx.state.clients.find((c) => c.id === id);
  return client ? { id: client.id, name: client.name, phone: client.phone } : [];
}

function staffRef(ctx: HandlerContext, id: number): Record<string, unknown> | [] {
  const member = ctx.state.staff.find((s) => s.id === id);
  return member ? { id: member.id, name: member.name } : [];
}

/** The single-object shape (create, get, update, a document's or a visit's payments): numbers and raw ids. */
export function transactionView(ctx: HandlerContext, t: MoneyTransaction) {
  const money = moneyState(ctx.state);
  return shaped("FinanceTransaction", t, {
    type_id: t.expense_id,
    expense: titled(money.paymentItems, t.expense_id),
    account: accountRef(money, t.account_id),
    client: clientRef(ctx, t.client_id),
    master: staffRef(ctx, t.master_id),
    last_change_date: stamp(ctx, t.company_id, t.updated_at),
  });
}

/** The list shape: `id` and `amount` as strings, references with `title`, as the list answers send them. */
export function transactionListView(ctx: HandlerContext, t: MoneyTransaction) {
  const money = moneyState(ctx.state);
  const master = ctx.state.staff.find((s) => s.id === t.master_id);
  return shaped("FinanceTransaction", t, {
    id: String(t.id),
    expense: { id: String(t.expense_id), title: titled(money.paymentItems, t.expense_id).title },
    amount: t.amount.toFixed(2),
    master: master ? { id: String(master.id), title: master.name } : [],
    account: { id: String(t.account_id), title: titled(money.accounts, t.account_id).title },
    client: clientRef(ctx, t.client_id),
    last_change_date: stamp(ctx, t.company_id, t.updated_at),
    sold_item_id: t.goods_transaction_id,
    sold_item_type: t.goods_transaction_id ? "good" : "",
  });
}

export function goodView(ctx: HandlerContext, good: MoneyGood) {
  const storages = moneyState(ctx.state).storages.filter((s) => s.company_id === good.company_id);
  const unitCost = roundMoney(good.actual_cost / good.unit_equals);
  return shaped("Good", good, {
    good_id: good.id,
    value: good.title,
    label: good.article ? `${good.title} (${good.article})` : good.title,
    salon_id: good.company_id,
    unit_short_title: "шт",
    service_unit_short_title: "мл",
    unit_actual_cost: unitCost,
    unit_actual_cost_format: `${unitCost} ₽`,
    loyalty_allow_empty_code: 1,
    actual_amounts: storages.map((s) => ({ storage_id: s.id, amount: good.stock[s.id] ?? 0 })),
    last_change_date: stamp(ctx, good.company_id, good.updated_at || ctx.now),
  });
}

export function documentView(ctx: HandlerContext, d: StorageDocument) {
  const user = ctx.state.staffUsers.find((u) => u.id === d.user_id);
  return shaped("Document", d, {
    type: { id: d.type_id, title: DOCUMENT_TYPES[d.type_id] ?? "" },
    storage: titled(moneyState(ctx.state).storages, d.storage_id),
    company: titled(ctx.state.companies, d.company_id),
    user: user ? { id: user.id, name: user.name, phone: user.phone } : { id: d.user_id },
  });
}

/** A goods line; the search answer sends the type's name and money as decimal strings, the others an object and numbers. */
export function lineView(ctx: HandlerContext, l: GoodsLine, search = false) {
  const money = moneyState(ctx.state);
  const typeId = money.documents.find((d) => d.id === l.document_id)?.type_id ?? 0;
  const type = { id: typeId, title: DOCUMENT_TYPES[typeId] ?? "" };
  const decimal = (value: number) => (search ? value.toFixed(2) : value);
  return shaped("StorageOperation", l, {
    type_id: typeId,
    type: search ? type.title : type,
    cost_per_unit: decimal(l.cost_per_unit),
    discount: decimal(l.discount),
    cost: decimal(l.cost),
    unit_id: 1,
    create_date: stamp(ctx, l.company_id, l.created_at),
    last_change_date: stamp(ctx, l.company_id, l.updated_at),
    good: titled(money.goods, l.good_id),
    storage: titled(money.storages, l.storage_id),
    unit: { id: 1, title: "Штука", short_title: "шт" },
    client: clientRef(ctx, l.client_id),
    master: staffRef(ctx, l.master_id),
  });
}
