// Values that make the finance and stock operations succeed against the simulator's state, for the
// conformance test (which otherwise sends the spec's example ids, unknown to the simulator). The documents
// and transactions it needs are put into the money state once per simulator, each operation group on its
// own document so that the deletes (run last) do not take away what another operation reads.
import { GOODS_SALE_ITEM, moneyState, type MoneyState } from "../../../src/testing/money-state";
import type { OperationEntry } from "../../../src/testing/spec-index";
import { nextId, type SimulatorState } from "../../../src/testing/state";

interface Fixture {
  account: number;
  storage: number;
  good: number;
  /** A sale with one unpaid line and one partial payment: sale and document-transaction operations. */
  sale: number;
  salePayment: number;
  /** A plain document for the document CRUD operations. */
  document: number;
  /** A goods line on its own document, for the goods-transaction operations. */
  line: number;
  /** A finance transaction for the finance-transaction operations. */
  transaction: number;
}

const fixtures = new WeakMap<SimulatorState, Fixture>();

function fixtureOf(state: SimulatorState, companyId: number): Fixture {
  let fixture = fixtures.get(state);
  if (!fixture) fixtures.set(state, (fixture = build(state, moneyState(state), companyId)));
  return fixture;
}

function build(state: SimulatorState, money: MoneyState, companyId: number): Fixture {
  const account = money.accounts.find((a) => a.company_id === companyId)!.id;
  const storage = money.storages.find((s) => s.company_id === companyId && s.for_sale === 1)!.id;
  const good = money.goods.find((g) => g.company_id === companyId)!.id;
  const id = () => nextId(state, "money");
  const doc = (type_id: number) => {
    const d = {
      id: id(),
      company_id: companyId,
      type_id,
      storage_id: storage,
      number: 1,
      comment: "",
      create_date: "2026-03-10 10:00:00",
      user_id: 0,
      deleted: false,
    };
    money.documents.push(d);
    return d.id;
  };
  const line = (document_id: number) => {
    const l = {
      id: id(),
      company_id: companyId,
      document_id,
      good_id: good,
      storage_id: storage,
      amount: -2,
      operation_unit_type: 1,
      cost_per_unit: 1000,
      discount: 0,
      cost: 2000,
      master_id: 0,
      client_id: 0,
      supplier_id: 0,
      comment: "",
      created_at: 0,
      updated_at: 0,
      deleted: false,
    };
    money.goodsLines.push(l);
    return l.id;
  };
  const transaction = (document_id: number, amount: number) => {
    const t = {
      id: id(),
      company_id: companyId,
      document_id,
      expense_id: GOODS_SALE_ITEM,
      account_id: account,
      amount,
      client_id: 0,
      master_id: 0,
      supplier_id: 0,
      comment: "",
      date: "2026-03-10 10:00:00",
      record_id: 0,
      visit_id: 0,
      goods_transaction_id: 0,
      updated_at: 0,
      deleted: false,
    };
    money.transactions.push(t);
    return t.id;
  };
  const sale = doc(1);
  line(sale);
  const salePayment = transaction(sale, 500);
  const lineDocument = doc(1);
  return {
    account,
    storage,
    good,
    sale,
    salePayment,
    document: doc(1),
    line: line(lineDocument),
    transaction: transaction(0, 300),
  };
}

/** A path value for a finance or stock operation; undefined leaves the choice to the caller. */
export function moneyPathValue(
  state: SimulatorState,
  op: OperationEntry,
  name: string,
  companyId: number,
): string | undefined {
  if (!/^\/(company\/\{company_id\}\/sale|finance_transactions|storage_operations|goods\/)/.test(op.path))
    return undefined;
  const f = fixtureOf(state, companyId);
  switch (name) {
    case "document_id":
      return String(op.path.startsWith("/storage_operations/documents/{company_id}") ? f.document : f.sale);
    case "payment_transaction_id":
      return String(f.salePayment);
    case "transaction_id":
      return String(op.path.startsWith("/finance_transactions") ? f.transaction : f.line);
    case "good_id":
      return String(f.good);
  }
  return undefined;
}

/** A request body for a finance or stock operation; undefined leaves the choice to the caller. */
export function moneyBody(state: SimulatorState, op: OperationEntry, companyId: number): unknown {
  const f = fixtureOf(state, companyId);
  const line = { good_id: f.good, amount: 1, cost_per_unit: 1000, discount: 0, cost: 1000, operation_unit_type: 1 };
  switch (op.key) {
    case "POST /finance_transactions/{company_id}":
    case "PUT /finance_transactions/{company_id}/{transaction_id}":
      return { expense_id: 5, amount: 1500.5, account_id: f.account, date: "2026-03-10 12:00:00", comment: "Проверка" };
    case "POST /company/{company_id}/sale/{document_id}/payment":
      return { payment: { method: { slug: "account", account_id: f.account }, amount: 100 } };
    case "POST /storage_operations/documents/{company_id}":
    case "PUT /storage_operations/documents/{company_id}/{document_id}":
      return { type_id: 1, storage_id: f.storage, create_date: "2026-03-10 10:00:00", comment: "Проверка" };
    case "POST /storage_operations/goods_transactions/{company_id}":
      return { ...line, document_id: f.document };
    case "PUT /storage_operations/goods_transactions/{company_id}/{transaction_id}":
      return line;
    case "POST /storage_operations/operation/{company_id}":
      return { type_id: 3, storage_id: f.storage, create_date: "2026-03-10 10:00:00", goods_transactions: [line] };
  }
  return undefined;
}
