// The simulator's money and stock of each company, kept beside the core state (one `MoneyState` per
// `SimulatorState`, seeded on first use) so the money area stays in its own files. Amounts are numbers in
// currency units, signed as the API signs them.
import { addRow, nextId, type Api, type ApiNumbers, type SimulatorState } from "./state.js";

/** The last change (Unix seconds) and the mark that keeps a deleted row for history. */
type Stamped = { updated_at: number; deleted: boolean };
type Owned = { company_id: number };

/** A cash desk (`type` 0) or bank account (1); `opening`: its money before any simulated transaction. */
export type MoneyAccount = Api<"Account", "title" | "type" | "comment" | "company_id"> &
  ApiNumbers<"Account", "id"> & { opening: number };

export type PaymentItem = { id: number; title: string };

export type MoneyStorage = Api<"Storage", "title" | "for_service" | "for_sale" | "comment"> &
  ApiNumbers<"Storage", "id"> &
  Owned;

type GoodNumbers = "id" | "category_id" | "cost" | "actual_cost" | "unit_id" | "service_unit_id" | "unit_equals";
/** A product: `cost` (sale) and `actual_cost` (cost price) are of one sale unit, which holds `unit_equals`
 * write-off units; `stock` is in sale units per warehouse id. */
export type MoneyGood = Api<"Good", "title" | "article"> &
  ApiNumbers<"Good", GoodNumbers> &
  Stamped &
  Owned & { barcode: string; stock: Record<number, number> };

type DocumentFields = "id" | "type_id" | "storage_id" | "user_id" | "company_id" | "number" | "comment";
/** A storage document; a visit's (type 7) names the visit whose goods and payments it holds. */
export type StorageDocument = Api<"Document", DocumentFields> & {
  visit_id?: number;
  create_date: string;
  deleted: boolean;
};

type LineFields = "id" | "document_id" | "company_id" | "good_id" | "storage_id" | "operation_unit_type" | "comment";
/** A goods line: `amount` is signed, in sale units (negative when stock left the warehouse). */
export type GoodsLine = Api<"StorageOperation", LineFields | "master_id" | "client_id" | "supplier_id"> &
  ApiNumbers<"StorageOperation", "amount" | "cost_per_unit" | "discount" | "cost"> &
  Stamped & { created_at: number };

type TransactionLinks = "document_id" | "client_id" | "master_id" | "supplier_id" | "record_id" | "visit_id";
/** A finance transaction: `amount` is positive for income, negative for an expense; `date` in company time. */
export type MoneyTransaction = Api<"FinanceTransaction", TransactionLinks | "goods_transaction_id" | "comment"> &
  Api<"FinanceTransaction", "expense_id" | "account_id"> &
  ApiNumbers<"FinanceTransaction", "id" | "amount"> &
  Stamped &
  Owned & { date: string };

/** Payment items every company has (ids as in the documentation's examples). */
export const PAYMENT_ITEMS: readonly PaymentItem[] = [
  { id: 1, title: "Прочие доходы" },
  { id: 2, title: "Закупка товаров" },
  { id: 3, title: "Прочие расходы" },
  { id: 5, title: "Оказание услуг" },
  { id: 7, title: "Продажа товаров" },
];
export const GOODS_SALE_ITEM = 7;

/** The money state of a simulator (`state.money`), seeded from its companies the first time it is asked for. */
export function moneyState(state: SimulatorState): MoneyState {
  return (state.money ??= seedMoney(state));
}

const GOODS = [
  { title: "Шампунь увлажняющий", article: "SH-250", cost: 1200, actual_cost: 600, stock: 12 },
  { title: "Маска для волос", article: "MK-200", cost: 950.5, actual_cost: 410, stock: 5 },
  { title: "Воск для укладки", article: "WX-075", cost: 780, actual_cost: 300, stock: 0 },
];
/** A warehouse holds either the consumables of services or the goods for sale. */
const STORAGES = [
  ["Расходники", 1, "Для услуг"],
  ["Товары", 0, "Для продажи"],
] as const;
const GOOD_UNITS = { category_id: 0, unit_id: 1, service_unit_id: 2, unit_equals: 250 };

const noMoney = () => ({
  accounts: [] as MoneyAccount[],
  paymentItems: [...PAYMENT_ITEMS],
  storages: [] as MoneyStorage[],
  goods: [] as MoneyGood[],
  documents: [] as StorageDocument[],
  goodsLines: [] as GoodsLine[],
  transactions: [] as MoneyTransaction[],
});
export type MoneyState = ReturnType<typeof noMoney>;

function seedMoney(state: SimulatorState): MoneyState {
  const money = noMoney();
  for (const company of state.companies) {
    const id = () => nextId(state, "money");
    const owned = { company_id: company.id };
    money.accounts.push(
      { id: id(), ...owned, title: "Основная касса", type: 0, comment: "На ресепшене", opening: 5000 },
      { id: id(), ...owned, title: "Расчётный счёт", type: 1, comment: "Безналичные", opening: 0 },
    );
    const [consumables, shop] = STORAGES.map(([title, forService, comment]) => {
      return { id: id(), ...owned, title, for_service: forService, for_sale: 1 - forService, comment };
    });
    money.storages.push(consumables, shop);
    for (const [i, { stock: inShop, ...item }] of GOODS.entries()) {
      const barcode = `46000000${company.id}${i}`;
      const stock = { [shop.id]: inShop, [consumables.id]: 0 };
      money.goods.push({ id: id(), ...owned, ...item, barcode, ...GOOD_UNITS, stock, deleted: false, updated_at: 0 });
    }
  }
  return money;
}

/** What a finance transaction holds when nothing links it to a document, person, record or product. */
const UNLINKED = {
  document_id: 0,
  client_id: 0,
  master_id: 0,
  supplier_id: 0,
  comment: "",
  record_id: 0,
  visit_id: 0,
  goods_transaction_id: 0,
  deleted: false,
};

type NewTransaction = Pick<MoneyTransaction, "company_id" | "expense_id" | "account_id" | "amount" | "date"> &
  Partial<MoneyTransaction>;

/** A new finance transaction's fields: `fields` and its links, unlinked where not given. */
export function newTransaction(now: number, fields: NewTransaction) {
  return { ...UNLINKED, ...fields, updated_at: now };
}

/** Books a finance transaction (a payment, a top-up, a sale's income) on the money state. */
export function bookTransaction(state: SimulatorState, now: number, fields: NewTransaction): MoneyTransaction {
  return addRow(state, "money", moneyState(state).transactions, newTransaction(now, fields));
}

type NewDocument = Omit<StorageDocument, "id" | "number" | "deleted">;

/** A new storage document's fields, numbered after the company's other documents. */
export function newDocument(state: SimulatorState, fields: NewDocument): Omit<StorageDocument, "id"> {
  const number = moneyState(state).documents.filter((d) => d.company_id === fields.company_id).length + 1;
  return { ...fields, number, deleted: false };
}

/** Opens a storage document (a storage operation's, a visit's). */
export function openDocument(state: SimulatorState, fields: NewDocument): StorageDocument {
  return addRow(state, "money", moneyState(state).documents, newDocument(state, fields));
}

/** The company's warehouse of goods for sale. */
export function shopOf(state: SimulatorState, companyId: number): MoneyStorage | undefined {
  return moneyState(state).storages.find((s) => s.company_id === companyId && s.for_sale === 1);
}

/** How a document type moves stock: receipts add, sales, write-offs and movements take away. */
export function stockSign(documentType: number): 1 | -1 {
  return documentType === 3 ? 1 : -1;
}

/** Adds a signed quantity (sale units) to a product's stock in a warehouse. */
export function moveStock(good: MoneyGood, storageId: number, amount: number): void {
  good.stock[storageId] = roundQuantity((good.stock[storageId] ?? 0) + amount);
}

/** An account's balance: its opening money plus the signed amounts of its live transactions. */
export function accountBalance(money: MoneyState, accountId: number): number {
  const account = money.accounts.find((a) => a.id === accountId);
  if (!account) throw new Error(`no account ${accountId}`);
  const sum = money.transactions
    .filter((t) => t.account_id === accountId && !t.deleted)
    .reduce((total, t) => total + t.amount, account.opening);
  return roundMoney(sum);
}

/** Money is kept to the kopeck: sums of fractional amounts are rounded to two decimals. */
export function roundMoney(value: number): number {
  return Math.round(value * 100) / 100;
}

function roundQuantity(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
