// The engine's chain scope and declared counts, seen through the loyalty lists: rows of another chain stay out
// of every list that names this chain (directly or through one of its companies), and `meta.count` counts what
// the collection declares (the page, or every match).
import { loyaltyState } from "../../../src/testing/index";
import { normalizePhone } from "../../../src/testing/state";
import { useSignedIn } from "../../helpers/simulator";

const h = useSignedIn();
let phone: string;
beforeAll(() => {
  const loyalty = loyaltyState(h.sim.state);
  const other = h.chainId + 1;
  const [card] = loyalty.cards;
  const [ticket] = loyalty.abonements;
  const [deposit] = loyalty.deposits;
  phone = card.phone;
  // Rows of a chain the simulator does not have, for the same phones and clients as this chain's.
  loyalty.cardTypes.push({ id: 990_001, chain_id: other, title: "Чужая сеть" });
  loyalty.cards.push({ ...card, id: 990_002, chain_id: other, type_id: 990_001, number: "990002" });
  loyalty.abonements.push({ ...ticket, id: 990_003, chain_id: other });
  loyalty.deposits.push({ ...deposit, id: 990_004, chain_id: other });
});

const ids = (answer: { data: Array<{ id?: number }> }) => answer.data.map((row) => row.id);

describe("chain-scoped lists", () => {
  it("leave out rows of another chain, whether the path names the chain or a company of it", async () => {
    expect(ids(await h.yc.loyalty.cardTypes.list())).not.toContain(990_001);
    expect(ids(await h.yc.loyalty.cardTypes.chainList(h.chainId))).not.toContain(990_001);
    expect(ids(await h.yc.loyalty.cards.listByPhone(phone, h.chainId))).not.toContain(990_002);
    const ticketPhone = loyaltyState(h.sim.state).abonements[0].phone;
    const tickets = await h.yc.loyalty.abonements.listByPhone({ company_id: h.company.id, phone: ticketPhone });
    expect(ids(tickets)).not.toContain(990_003);
    expect(ids(await h.yc.loyalty.abonements.chainList(h.chainId))).not.toContain(990_003);
    const accounts = await h.yc.deposits.chainList(h.chainId);
    expect(accounts.data.map((e) => e.deposit.id)).not.toContain(990_004);
  });

  it("answers 404 for a chain that is not the simulator's", async () => {
    await expect(h.yc.loyalty.cardTypes.chainList(h.chainId + 1)).rejects.toMatchObject({ status: 404 });
    await expect(h.yc.loyalty.cards.listByPhone(normalizePhone(phone), h.chainId + 1)).rejects.toMatchObject({
      status: 404,
    });
  });

  it("counts every match for the ticket type search, and the page for the chain's tickets", async () => {
    const types = await h.yc.loyalty.abonementTypes.list({ page_size: 1 });
    expect(types.data).toHaveLength(1);
    expect(types.meta).toMatchObject({ count: 2 });
    const tickets = await h.yc.loyalty.abonements.chainList(h.chainId, { count: 1 });
    expect(tickets.data).toHaveLength(1);
    expect(tickets.meta).toMatchObject({ count: 1 });
  });
});
