// Seeded data: the same seed gives the same data, and the data is consistent with itself.
import { buildState } from "../../src/testing/seed";
import { isFree, workingWindow } from "../../src/testing/slots";
import { DEFAULT_USERS } from "../../src/testing/options";
import { localDate } from "../../src/testing/time";
import { call, start, TODAY } from "../helpers/simulator";

const build = (seed: number, today = TODAY) => buildState({ seed, today, users: DEFAULT_USERS });

test("same seed and day, same data; another seed, other data", () => {
  expect(build(7)).toEqual(build(7));
  expect(build(8).companies).not.toEqual(build(7).companies);
  expect(build(7, "2026-03-11").staff).toEqual(build(7).staff);
});

test("the same seed answers the same over HTTP", async () => {
  const [a, b] = await Promise.all([start({ seed: 3 }), start({ seed: 3 })]);
  try {
    for (const sim of [a, b]) expect(sim.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1$/);
    expect(a.port).not.toBe(b.port);
    const path = (sim: typeof a) => `/book_times/${sim.state.companies[0].id}/0/2026-03-12`;
    const [ra, rb] = await Promise.all([call(a, "GET", path(a)), call(b, "GET", path(b))]);
    expect(ra.body).toEqual(rb.body);
    expect(ra.body.data.length).toBeGreaterThan(0);
  } finally {
    await Promise.all([a.close(), b.close()]);
  }
});

test.each([1, 2, 3, 4, 5])("seed %i: a chain of 2–3 companies with consistent staff, services and records", (seed) => {
  const state = build(seed);
  expect(state.companies.length).toBeGreaterThanOrEqual(2);
  expect(state.companies.length).toBeLessThanOrEqual(3);
  expect(state.companies.every((c) => c.chain_id === state.chain.id)).toBe(true);
  const ids = [state.companies, state.staff, state.services, state.serviceCategories, state.clients, state.records].map(
    (list) => list.map((x) => x.id),
  );
  for (const list of ids) expect(new Set(list).size).toBe(list.length);

  for (const service of state.services) {
    expect(service.duration % 900).toBe(0);
    expect(service.price_max).toBeGreaterThanOrEqual(service.price_min);
    expect(state.serviceCategories.find((c) => c.id === service.category_id)?.company_id).toBe(service.company_id);
    for (const id of service.staff_ids) expect(state.staff.find((s) => s.id === id)?.service_ids).toContain(service.id);
  }
  for (const member of state.staff) {
    expect(member.schedule).toHaveLength(7);
    expect(member.schedule.some((d) => d !== null)).toBe(true);
  }
  expect(state.records.length).toBeGreaterThan(20);
  for (const record of state.records) {
    const company = state.companies.find((c) => c.id === record.company_id)!;
    const member = state.staff.find((s) => s.id === record.staff_id)!;
    // Inside working hours and clashing with no other record of the same staff member.
    expect(workingWindow(company, member, localDate(record.start, company.utcOffset))).toBeDefined();
    expect(isFree(state, company, member, record.start, record.length, record.id)).toBe(true);
    expect(state.clients.find((c) => c.id === record.client_id)?.company_id).toBe(record.company_id);
  }
  for (const client of state.clients) expect(client.phone).toMatch(/^79\d{9}$/);
});
