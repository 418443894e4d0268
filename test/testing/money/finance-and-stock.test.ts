// Finance and stock in the simulator, driven through the SDK's friendly methods over HTTP: a paid sale
// moves stock and books money, a payment changes an account's balance, deletions undo both, and bad
// money input is refused with the field named.
import { YclientsNotFoundError, YclientsValidationError } from "../../../src/index";
import { accountBalance, moneyState } from "../../../src/testing/money-state";
import { expectFieldErrors, useSignedIn } from "../../helpers/simulator";

const h = useSignedIn();

const money = () => moneyState(h.sim.state);

/** The cash account, the shop's storage and the shampoo, with the shampoo's stock there and the cash balance now. */
async function setup() {
  const accounts = (await h.yc.accounts.list()).data;
  const cash = accounts.find((a) => a.type === 0)!;
  const storages = (await h.yc.storages.list()).data;
  const shop = storages.find((s) => s.for_sale === 1)!;
  const [shampoo] = (await h.yc.goods.list({ term: "Шампунь" })).data;
  const goodId = Number(shampoo.id);
  return { cash, shop, shampoo, goodId, stock: stockOf(shampoo, shop.id), balance: cashBalance(cash) };
}

/** A good's stock in `storage` as goods.get reads it now (one good, not a list). */
async function stockNow(goodId: number, storage: { id: number | string }) {
  const good = (await h.yc.goods.get(goodId)).data;
  expect(Array.isArray(good)).toBe(false);
  return stockOf(good as Parameters<typeof stockOf>[0], storage.id);
}

const cashBalance = (cash: { id: number | string }) => accountBalance(money(), Number(cash.id));

function stockOf(
  good: { actual_amounts?: Array<{ storage_id: number | string; amount: number | string }> },
  storageId: unknown,
) {
  return Number(good.actual_amounts?.find((a) => String(a.storage_id) === String(storageId))?.amount);
}

/** One goods line; a discount of 0 and sale units (operation_unit_type 1) unless it says otherwise. */
interface GoodsLine {
  good_id: number;
  amount: number;
  cost_per_unit: number;
  cost: number;
  discount?: number;
  operation_unit_type?: number;
}

/** A storage operation of one line (type 1 a sale, 3 a receipt, 4 a write-off, 5 a movement) on 2026-03-10. */
function storageOperation(
  type_id: number,
  storage: { id: number | string },
  time: string,
  line: GoodsLine,
  paidFrom?: { id: number | string },
) {
  return h.yc.storageOperations.create({
    type_id,
    storage_id: Number(storage.id),
    create_date: `2026-03-10 ${time}`,
    goods_transactions: [{ discount: 0, operation_unit_type: 1, ...line }],
    ...(paidFrom && { paid: true, account_id: Number(paidFrom.id) }),
  });
}

describe("finance and stock in the simulator", () => {
  it("a paid goods sale lowers stock, books income on the account and shows up in the lists", async () => {
    const { cash, shop, goodId, stock: stockBefore, balance: balanceBefore } = await setup();

    const sale = await storageOperation(
      1,
      shop,
      "12:00:00",
      { good_id: goodId, amount: 2, cost_per_unit: 1200, discount: 10, cost: 2160 },
      cash,
    );
    const line = sale.data.goods_transactions![0];
    // The request's positive quantity comes back negative: stock left the warehouse.
    expect(line.amount).toBe(-2);
    expect(line.cost).toBe(2160);

    expect(await stockNow(goodId, shop)).toBe(stockBefore - 2);
    expect(cashBalance(cash)).toBe(balanceBefore + 2160);

    const documentId = sale.data.document.id;
    const paid = (await h.yc.storageDocuments.listFinanceTransactions(documentId)).data;
    expect(paid.map((t) => [t.amount, t.account_id, t.goods_transaction_id])).toEqual([
      [2160, Number(cash.id), line.id],
    ]);

    const listed = (await h.yc.financeTransactions.list({ document_id: documentId })).data;
    // Lists send amounts as decimal strings.
    expect(listed.map((t) => t.amount)).toEqual(["2160.00"]);

    const lines = (await h.yc.goodsTransactions.list({ document_id: documentId })).data;
    expect(lines.map((l) => [l.good_id, l.amount, l.cost])).toEqual([[goodId, -2, "2160.00"]]);
  });

  it("a receipt raises stock; deleting its line puts stock back", async () => {
    const { shop, goodId, stock: before } = await setup();
    const doc = await h.yc.storageDocuments.create({
      type_id: 3,
      storage_id: Number(shop.id),
      create_date: "2026-03-10 09:00:00",
    });
    const line = await h.yc.goodsTransactions.create({
      document_id: doc.data.id,
      good_id: goodId,
      amount: 5,
      cost_per_unit: 600,
      discount: 0,
      cost: 3000,
      operation_unit_type: 1,
    });
    expect(line.data.amount).toBe(5);
    expect(await stockNow(goodId, shop)).toBe(before + 5);

    // Changing the quantity re-books the difference only.
    await h.yc.goodsTransactions.update(line.data.id, {
      good_id: goodId,
      amount: 3,
      cost_per_unit: 600,
      discount: 0,
      cost: 1800,
      operation_unit_type: 1,
    });
    expect(await stockNow(goodId, shop)).toBe(before + 3);

    await h.yc.goodsTransactions.delete(line.data.id);
    expect(await stockNow(goodId, shop)).toBe(before);
    await expect(h.yc.goodsTransactions.get(line.data.id)).rejects.toBeInstanceOf(YclientsNotFoundError);
  });

  it("a write-off counted in write-off units moves stock by the unit ratio", async () => {
    const { shop, goodId, stock: before } = await setup();
    // 250 write-off units (ml) make one sale unit (a bottle).
    await storageOperation(4, shop, "10:00:00", {
      good_id: goodId,
      amount: 125,
      cost_per_unit: 0,
      cost: 0,
      operation_unit_type: 2,
    });
    expect(await stockNow(goodId, shop)).toBe(before - 0.5);
  });

  it("paying a sale in parts changes the balance and the amount still due; cancelling a payment undoes it", async () => {
    const { cash, shop, goodId } = await setup();
    const sale = await storageOperation(1, shop, "13:00:00", {
      good_id: goodId,
      amount: 1,
      cost_per_unit: 1000.5,
      cost: 1000.5,
    });
    const documentId = sale.data.document.id;
    const balance = () => cashBalance(cash);
    const start = balance();

    const unpaid = (await h.yc.sales.get(documentId)).data;
    expect(unpaid.payment_methods?.find((m) => m.account_id === Number(cash.id))?.applicable_amount).toBe(1000.5);

    const first = await h.yc.sales.pay(documentId, {
      payment: { method: { slug: "account", account_id: Number(cash.id) }, amount: 400.25 },
    });
    expect(balance()).toBe(start + 400.25);
    expect(first.data.payment_methods?.[0].applicable_amount).toBe(600.25);

    // More than is due is refused, naming the field; nothing is booked.
    const tooMuch = h.yc.sales.pay(documentId, {
      payment: { method: { slug: "account", account_id: Number(cash.id) }, amount: 700 },
    });
    await expect(tooMuch).rejects.toBeInstanceOf(YclientsValidationError);
    await expect(tooMuch).rejects.toMatchObject({ status: 422 });
    expect(balance()).toBe(start + 400.25);

    const second = await h.yc.sales.pay(documentId, {
      payment: { method: { slug: "account", account_id: Number(cash.id) }, amount: 600.25 },
    });
    expect(balance()).toBe(start + 1000.5);
    expect(second.data.payment_methods?.[0]).toMatchObject({ applicable_amount: 0, is_applicable: false });

    const firstPayment = second.data.state.payment_transactions![0];
    const after = await h.yc.sales.deletePayment(documentId, firstPayment.id);
    expect(after.data.state.payment_transactions!.map((p) => p.amount)).toEqual([600.25]);
    expect(balance()).toBe(start + 600.25);
  });

  it("an expense has a negative amount, lowers the balance and is found by balance_is=2; deleting it restores the balance", async () => {
    const { cash } = await setup();
    const accountId = Number(cash.id);
    const start = accountBalance(money(), accountId);
    const created = await h.yc.financeTransactions.create({
      expense_id: 2,
      amount: -1500,
      account_id: accountId,
      date: "2026-03-10 15:00:00",
      comment: "Закупка",
    });
    expect(created.data.amount).toBe(-1500);
    expect(accountBalance(money(), accountId)).toBe(start - 1500);

    const expenses = (await h.yc.financeTransactions.list({ account_id: accountId, balance_is: 2 })).data;
    expect(expenses.map((t) => t.amount)).toEqual(["-1500.00"]);
    const incomes = (await h.yc.financeTransactions.list({ account_id: accountId, balance_is: 1 })).data;
    expect(incomes.every((t) => Number(t.amount) > 0)).toBe(true);

    const updated = await h.yc.financeTransactions.update(created.data.id, {
      expense_id: 2,
      amount: -1200,
      account_id: accountId,
      date: "2026-03-10 15:00:00",
    });
    expect(Array.isArray(updated.data) ? updated.data[0].amount : updated.data.amount).toBe(-1200);
    expect(accountBalance(money(), accountId)).toBe(start - 1200);

    const deleted = await h.yc.financeTransactions.delete(created.data.id);
    expect(deleted.status).toBe(202);
    expect(accountBalance(money(), accountId)).toBe(start);
    await expect(h.yc.financeTransactions.get(created.data.id)).rejects.toBeInstanceOf(YclientsNotFoundError);
  });

  it("refuses bad money input with the fields named and books nothing", async () => {
    const before = money().transactions.length;
    await expectFieldErrors(
      h.yc.financeTransactions.create({ expense_id: 999, amount: 0, account_id: 1, date: "10.03.2026" }),
      ["account_id", "amount", "date", "expense_id"],
    );
    expect(money().transactions.length).toBe(before);
  });

  it("deleting a document undoes its stock movements and its payments", async () => {
    const { cash, shop, goodId, stock, balance } = await setup();
    const sale = await storageOperation(
      1,
      shop,
      "16:00:00",
      { good_id: goodId, amount: 1, cost_per_unit: 1200, cost: 1200 },
      cash,
    );
    expect(cashBalance(cash)).toBe(balance + 1200);
    await h.yc.storageDocuments.delete(sale.data.document.id);
    expect(await stockNow(goodId, shop)).toBe(stock);
    expect(cashBalance(cash)).toBe(balance);
    await expect(h.yc.sales.get(sale.data.document.id)).rejects.toBeInstanceOf(YclientsNotFoundError);
  });

  it("edge rules: stock may go negative, only sales can be paid, only account payments", async () => {
    const { cash, shop } = await setup();
    const wax = (await h.yc.goods.list({ term: "Воск" })).data[0];
    expect(stockOf(wax, shop.id)).toBe(0);
    const oversold = await storageOperation(1, shop, "17:00:00", {
      good_id: Number(wax.id),
      amount: 1,
      cost_per_unit: 780,
      cost: 780,
    });
    expect(await stockNow(Number(wax.id), shop)).toBe(-1);

    const paidReceipt = storageOperation(
      3,
      shop,
      "17:00:00",
      { good_id: Number(wax.id), amount: 1, cost_per_unit: 300, cost: 300 },
      cash,
    );
    await expect(paidReceipt).rejects.toMatchObject({ status: 422, fieldErrors: { paid: expect.any(Array) } });

    // A movement takes stock out of its warehouse (the receiving side is not simulated).
    await storageOperation(5, shop, "17:30:00", { good_id: Number(wax.id), amount: 2, cost_per_unit: 0, cost: 0 });
    expect(await stockNow(Number(wax.id), shop)).toBe(-3);

    const documentId = oversold.data.document.id;
    const byCard = h.yc.sales.pay(documentId, {
      payment: { method: { slug: "loyalty_card", loyalty_card_id: 1 }, amount: 10 },
    });
    await expect(byCard).rejects.toMatchObject({ status: 422 });

    // Cancelling a paid line undoes its stock movement; its payment stays until it is cancelled itself.
    await h.yc.sales.pay(documentId, {
      payment: { method: { slug: "account", account_id: Number(cash.id) }, amount: 780 },
    });
    const balance = cashBalance(cash);
    await h.yc.goodsTransactions.delete(oversold.data.goods_transactions![0].id);
    expect(await stockNow(Number(wax.id), shop)).toBe(-2);
    expect(cashBalance(cash)).toBe(balance);
  });
});
