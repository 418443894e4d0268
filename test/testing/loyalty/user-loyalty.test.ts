// The signed-in person's own loyalty data: an online-booking client's user token may read their cards and
// season tickets through the `/user/...` operations (matched by the phone of the account), but not call the
// staff operations.
import { YclientsClient, YclientsClientError } from "../../../src/index";
import { loyaltyState } from "../../../src/testing/loyalty-state";
import { normalizePhone } from "../../../src/testing/state";
import { useSignedIn } from "../../helpers/simulator";

const h = useSignedIn({ client: { retry: { maxTries: 1 } } });
let client: YclientsClient;
let phone: string;
beforeAll(() => {
  const user = h.sim.state.bookingUsers[0];
  phone = normalizePhone(user.phone);
  client = new YclientsClient({
    partnerToken: h.sim.partnerToken,
    userToken: user.token,
    baseUrl: h.sim.url,
    companyId: h.company.id,
    retry: { maxTries: 1 },
    rateLimit: false,
  });
});

describe("loyalty data of the signed-in client", () => {
  it("lists the cards issued to the account's phone", async () => {
    const before = (await client.loyalty.cards.listForUser(h.chainId)).data;
    const held = loyaltyState(h.sim.state).cards.filter((c) => c.phone === phone && !c.deleted);
    expect(before.map((c) => c.id)).toEqual(held.map((c) => c.id));
    const heldTypes = held.map((c) => c.type_id);
    const type = (await h.yc.loyalty.cardTypes.list()).data.find((t) => !heldTypes.includes(t.id))!;
    const card = await h.yc.loyalty.cards.create({
      loyalty_card_number: "4440001",
      loyalty_card_type_id: type.id,
      phone,
    });
    const mine = await client.loyalty.cards.listForUser(h.chainId);
    expect(mine.data.map((c) => c.id)).toEqual([...before.map((c) => c.id), card.data.id]);
  });

  it("lists the season tickets of the account's phone", async () => {
    const loyalty = loyaltyState(h.sim.state);
    const before = (await client.loyalty.abonements.listForUser({ company_id: h.company.id })).data.map((a) => a.id);
    loyalty.abonements.push({ ...loyalty.abonements[0], id: 660_001, phone, left: [] });
    const mine = await client.loyalty.abonements.listForUser({ company_id: h.company.id });
    expect(mine.data.map((a) => a.id)).toEqual([...before, 660_001]);
    const other = await h.yc.loyalty.abonements.listByPhone({ company_id: h.company.id, phone: "79990000000" });
    expect(other.data).toEqual([]);
  });

  it("may not call the staff operations", async () => {
    const error = await client.loyalty.cards.listByClient(h.sim.state.clients[0].id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(YclientsClientError);
    expect((error as YclientsClientError).status).toBe(403);
  });
});
