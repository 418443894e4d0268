// Type-level promises of the loyalty and deposit methods (tsc fails if a @ts-expect-error line stops being an
// error): money in answers is `number | string` and must be converted before arithmetic, request amounts are
// numbers, answers are closed, and chain-level methods cannot be called without the chain id. The runtime part
// checks the same calls against the simulator.
import type { components } from "../../../generated/schema";
import { useSignedIn } from "../../helpers/simulator";

type LoyaltyCard = components["schemas"]["LoyaltyCard"];

const h = useSignedIn({ client: { retry: { maxTries: 1 } } });

describe("loyalty and deposit types", () => {
  it("money in answers is number | string and needs Number() before arithmetic", async () => {
    const [card] = (await h.yc.loyalty.cards.listByClient(h.sim.state.clients[0].id)).data;
    const balance: LoyaltyCard["balance"] = card.balance;
    const present: number | string = card.balance!;
    // @ts-expect-error a Money field may be a decimal string: it is not assignable to number
    const raw: number = card.balance!;
    expect(raw).toBe(350.5);
    expect(present).toBe(raw);
    expect(Number(balance) + 0.5).toBe(351);
    // @ts-expect-error answers are closed: a misspelled field is a compile error
    expect(card.balanse).toBeUndefined();
  });

  it("request amounts are numbers, and a chain-level call needs the chain id", async () => {
    const [card] = (await h.yc.loyalty.cards.listByClient(h.sim.state.clients[0].id)).data;
    // @ts-expect-error the amount of a manual transaction is a number, not a string
    const typo = { amount: "10" } satisfies Parameters<typeof h.yc.loyalty.cards.manualTransaction>[1];
    expect(typo.amount).toBe("10");
    // @ts-expect-error the chain id comes first: (chainId, cardId, body)
    const missing = h.yc.loyalty.cards.chainManualTransaction(card.id, { amount: 1 });
    await expect(missing).rejects.toBeDefined();
    const done = await h.yc.loyalty.cards.chainManualTransaction(h.chainId, card.id, { amount: 1 });
    expect(done.data.balance).toBe(351.5);
  });
});
