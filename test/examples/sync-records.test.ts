// examples/sync-records.ts against the simulator: a first full sync, then an incremental one
// that sees exactly the records created, changed and deleted in between.
import { parseYclientsDate, YclientsClient } from "../../src/index";
import { startYclientsSimulator, type YclientsSimulator } from "../../src/testing/index";
import { syncRecords } from "../../examples/sync-records";
import { TODAY } from "../helpers/simulator";

let sim: YclientsSimulator;
beforeAll(async () => {
  // The rate limit stays on, as against the real API.
  sim = await startYclientsSimulator({ seed: 5, today: TODAY });
});
afterAll(() => sim.close());

test("pulls every record changed since a checkpoint, page by page, and moves the checkpoint", async () => {
  const company = sim.state.companies[0];
  const userToken = sim.state.staffUsers[0].token;
  const settings = { partnerToken: sim.partnerToken, userToken, companyId: company.id, baseUrl: sim.url };
  const ofCompany = () => sim.state.records.filter((r) => r.company_id === company.id);

  const lines: string[] = [];
  sim.clearRequests();
  const full = await syncRecords({ ...settings, since: "2000-01-01T00:00:00", print: (l) => lines.push(l) });
  expect(full.count).toBe(ofCompany().length);
  expect(full.count).toBeGreaterThan(2500);
  expect(full.deleted).toBe(ofCompany().filter((r) => r.deleted).length);
  const latest = Math.max(...ofCompany().map((r) => r.updated_at));
  expect(parseYclientsDate(full.nextSince)!.getTime()).toBe(latest * 1000);
  expect(lines).toEqual([
    `Records changed since 2000-01-01T00:00:00: ${full.count} (${full.deleted} deleted)`,
    `Next run: changed_after=${full.nextSince}`,
  ]);
  const pages = sim.requests.filter((r) => r.route === "GET /records/{company_id}" && r.status === 200);
  expect(pages).toHaveLength(Math.floor(full.count / 300) + 1);

  // Between the runs staff create one record, change another and delete a third.
  await new Promise((resolve) => setTimeout(resolve, 1100));
  const since = new Date(Date.now() + 3 * 3600_000).toISOString().slice(0, 19);
  const yc = new YclientsClient({ ...settings, userToken });
  const [toChange, toDelete] = ofCompany().filter((r) => !r.deleted && r.updated_at < latest);
  const member = sim.state.staff.find((s) => s.id === toChange.staff_id)!;
  const created = await yc.records.create({
    staff_id: member.id,
    services: [{ id: member.service_ids[0] }],
    client: { phone: "79160007788", name: "Ольга" },
    datetime: "2026-05-05 10:00:00",
    seance_length: 3600,
  });
  await yc.records.update(toChange.id, { comment: "перенос оплаты" });
  await yc.records.delete(toDelete.id);
  const createdId = (Array.isArray(created.data) ? created.data[0] : created.data).id;

  const next = await syncRecords({ ...settings, since, print: () => undefined });
  expect(next).toMatchObject({ count: 3, deleted: 1 });
  expect(sim.state.records.find((r) => r.id === createdId)).toBeDefined();
  expect(parseYclientsDate(next.nextSince)!.getTime()).toBeGreaterThan(latest * 1000);

  // Nothing changed since the new checkpoint except what changed in its own second.
  const again = await syncRecords({ ...settings, since: next.nextSince, print: () => undefined });
  expect(again.count).toBeLessThanOrEqual(3);
  expect(again.nextSince).toBe(next.nextSince);
});
