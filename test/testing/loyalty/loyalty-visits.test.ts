// Paying part of a visit with a loyalty card, through the friendly methods against the simulator: the
// write-off leaves the card, is listed among the visit's loyalty transactions and comes back when cancelled;
// it may exceed neither the card's balance nor the visit's cost.
import { YclientsNotFoundError, YclientsValidationError } from "../../../src/index";
import { loyaltyState, type SimLoyaltyCard } from "../../../src/testing/loyalty-state";
import type { SimRecord } from "../../../src/testing/state";
import { useSignedIn } from "../../helpers/simulator";

const h = useSignedIn({ client: { retry: { maxTries: 1 } } });
let card: SimLoyaltyCard;
let record: SimRecord;
let visit: { record_id: number; visit_id: number };
let visitCost: number;

beforeAll(() => {
  card = loyaltyState(h.sim.state).cards[0];
  record = h.sim.state.records.find((r) => r.company_id === h.company.id && !r.deleted && r.service_ids.length > 0)!;
  visit = { record_id: record.id, visit_id: record.visit_id ?? record.id };
  visitCost = record.service_ids.reduce((sum, id) => sum + h.sim.state.services.find((s) => s.id === id)!.price_min, 0);
});

const balance = async () =>
  Number((await h.yc.loyalty.cards.listByPhone(card.phone, h.chainId)).data.find((c) => c.id === card.id)!.balance);

describe("loyalty.visits card withdrawals", () => {
  it("writes bonus money off the card towards the visit and returns it on cancel", async () => {
    const before = await balance();
    const applied = await h.yc.loyalty.visits.applyCardWithdrawal(card.id, { ...visit, amount: 100.25 });
    expect(applied.data.loyalty_transactions).toEqual([
      expect.objectContaining({ amount: 100.25, card_id: card.id, is_loyalty_withdraw: true, is_discount: false }),
    ]);
    expect(applied.data.items?.map((i) => i.service_id)).toEqual(record.service_ids);
    expect(await balance()).toBeCloseTo(before - 100.25, 2);
    const listed = await h.yc.loyalty.transactions.listByVisit(visit.visit_id);
    expect(listed.data.map((t) => t.amount)).toEqual([100.25]);

    const cancelled = await h.yc.loyalty.visits.cancelCardWithdrawal(card.id, visit);
    expect(cancelled.data.loyalty_transactions).toEqual([]);
    expect(await balance()).toBeCloseTo(before, 2);
    expect((await h.yc.loyalty.transactions.listByVisit(visit.visit_id)).data).toEqual([]);
    await expect(h.yc.loyalty.visits.cancelCardWithdrawal(card.id, visit)).rejects.toBeInstanceOf(
      YclientsNotFoundError,
    );
  });

  it("refuses more than the card holds or than the visit costs, and a non-positive amount", async () => {
    const before = await balance();
    for (const amount of [before + 0.01, 0, -5]) {
      const error = await h.yc.loyalty.visits
        .applyCardWithdrawal(card.id, { ...visit, amount })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(YclientsValidationError);
      expect((error as YclientsValidationError).fieldErrors).toHaveProperty("amount");
    }
    await h.yc.loyalty.cards.manualTransaction(card.id, { amount: visitCost + 1000 });
    const tooMuch = await h.yc.loyalty.visits
      .applyCardWithdrawal(card.id, { ...visit, amount: visitCost + 0.01 })
      .catch((e: unknown) => e);
    expect(tooMuch).toBeInstanceOf(YclientsValidationError);
    await h.yc.loyalty.visits.applyCardWithdrawal(card.id, { ...visit, amount: visitCost });
    expect(await balance()).toBeCloseTo(before + 1000, 2);
    await h.yc.loyalty.visits.cancelCardWithdrawal(card.id, visit);
  });

  it("answers 404 for an unknown visit or card", async () => {
    await expect(
      h.yc.loyalty.visits.applyCardWithdrawal(card.id, { record_id: 1, visit_id: 1, amount: 1 }),
    ).rejects.toBeInstanceOf(YclientsNotFoundError);
    await expect(h.yc.loyalty.visits.applyCardWithdrawal(999_999_999, { ...visit, amount: 1 })).rejects.toBeInstanceOf(
      YclientsNotFoundError,
    );
    await expect(h.yc.loyalty.transactions.listByVisit(1)).rejects.toBeInstanceOf(YclientsNotFoundError);
  });
});

describe("loyalty.transactions.chainList", () => {
  it("lists the chain's live write-offs with its filters, 50 a page", async () => {
    const loyalty = loyaltyState(h.sim.state);
    loyalty.withdrawals.length = 0;
    const day = (n: number) => Date.parse(`2026-03-${String(n).padStart(2, "0")}T12:00:00Z`) / 1000;
    for (let i = 0; i < 200; i++) {
      loyalty.withdrawals.push({
        id: 670_000 + i,
        visit_id: 1000 + (i % 4),
        record_id: record.id,
        card_id: i % 2 ? card.id : card.id + 1,
        chain_id: h.chainId,
        company_id: h.company.id,
        amount: 10 + i,
        created_at: day(1 + (i % 20)),
        cancelled: i % 10 === 9,
      });
    }
    const live = loyalty.withdrawals.filter((w) => !w.cancelled);

    const before = h.sim.requests.length;
    const ofCard = await h.yc.loyalty.transactions.chainListAll(
      h.chainId,
      { loyalty_card_id: card.id },
      { limit: 500 },
    );
    const cardIds = live.filter((w) => w.card_id === card.id).map((w) => w.id);
    expect(ofCard.map((t) => t.id)).toEqual(cardIds);
    expect(cardIds.length).toBeGreaterThan(50);
    const pages = h.sim.requests.slice(before).map((r) => r.query.count);
    expect(pages).toEqual(Array.from({ length: Math.floor(cardIds.length / 50) + 1 }, () => "50"));

    const ofVisits = await h.yc.loyalty.transactions.chainList(h.chainId, { visit_ids: [1001, 1003], count: 50 });
    expect(ofVisits.data.every((t) => t.visit_id === 1001 || t.visit_id === 1003)).toBe(true);
    expect(ofVisits.data).toHaveLength(50);

    const march = await h.yc.loyalty.transactions.chainListAll(
      h.chainId,
      { created_after: "2026-03-05", created_before: "2026-03-06", company_ids: [h.company.id] },
      { limit: 500 },
    );
    const expected = live.filter((w) => w.created_at >= day(5) && w.created_at <= day(6)).map((w) => w.id);
    expect(march.map((t) => t.id)).toEqual(expected);
    expect(march.length).toBeGreaterThan(0);
    expect(
      (await h.yc.loyalty.transactions.chainList(h.chainId, { company_ids: [h.company.id + 999_999] })).data,
    ).toEqual([]);
  });
});
