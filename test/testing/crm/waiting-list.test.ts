// The waiting list (API v2) through the SDK against the simulator: state changes, validation, company
// isolation, and v2 calls getting the same transport as v1 (origin-rooted URL, retries, typed errors).
import { YclientsNotFoundError, YclientsValidationError } from "../../../src/index";
import { waitingListOf } from "../../../src/testing/waiting-list-store";
import { expectFieldErrors, useSignedIn } from "../../helpers/simulator";

const h = useSignedIn({ client: { retry: { maxTries: 3, baseDelay: 1, jitter: false } } });
beforeEach(() => {
  waitingListOf(h.sim.state).entries.length = 0;
  h.sim.clearFaults();
});

const clientOf = (companyId: number) => h.sim.state.clients.find((c) => c.company_id === companyId)!;

describe("waitingList", () => {
  it("create, list, update and delete change what later reads return", async () => {
    const client = clientOf(h.company.id);
    const [service] = h.servicesOf(h.company);
    const created = await h.yc.waitingList.create({
      client_id: client.id,
      service_ids: [service.id],
      date: "2026-03-12",
      time_from: "10:00",
      time_till: "12:00",
      comment: "утром",
    });
    expect(created.status).toBe(201);
    const entry = created.data.attributes;
    expect(entry).toMatchObject({
      client_id: client.id,
      service_ids: [service.id],
      date: "2026-03-12",
      staff_id: null,
    });
    expect(created.data.id).toBe(String(entry.id));

    const listed = await h.yc.waitingList.list();
    expect(listed.data.map((r) => r.attributes.id)).toEqual([entry.id]);

    const changed = await h.yc.waitingList.update(entry.id, { time_from: "13:00", time_till: "18:00" });
    expect(changed.data.attributes).toMatchObject({ time_from: "13:00", time_till: "18:00", comment: "утром" });
    expect((await h.yc.waitingList.list()).data[0].attributes.time_from).toBe("13:00");

    const removed = await h.yc.waitingList.delete(entry.id);
    expect(removed.status).toBe(204);
    expect((await h.yc.waitingList.list()).data).toEqual([]);
    await expect(h.yc.waitingList.delete(entry.id)).rejects.toBeInstanceOf(YclientsNotFoundError);
  });

  it("refuses unknown clients, staff and services and a window that ends before it starts, naming the fields", async () => {
    await expectFieldErrors(
      h.yc.waitingList.create({ client_id: 1, staff_id: 1, service_ids: [1], date: "2026-03-12" }),
      ["client_id", "service_ids", "staff_id"],
    );

    const client = clientOf(h.company.id);
    const window = await h.yc.waitingList
      .create({ client_id: client.id, date: "2026-03-12", time_from: "15:00", time_till: "11:00" })
      .catch((e: unknown) => e);
    expect((window as YclientsValidationError).fieldErrors).toHaveProperty("time_till");
    expect(waitingListOf(h.sim.state).entries).toEqual([]);
  });

  it("keeps each company's list apart", async () => {
    const other = h.sim.state.companies[1];
    await h.yc.waitingList.create({ client_id: clientOf(h.company.id).id, date: "2026-03-12" });
    await h.yc.waitingList.create({ client_id: clientOf(other.id).id, date: "2026-03-13" }, { companyId: other.id });
    const mine = await h.yc.waitingList.list();
    const theirs = await h.yc.waitingList.list(undefined, { companyId: other.id });
    expect(mine.data.map((r) => r.attributes.date)).toEqual(["2026-03-12"]);
    expect(theirs.data.map((r) => r.attributes.date)).toEqual(["2026-03-13"]);
    // An entry of another company is not found through this one.
    const foreign = theirs.data[0].attributes.id;
    await expect(h.yc.waitingList.delete(foreign)).rejects.toBeInstanceOf(YclientsNotFoundError);
  });

  it("sends v2 calls to the origin of the base URL, with the same retries as v1", async () => {
    h.urls.length = 0;
    h.sim.setFaults([
      { route: "GET /api/v2/companies/{company_id}/waiting_list", times: 1, kind: "status", status: 503 },
    ]);
    const answer = await h.yc.waitingList.list();
    expect(answer.status).toBe(200);
    const origin = new URL(h.sim.url).origin;
    expect(h.urls).toEqual([
      `${origin}/api/v2/companies/${h.company.id}/waiting_list`,
      `${origin}/api/v2/companies/${h.company.id}/waiting_list`,
    ]);
  });
});
