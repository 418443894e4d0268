// Loyalty cards through the friendly methods against the simulator: issuing a card and reading it back by
// phone and by client, the card types still open to a client, signed manual transactions (top-up and
// write-off, never below zero), chain- against company-level calls, deletion, and the errors on bad input.
import { YclientsConfigError, YclientsNotFoundError, YclientsValidationError } from "../../../src/index";
import { loyaltyState } from "../../../src/testing/loyalty-state";
import { normalizePhone } from "../../../src/testing/state";
import { expectFieldErrors, useSignedIn } from "../../helpers/simulator";

const h = useSignedIn({ client: { retry: { maxTries: 1 } } });

const PHONE = "79031234567";

async function cardTypeIds(): Promise<number[]> {
  return (await h.yc.loyalty.cardTypes.list()).data.map((t) => t.id);
}

/** Issues card `number` of the first card type to `phone`; answers the card. */
async function issueCard(number: string, phone: string) {
  const [typeId] = await cardTypeIds();
  return (await h.yc.loyalty.cards.create({ loyalty_card_number: number, loyalty_card_type_id: typeId, phone })).data;
}

describe("loyalty.cards", () => {
  it("issues a card, then finds it by phone and by client id with a zero balance", async () => {
    const client = h.clientsOf(h.company)[1];
    const [typeId] = await cardTypeIds();
    const issued = await h.yc.loyalty.cards.create({
      loyalty_card_number: "000123",
      loyalty_card_type_id: typeId,
      phone: client.phone,
    });
    expect(issued.data).toMatchObject({ number: "000123", type_id: typeId, balance: 0, salon_group_id: h.chainId });

    const byPhone = await h.yc.loyalty.cards.listByPhone(normalizePhone(client.phone), h.chainId);
    expect(byPhone.data.map((c) => c.id)).toEqual([issued.data.id]);
    const byClient = await h.yc.loyalty.cards.listByClient(client.id);
    expect(byClient.data).toEqual(byPhone.data);
  });

  it("offers a client only the card types they do not hold yet", async () => {
    const types = await cardTypeIds();
    expect(types).toHaveLength(2);
    expect((await h.yc.loyalty.cardTypes.listForClient(PHONE)).data.map((t) => t.id)).toEqual(types);

    await h.yc.loyalty.cards.create({ loyalty_card_number: "5550001", loyalty_card_type_id: types[0], phone: PHONE });
    expect((await h.yc.loyalty.cardTypes.listForClient(PHONE)).data.map((t) => t.id)).toEqual([types[1]]);
    const again = await h.yc.loyalty.cards
      .create({ loyalty_card_number: "5550002", loyalty_card_type_id: types[0], phone: PHONE })
      .catch((e: unknown) => e);
    expect(again).toBeInstanceOf(YclientsValidationError);
    expect((again as YclientsValidationError).fieldErrors).toHaveProperty("loyalty_card_type_id");
  });

  it("refuses a used number, an unknown type and a bad phone, naming each field, and issues nothing", async () => {
    const before = loyaltyState(h.sim.state).cards.length;
    const [typeId] = await cardTypeIds();
    await expectFieldErrors(
      h.yc.loyalty.cards.create({ loyalty_card_number: "0001000001", loyalty_card_type_id: 1, phone: "12" }),
      ["loyalty_card_number", "loyalty_card_type_id", "phone"],
    );
    await expectFieldErrors(
      h.yc.loyalty.cards.create({
        loyalty_card_number: "0001000001",
        loyalty_card_type_id: typeId,
        phone: "79037654321",
      }),
      ["loyalty_card_number"],
    );
    expect(loyaltyState(h.sim.state).cards).toHaveLength(before);
  });

  it("tops up with a positive amount and writes off with a negative one, to the kopeck", async () => {
    const card = await issueCard("7770001", "79035550001");
    const topUp = await h.yc.loyalty.cards.manualTransaction(card.id, { amount: 100.5, title: "Бонус" });
    expect(topUp.data.balance).toBe(100.5);
    const writeOff = await h.yc.loyalty.cards.chainManualTransaction(h.chainId, card.id, { amount: -50.25 });
    expect(writeOff.data.balance).toBe(50.25);
    const read = await h.yc.loyalty.cards.listByPhone("79035550001", h.chainId);
    expect(read.data[0].balance).toBe(50.25);
  });

  it("refuses a write-off larger than the balance and leaves the balance as it was", async () => {
    const card = await issueCard("7770002", "79035550002");
    await h.yc.loyalty.cards.manualTransaction(card.id, { amount: 30 });
    const error = await h.yc.loyalty.cards.manualTransaction(card.id, { amount: -30.01 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(YclientsValidationError);
    expect((error as YclientsValidationError).fieldErrors).toHaveProperty("amount");
    expect((await h.yc.loyalty.cards.listByPhone("79035550002", h.chainId)).data[0].balance).toBe(30);
    const zero = await h.yc.loyalty.cards.manualTransaction(card.id, { amount: 0 }).catch((e: unknown) => e);
    expect(zero).toBeInstanceOf(YclientsValidationError);
  });

  it("answers 404 for a card of another chain or an unknown chain", async () => {
    const [card] = loyaltyState(h.sim.state).cards;
    await expect(
      h.yc.loyalty.cards.chainManualTransaction(h.chainId + 1, card.id, { amount: 1 }),
    ).rejects.toBeInstanceOf(YclientsNotFoundError);
    await expect(h.yc.loyalty.cards.manualTransaction(999_999_999, { amount: 1 })).rejects.toBeInstanceOf(
      YclientsNotFoundError,
    );
  });

  it("deletes a card: it disappears from the client's list and a second delete is a 404", async () => {
    const card = await issueCard("7770003", "79035550003");
    await h.yc.loyalty.cards.delete(card.id);
    expect((await h.yc.loyalty.cards.listByPhone("79035550003", h.chainId)).data).toEqual([]);
    await expect(h.yc.loyalty.cards.delete(card.id)).rejects.toBeInstanceOf(YclientsNotFoundError);
  });

  it("rejects a missing card id before sending anything", async () => {
    const before = h.sim.requests.length;
    await expect(h.yc.loyalty.cards.delete(undefined as unknown as number)).rejects.toBeInstanceOf(YclientsConfigError);
    expect(h.sim.requests.length).toBe(before);
  });

  it("lists the chain's card types at chain level", async () => {
    const chain = await h.yc.loyalty.cardTypes.chainList(h.chainId);
    expect(chain.data.map((t) => t.id)).toEqual(await cardTypeIds());
  });
});
