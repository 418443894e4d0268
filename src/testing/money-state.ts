// The simulator's money and stock: accounts, payment items, warehouses, products, storage documents,
// goods transactions and finance transactions of each company. Kept beside the core state (one
// `MoneyState` per `SimulatorState`, seeded on first use) so the money area stays in its own files.
// Amounts are numbers in currency units; signs follow the API: a finance transaction is positive for
// income and negative for an expense; a goods transaction is negative when stock leaves a warehouse.
import { nextId, type SimulatorState } from "./state.js";

export interface MoneyAccount {
  id: number;
  company_id: number;
  title: string;
  /** 0 cash desk, 1 bank account. */
  type: 0 | 1;
  comment: string;
  /** Money on the account before any simulated transaction. */
  opening: number;
}

export interface PaymentItem {
  id: number;
  title: string;
}

export interface MoneyStorage {
  id: number;
  company_id: number;
  title: string;
  for_service: 0 | 1;
  for_sale: 0 | 1;
  comment: string;
}

export interface MoneyGood {
  id: number;
  company_id: number;
  title: string;
  article: string;
  barcode: string;
  category_id: number;
  /** Sale price of one sale unit. */
  cost: number;
  /** Cost price of one sale unit. */
  actual_cost: number;
  unit_id: number;
  service_unit_id: number;
  /** Write-off units in one sale unit. */
  unit_equals: number;
  /** Stock per warehouse id, in sale units. */
  stock: Record<number, number>;
  deleted: boolean;
  updated_at: number;
}

export interface StorageDocument {
  id: number;
  company_id: number;
  /** 1 sale, 3 receipt, 4 write-off, 5 movement, 7 visit (see `stockSign`). */
  type_id: number;
  /** For a visit's document (type 7): the visit whose goods and payments it holds. */
  visit_id?: number;
  storage_id: number;
  number: number;
  comment: string;
  create_date: string;
  user_id: number;
  deleted: boolean;
}

export interface GoodsLine {
  id: number;
  company_id: number;
  document_id: number;
  good_id: number;
  storage_id: number;
  /** Signed quantity in sale units: negative when stock left the warehouse. */
  amount: number;
  /** 1 the request counted in sale units, 2 in write-off units. */
  operation_unit_type: number;
  cost_per_unit: number;
  discount: number;
  cost: number;
  master_id: number;
  client_id: number;
  supplier_id: number;
  comment: string;
  created_at: number;
  updated_at: number;
  deleted: boolean;
}

export interface MoneyTransaction {
  id: number;
  company_id: number;
  document_id: number;
  expense_id: number;
  account_id: number;
  /** Signed: positive income, negative expense. */
  amount: number;
  client_id: number;
  master_id: number;
  supplier_id: number;
  comment: string;
  /** `YYYY-MM-DD HH:MM:SS`, company time. */
  date: string;
  record_id: number;
  visit_id: number;
  goods_transaction_id: number;
  updated_at: number;
  deleted: boolean;
}

export interface MoneyState {
  accounts: MoneyAccount[];
  paymentItems: PaymentItem[];
  storages: MoneyStorage[];
  goods: MoneyGood[];
  documents: StorageDocument[];
  goodsLines: GoodsLine[];
  transactions: MoneyTransaction[];
}

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

function seedMoney(state: SimulatorState): MoneyState {
  const money: MoneyState = {
    accounts: [],
    paymentItems: [...PAYMENT_ITEMS],
    storages: [],
    goods: [],
    documents: [],
    goodsLines: [],
    transactions: [],
  };
  const catalogue = [
    { title: "Шампунь увлажняющий", article: "SH-250", cost: 1200, actual_cost: 600, stock: 12 },
    { title: "Маска для волос", article: "MK-200", cost: 950.5, actual_cost: 410, stock: 5 },
    { title: "Воск для укладки", article: "WX-075", cost: 780, actual_cost: 300, stock: 0 },
  ];
  for (const company of state.companies) {
    const id = () => nextId(state, "money");
    const owned = { company_id: company.id };
    money.accounts.push(
      { id: id(), ...owned, title: "Основная касса", type: 0, comment: "На ресепшене", opening: 5000 },
      { id: id(), ...owned, title: "Расчётный счёт", type: 1, comment: "Безналичные", opening: 0 },
    );
    // A warehouse holds either the consumables of services or the goods for sale.
    const storage = (title: string, forService: 0 | 1, comment: string): MoneyStorage => {
      return { id: id(), ...owned, title, for_service: forService, for_sale: forService ? 0 : 1, comment };
    };
    const consumables = storage("Расходники", 1, "Для услуг");
    const shop = storage("Товары", 0, "Для продажи");
    money.storages.push(consumables, shop);
    for (const [i, { stock, ...item }] of catalogue.entries()) {
      money.goods.push({
        id: id(),
        ...owned,
        ...item,
        barcode: `46000000${company.id}${i}`,
        category_id: 0,
        unit_id: 1,
        service_unit_id: 2,
        unit_equals: 250,
        stock: { [shop.id]: stock, [consumables.id]: 0 },
        deleted: false,
        updated_at: 0,
      });
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

type TransactionFields = Pick<MoneyTransaction, "company_id" | "expense_id" | "account_id" | "amount" | "date">;

/** A new finance transaction's fields: `fields` and its links, unlinked where not given. */
export function newTransaction(now: number, fields: TransactionFields & Partial<MoneyTransaction>) {
  return { ...UNLINKED, ...fields, updated_at: now };
}

/** Books a finance transaction (a payment, a top-up, a sale's income) on the money state. */
export function bookTransaction(
  state: SimulatorState,
  now: number,
  fields: TransactionFields & Partial<MoneyTransaction>,
): MoneyTransaction {
  const transaction = { id: nextId(state, "money"), ...newTransaction(now, fields) };
  moneyState(state).transactions.push(transaction);
  return transaction;
}

type DocumentFields = Omit<StorageDocument, "id" | "number" | "deleted">;

/** A new storage document's fields, numbered after the company's other documents. */
export function newDocument(state: SimulatorState, fields: DocumentFields): Omit<StorageDocument, "id"> {
  const number = moneyState(state).documents.filter((d) => d.company_id === fields.company_id).length + 1;
  return { ...fields, number, deleted: false };
}

/** Opens a storage document (a storage operation's, a visit's). */
export function openDocument(state: SimulatorState, fields: DocumentFields): StorageDocument {
  const document = { id: nextId(state, "money"), ...newDocument(state, fields) };
  moneyState(state).documents.push(document);
  return document;
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
