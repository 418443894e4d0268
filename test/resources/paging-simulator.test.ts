// Pages through a few thousand simulated companies with the real paging parameters and limits.
import { YclientsClient } from "../../src/index";
import { DEFAULT_PARTNER_TOKEN, startYclientsSimulator, type YclientsSimulator } from "../../src/testing/index";

let sim: YclientsSimulator;
beforeAll(async () => {
  sim = await startYclientsSimulator({ rateLimit: false, extraCompanies: 2997 });
});
afterAll(() => sim.close());

describe("companies.iterate over the simulator", () => {
  it("visits every one of ~3,000 companies once, 50 per request, and stops without an extra request", async () => {
    const total = sim.state.companies.length;
    expect(total).toBeGreaterThanOrEqual(2999);
    // The simulator's limit is off here, and so is the client's (tested in test/ratelimit).
    const yc = new YclientsClient({ partnerToken: DEFAULT_PARTNER_TOKEN, baseUrl: sim.url, rateLimit: false });
    sim.clearRequests();
    const ids = new Set<number>();
    let count = 0;
    for await (const company of yc.companies.iterate()) {
      ids.add(Number(company.id));
      count++;
    }
    expect(count).toBe(total);
    expect(ids.size).toBe(total);
    expect(sim.requests).toHaveLength(Math.ceil(total / 50));
    expect(sim.requests.every((r) => r.query.count === "50")).toBe(true);
  });

  it("listAll refuses to load more than its limit", async () => {
    const yc = new YclientsClient({ partnerToken: DEFAULT_PARTNER_TOKEN, baseUrl: sim.url, rateLimit: false });
    await expect(yc.companies.listAll(undefined, { limit: 1000 })).rejects.toHaveProperty(
      "name",
      "YclientsPaginationLimitError",
    );
    const some = await yc.companies.listAll(undefined, { limit: 5000 });
    expect(some).toHaveLength(sim.state.companies.length);
  });
});
