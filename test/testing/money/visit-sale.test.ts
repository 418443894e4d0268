// Selling goods in a visit: `yc.visits.update` with goods and payments moves stock out of the shop, books
// the payments on their accounts linked to the record and the visit, and cancels payments on request.
import { YclientsValidationError } from "../../../src/index";
import { accountBalance, moneyState } from "../../../src/testing/money-state";
import { useSignedIn } from "../../helpers/simulator";

const h = useSignedIn();

describe("goods and payments of a visit", () => {
  it("a visit update sells goods from the shop and books its payments, once", async () => {
    const record = h.sim.state.records.find((r) => !r.deleted && r.company_id === h.sim.state.companies[0].id)!;
    const visitId = record.visit_id ?? record.id;
    const money = moneyState(h.sim.state);
    const shop = money.storages.find((s) => s.company_id === record.company_id && s.for_sale === 1)!;
    const good = money.goods.find((g) => g.company_id === record.company_id && g.title.startsWith("Маска"))!;
    const cash = money.accounts.find((a) => a.company_id === record.company_id && a.type === 0)!;
    const stock = good.stock[shop.id];
    const balance = accountBalance(money, cash.id);

    // The visit form's shape: signed quantity and numbers as strings.
    const goods = [
      {
        good_id: String(good.id),
        storage_id: String(shop.id),
        amount: "-1.000000000",
        cost_per_unit: "950.50",
        discount: "0",
        cost: "950.50",
        operation_unit_type: 1,
      },
    ];
    await h.yc.visits.update(visitId, record.id, {
      attendance: 1,
      goods_transactions: goods,
      new_transactions: [{ amount: 950.5, account_id: cash.id }],
    });
    expect(good.stock[shop.id]).toBe(stock - 1);
    expect(accountBalance(money, cash.id)).toBe(balance + 950.5);

    const paid = (await h.yc.financeTransactions.listByVisit({ visit_id: visitId })).data;
    expect(paid.map((t) => [t.amount, t.record_id, t.visit_id])).toEqual([["950.50", record.id, visitId]]);
    const byRecord = (await h.yc.financeTransactions.listByVisit({ record_id: record.id })).data;
    expect(byRecord.map((t) => t.id)).toEqual(paid.map((t) => t.id));

    // The API resends the visit's whole goods list with the ids it gave: nothing is booked twice.
    const document = money.documents.find((d) => d.visit_id === visitId)!;
    expect(document.type_id).toBe(7);
    const [line] = money.goodsLines.filter((l) => l.document_id === document.id);
    await h.yc.visits.update(visitId, record.id, { goods_transactions: [{ ...goods[0], id: String(line.id) }] });
    expect(good.stock[shop.id]).toBe(stock - 1);

    await h.yc.visits.update(visitId, record.id, { deleted_transaction_ids: [Number(paid[0].id)] });
    expect(accountBalance(money, cash.id)).toBe(balance);
    expect((await h.yc.financeTransactions.listByVisit({ visit_id: visitId })).data).toEqual([]);
  });

  it("an unknown product or account is refused and nothing changes", async () => {
    const record = h.sim.state.records.find((r) => !r.deleted && r.company_id === h.sim.state.companies[0].id)!;
    const visitId = record.visit_id ?? record.id;
    const money = moneyState(h.sim.state);
    const before = {
      lines: money.goodsLines.length,
      transactions: money.transactions.length,
      attendance: record.attendance,
    };
    const failure = h.yc.visits.update(visitId, record.id, {
      attendance: record.attendance === 1 ? 2 : 1,
      goods_transactions: [
        { good_id: 987654321, amount: 1, cost_per_unit: 1, discount: 0, cost: 1, operation_unit_type: 1 },
      ],
      new_transactions: [{ amount: 10, account_id: 987654321 }],
    });
    await expect(failure).rejects.toBeInstanceOf(YclientsValidationError);
    await expect(failure).rejects.toMatchObject({
      fieldErrors: {
        "goods_transactions.0.good_id": expect.any(Array),
        "new_transactions.0.account_id": expect.any(Array),
      },
    });
    expect({
      lines: money.goodsLines.length,
      transactions: money.transactions.length,
      attendance: record.attendance,
    }).toEqual(before);
  });
});
