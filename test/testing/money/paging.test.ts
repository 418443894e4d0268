// The money lists page by the sizes the spec gives them (transactions 50, goods 25, goods transactions 20)
// and, with no trustworthy total in their answers, stop on a short page: listAll reads every row.
import type { YclientsClient } from "../../../src/index";
import { moneyState } from "../../../src/testing/money-state";
import { nextId, type YclientsSimulator } from "../../../src/testing/index";
import { startSignedIn } from "../../helpers/simulator";

let sim: YclientsSimulator;
let yc: YclientsClient;
let companyId: number;

beforeAll(async () => {
  ({ sim, yc, companyId } = await startSignedIn());
  // Enough rows for several pages of each list, put straight into the state.
  const money = moneyState(sim.state);
  const account = money.accounts.find((a) => a.company_id === companyId)!;
  const storage = money.storages.find((s) => s.company_id === companyId && s.for_sale === 1)!;
  const good = money.goods.find((g) => g.company_id === companyId)!;
  for (let i = 0; i < 120; i++) {
    money.transactions.push({
      id: nextId(sim.state, "money"),
      company_id: companyId,
      document_id: 0,
      expense_id: 5,
      account_id: account.id,
      amount: i % 2 ? 100 + i : -(100 + i),
      client_id: 0,
      master_id: 0,
      supplier_id: 0,
      comment: "",
      date: `2026-03-${String(1 + (i % 9)).padStart(2, "0")} 10:00:00`,
      record_id: 0,
      visit_id: 0,
      goods_transaction_id: 0,
      updated_at: 0,
      deleted: false,
    });
  }
  for (let i = 0; i < 45; i++) {
    money.goodsLines.push({
      id: nextId(sim.state, "money"),
      company_id: companyId,
      document_id: 1,
      good_id: good.id,
      storage_id: storage.id,
      amount: -1,
      operation_unit_type: 1,
      cost_per_unit: 10,
      discount: 0,
      cost: 10,
      master_id: 0,
      client_id: 0,
      supplier_id: 0,
      comment: "",
      created_at: i,
      updated_at: i,
      deleted: false,
    });
  }
  for (let i = 0; i < 30; i++) {
    money.goods.push({ ...good, id: nextId(sim.state, "money"), title: `Товар ${i}`, stock: {} });
  }
});
afterAll(() => sim.close());

function pageRequests(route: string): string[] {
  return sim.requests.filter((r) => r.route === route).map((r) => JSON.stringify(r.query));
}

describe("money lists page through the simulator", () => {
  it("financeTransactions.listAll reads 120 rows in pages of 50 and keeps the filters", async () => {
    sim.clearRequests();
    const all = await yc.financeTransactions.listAll({ balance_is: 1 }, { limit: 1000 });
    expect(all).toHaveLength(60);
    expect(all.every((t) => Number(t.amount) > 0)).toBe(true);
    expect(new Set(all.map((t) => t.id)).size).toBe(60);
    expect(pageRequests("GET /transactions/{company_id}")).toEqual([
      JSON.stringify({ balance_is: "1", page: "1", count: "50" }),
      JSON.stringify({ balance_is: "1", page: "2", count: "50" }),
    ]);
  });

  it("goods.listAll pages by 25 and goodsTransactions.listAll by 20", async () => {
    sim.clearRequests();
    const goods = await yc.goods.listAll(undefined, { limit: 1000 });
    expect(goods).toHaveLength(33);
    expect(pageRequests("GET /goods/{company_id}/")).toHaveLength(2);
    const lines = await yc.goodsTransactions.listAll({ document_id: 1 }, { limit: 1000 });
    expect(lines).toHaveLength(45);
    expect(pageRequests("GET /storages/transactions/{company_id}")).toHaveLength(3);
  });

  it("a page size above the documented one is refused before any request", async () => {
    sim.clearRequests();
    await expect(yc.financeTransactions.listAll(undefined, { limit: 1000, pageSize: 100 })).rejects.toThrow(
      /pageSize must be an integer from 1 to 50/,
    );
    expect(sim.requests).toHaveLength(0);
  });
});
