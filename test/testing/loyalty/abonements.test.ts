// Season tickets through the friendly methods against the simulator: a client's tickets by phone, the
// chain's list, freezing within the type's rules (the documented 400 otherwise), unfreezing, a new period,
// new visit counts, and the ticket type search with its title filter and `page_size` paging (at most 100).
import { present, YclientsClientError, YclientsNotFoundError, YclientsValidationError } from "../../../src/index";
import { loyaltyState, type SimAbonement } from "../../../src/testing/loyalty-state";
import { addDays } from "../../../src/testing/time";
import { useSignedIn } from "../../helpers/simulator";

const h = useSignedIn({ client: { retry: { maxTries: 1 } } });
let visits: SimAbonement;
let shared: SimAbonement;
beforeAll(() => {
  [visits, shared] = loyaltyState(h.sim.state).abonements;
});

const today = () => h.sim.state.today;

async function statusOf(error: Promise<unknown>): Promise<number | undefined> {
  const e = await error.catch((x: unknown) => x);
  return e instanceof YclientsClientError ? e.status : undefined;
}

describe("loyalty.abonements", () => {
  it("lists a client's tickets by phone with the visits left", async () => {
    const found = await h.yc.loyalty.abonements.listByPhone({ company_id: h.company.id, phone: visits.phone });
    expect(found.data.map((a) => a.id)).toEqual([visits.id]);
    expect(present(found.data[0].balance_container)?.links?.[0].count).toBe(10);
    expect(found.data[0].is_frozen).toBe(false);
  });

  it("freezes a ticket until a day and unfreezes it, giving back the unused days", async () => {
    const frozen = await h.yc.loyalty.abonements.chainFreeze(h.chainId, visits.id, {
      freeze_till: addDays(today(), 10),
    });
    expect(frozen.data[0]).toMatchObject({ id: visits.id, is_frozen: true, freeze_period: 10 });
    expect(present(frozen.data[0].status)?.extended_title).toContain(addDays(today(), 10));
    expect(
      await statusOf(h.yc.loyalty.abonements.chainFreeze(h.chainId, visits.id, { freeze_till: addDays(today(), 2) })),
    ).toBe(400);

    const thawed = await h.yc.loyalty.abonements.chainUnfreeze(h.chainId, visits.id);
    expect(thawed.data[0]).toMatchObject({ is_frozen: false, freeze_period: 0 });
    expect(await statusOf(h.yc.loyalty.abonements.chainUnfreeze(h.chainId, visits.id))).toBe(400);
  });

  it("refuses a freeze the type forbids, one past its limit, and a past date", async () => {
    expect(
      await statusOf(h.yc.loyalty.abonements.chainFreeze(h.chainId, shared.id, { freeze_till: addDays(today(), 3) })),
    ).toBe(400);
    expect(
      await statusOf(h.yc.loyalty.abonements.chainFreeze(h.chainId, visits.id, { freeze_till: addDays(today(), 31) })),
    ).toBe(400);
    const past = await h.yc.loyalty.abonements
      .chainFreeze(h.chainId, visits.id, { freeze_till: today() })
      .catch((e: unknown) => e);
    expect(past).toBeInstanceOf(YclientsValidationError);
    expect(visits.frozen_till).toBeUndefined();
  });

  it("sets a new period and new visit counts; a body that does not fit the ticket is a 400", async () => {
    const period = await h.yc.loyalty.abonements.chainSetPeriod(h.chainId, visits.id, { period: 6, period_unit_id: 3 });
    expect(period.data[0]).toMatchObject({ period: 6, period_unit_id: 3 });

    const [link] = visits.left;
    const perLink = await h.yc.loyalty.abonements.chainSetBalance(h.chainId, visits.id, {
      services_balance_count: [{ service_id: link.category_id, balance: 4 }],
    });
    expect(present(perLink.data[0].balance_container)?.links?.[0].count).toBe(4);
    const united = await h.yc.loyalty.abonements.chainSetBalance(h.chainId, shared.id, {
      united_balance_services_count: 3,
    });
    expect(united.data[0].united_balance_services_count).toBe(3);

    expect(
      await statusOf(
        h.yc.loyalty.abonements.chainSetBalance(h.chainId, visits.id, { united_balance_services_count: 3 }),
      ),
    ).toBe(400);
    expect(
      await statusOf(
        h.yc.loyalty.abonements.chainSetBalance(h.chainId, visits.id, {
          services_balance_count: [{ service_id: 1, balance: 2 }],
        }),
      ),
    ).toBe(400);
    expect(visits.left[0].count).toBe(4);
  });

  it("answers 404 for a ticket of another chain", async () => {
    await expect(h.yc.loyalty.abonements.chainUnfreeze(h.chainId + 1, visits.id)).rejects.toBeInstanceOf(
      YclientsNotFoundError,
    );
  });

  it("lists the chain's tickets, filtered by id", async () => {
    const all = await h.yc.loyalty.abonements.chainListAll(h.chainId, undefined, { limit: 100 });
    expect(all.map((a) => a.id)).toEqual([visits.id, shared.id]);
    const one = await h.yc.loyalty.abonements.chainList(h.chainId, { abonements_ids: [shared.id] });
    expect(one.data.map((a) => a.id)).toEqual([shared.id]);
  });
});

describe("loyalty.abonementTypes", () => {
  it("searches by title and pages with page_size, 100 at most", async () => {
    const loyalty = loyaltyState(h.sim.state);
    const base = loyalty.abonementTypes[0];
    for (let i = 0; i < 130; i++)
      loyalty.abonementTypes.push({ ...base, id: 650_000 + i, title: `Йога ${i}`, links: [] });
    const before = h.sim.requests.length;
    const yoga = await h.yc.loyalty.abonementTypes.listAll({ title: "йога" }, { limit: 500 });
    expect(yoga).toHaveLength(130);
    const pages = h.sim.requests.slice(before);
    expect(pages.map((r) => r.query.page_size)).toEqual(["100", "100"]);
    const byIds = await h.yc.loyalty.abonementTypes.listByIds({ ids: [650_003, base.id] });
    expect(byIds.data.map((t) => t.id).sort()).toEqual([base.id, 650_003].sort());
    expect(await statusOf(h.yc.loyalty.abonementTypes.list({ page_size: 101 }))).toBe(400);
  });
});
