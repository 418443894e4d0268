// `yclients-client/testing` exports the helpers its README documents for the areas kept on `sim.state`, and
// they read the same objects the handlers change (no hidden per-module maps).
import * as testing from "../../src/testing/index";

test("the documented helpers are exported and work on sim.state", async () => {
  const sim = await testing.startYclientsSimulator({ rateLimit: false, today: "2026-03-10" });
  try {
    const money = testing.moneyState(sim.state);
    expect(sim.state.money).toBe(money);
    const cash = money.accounts.find((a) => a.company_id === sim.state.companies[0].id)!;
    expect(testing.accountBalance(money, cash.id)).toBe(5000);
    expect(testing.loyaltyState(sim.state)).toBe(sim.state.loyalty);
    expect(testing.groupEventsOf(sim.state)).toEqual({ events: [] });
    expect(testing.waitingListOf(sim.state)).toBe(sim.state.waitingList);
    const next = sim.state.nextIds.activity;
    expect(next).toBe(testing.FIRST_ACTIVITY_ID);
    expect(testing.nextId(sim.state, "activity")).toBe(next);
    expect(sim.state.nextIds.activity).toBe(next + 1);
  } finally {
    await sim.close();
  }
});
