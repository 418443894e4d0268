// Personal accounts (deposits) through the friendly methods against the simulator: a top-up raises the
// balance, appears in the account's history and books the payment on the cash desk (the finance
// transactions list and the account's balance see it); bad top-ups change nothing; the chain-wide list
// filters by balance and pages with `limit`.
import { YclientsNotFoundError, YclientsValidationError } from "../../../src/index";
import { loyaltyState, type SimDeposit } from "../../../src/testing/loyalty-state";
import { accountBalance, moneyState } from "../../../src/testing/money-state";
import { normalizePhone } from "../../../src/testing/state";
import { useSignedIn } from "../../helpers/simulator";

const h = useSignedIn({ client: { retry: { maxTries: 1 } } });

/** A seeded personal account whose owner is a client of the harness company. */
function ownDeposit(): SimDeposit {
  const ids = new Set(h.clientsOf(h.company).map((c) => c.id));
  const deposit = loyaltyState(h.sim.state).deposits.find((d) => ids.has(d.client_id));
  if (!deposit) throw new Error("the seed gave the company no personal account");
  return deposit;
}

const cashDesk = () => moneyState(h.sim.state).accounts.find((a) => a.company_id === h.company.id && a.type === 0)!;

describe("deposits", () => {
  it("a top-up raises the balance, shows in the history and books the payment on the cash desk", async () => {
    const deposit = ownDeposit();
    const desk = cashDesk();
    const [before] = (await h.yc.deposits.listByClient(deposit.client_id)).data;
    const deskBefore = accountBalance(moneyState(h.sim.state), desk.id);

    const result = await h.yc.deposits.topUp({
      client_id: deposit.client_id,
      deposit_id: deposit.id,
      amount: 100.5,
      account_id: desk.id,
    });
    expect(result.data.deposits_transactions?.[0]).toMatchObject({ amount: 100.5, deposit_id: deposit.id });
    expect(result.data.payment_transactions?.[0]).toMatchObject({ amount: 100.5, account_id: desk.id });

    const [after] = (await h.yc.deposits.listByClient(deposit.client_id)).data;
    expect(after.deposit.balance).toBeCloseTo(Number(before.deposit.balance) + 100.5, 2);
    const history = await h.yc.deposits.chainHistory(h.chainId, deposit.id);
    expect(history.data[0].deposit_transaction.amount).toBe(100.5);

    expect(accountBalance(moneyState(h.sim.state), desk.id)).toBeCloseTo(deskBefore + 100.5, 2);
    const payments = await h.yc.financeTransactions.list({ account_id: desk.id, client_id: deposit.client_id });
    expect(payments.data.map((t) => Number(t.amount))).toContain(100.5);
  });

  it("refuses a zero or negative amount, a foreign account and an unknown cash desk, and changes nothing", async () => {
    const deposit = ownDeposit();
    const other = h.clientsOf(h.company).find((c) => c.id !== deposit.client_id)!;
    const balance = deposit.balance;
    const lines = loyaltyState(h.sim.state).depositTransactions.length;
    const payments = moneyState(h.sim.state).transactions.length;
    for (const [body, field] of [
      [{ client_id: deposit.client_id, deposit_id: deposit.id, amount: 0, account_id: cashDesk().id }, "amount"],
      [{ client_id: deposit.client_id, deposit_id: deposit.id, amount: -10, account_id: cashDesk().id }, "amount"],
      [{ client_id: other.id, deposit_id: deposit.id, amount: 10, account_id: cashDesk().id }, "deposit_id"],
      [{ client_id: deposit.client_id, deposit_id: deposit.id, amount: 10, account_id: 1 }, "account_id"],
    ] as const) {
      const error = await h.yc.deposits.topUp(body).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(YclientsValidationError);
      expect(Object.keys((error as YclientsValidationError).fieldErrors ?? {})).toEqual([field]);
    }
    expect(deposit.balance).toBe(balance);
    expect(loyaltyState(h.sim.state).depositTransactions).toHaveLength(lines);
    expect(moneyState(h.sim.state).transactions).toHaveLength(payments);
  });

  it("lists the chain's accounts within a balance range, page by page", async () => {
    const loyalty = loyaltyState(h.sim.state);
    const [type] = loyalty.depositTypes;
    const clients = h.sim.state.clients;
    for (let i = 0; i < 120; i++) {
      loyalty.deposits.push({
        id: 800_000 + i,
        chain_id: h.chainId,
        type_id: type.id,
        client_id: clients[i % clients.length].id,
        initial_balance: 0,
        balance: 1000 + i * 0.5,
        blocked: false,
        created_at: 1_767_225_600,
      });
    }
    const requestsBefore = h.sim.requests.length;
    const all = await h.yc.deposits.chainListAll(h.chainId, { balance_from: 1010, balance_to: 1049.5 }, { limit: 500 });
    const expected = loyalty.deposits
      .filter((d) => d.chain_id === h.chainId && d.balance >= 1010 && d.balance <= 1049.5)
      .map((d) => d.id)
      .sort((a, b) => a - b);
    expect(all.map((e) => e.deposit.id)).toEqual(expected);
    expect(all.every((e) => e.client !== undefined)).toBe(true);

    const pages = h.sim.requests.slice(requestsBefore);
    expect(expected.length).toBeGreaterThan(50);
    expect(pages).toHaveLength(Math.floor(expected.length / 50) + 1);
    expect(pages.map((r) => r.query.limit)).toEqual(pages.map(() => "50"));
  });

  it("finds a client's accounts in the chain by phone", async () => {
    const deposit = ownDeposit();
    const owner = h.sim.state.clients.find((c) => c.id === deposit.client_id)!;
    const found = await h.yc.deposits.chainListByPhone(h.chainId, normalizePhone(owner.phone));
    expect(found.data.map((e) => e.deposit.id)).toContain(deposit.id);
  });

  it("answers 404 for an unknown chain or account", async () => {
    await expect(h.yc.deposits.chainHistory(h.chainId + 1, ownDeposit().id)).rejects.toBeInstanceOf(
      YclientsNotFoundError,
    );
    await expect(h.yc.deposits.chainHistory(h.chainId, 1)).rejects.toBeInstanceOf(YclientsNotFoundError);
  });
});
