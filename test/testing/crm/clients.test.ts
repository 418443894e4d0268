// Clients as CRM state through the friendly methods: the search's filter language, fields,
// sorting and body paging over the seeded base of thousands; the card's create, bulk create,
// update and delete; the deprecated list's changed_after; the chain lookup by phone.
import { YclientsNotFoundError, YclientsValidationError, type YclientsClient } from "../../../src/index";
import type { Client } from "../../../src/testing/index";
import { useSignedIn } from "../../helpers/simulator";
import { bookOnline } from "./book-online";

const h = useSignedIn({ simulator: { seed: 11 } });
let base: Client[];

beforeAll(() => {
  base = h.sim.state.clients.filter((c) => c.company_id === h.companyId);
});

type SearchBody = NonNullable<Parameters<YclientsClient["clients"]["search"]>[0]>;

async function found(body: Omit<SearchBody, "page" | "page_size">): Promise<number[]> {
  const out: number[] = [];
  for await (const c of h.yc.clients.iterateSearch(body)) out.push(c.id!);
  return out;
}

const sorted = (ids: number[]) => [...ids].sort((a, b) => a - b);

describe("clients.search", () => {
  it("pages through the whole base of thousands, 200 per request in the body", async () => {
    expect(base.length).toBeGreaterThan(2000);
    h.sim.clearRequests();
    const ids = await found({});
    expect(sorted(ids)).toEqual(sorted(base.map((c) => c.id)));
    const requests = h.sim.requests.filter((r) => r.route === "POST /company/{company_id}/clients/search");
    expect(requests).toHaveLength(Math.ceil(base.length / 200));
    expect(requests.map((r) => (r.body as { page: number }).page)).toEqual(requests.map((_, i) => i + 1));
    expect(requests.every((r) => (r.body as { page_size: number }).page_size === 200)).toBe(true);
    const all = await h.yc.clients.searchAll({}, { limit: 10_000 });
    expect(all).toHaveLength(base.length);
  });

  it("returns only the requested fields, sorted as asked", async () => {
    const page = await h.yc.clients.search({
      page: 1,
      page_size: 5,
      fields: ["id", "name", "discount"],
      order_by: "discount",
      order_by_direction: "DESC",
    });
    expect(page.meta.total_count).toBe(base.length);
    expect(page.data).toHaveLength(5);
    for (const item of page.data) expect(Object.keys(item).sort()).toEqual(["discount", "id", "name"]);
    const top = Math.max(...base.map((c) => c.discount));
    expect(page.data.every((c) => c.discount === top)).toBe(true);
    const byDefault = await h.yc.clients.search({ page: 1, page_size: 3 });
    expect(byDefault.data.every((c) => Object.keys(c).join() === "id")).toBe(true);
  });

  it("filters by id, gender, importance, label, amount sold and birthday, combined with AND or OR", async () => {
    const some = base.slice(0, 3).map((c) => c.id);
    expect(sorted(await found({ filters: [{ type: "id", state: { value: some } }] }))).toEqual(sorted(some));

    const men = base.filter((c) => c.sex_id === 1).map((c) => c.id);
    expect(sorted(await found({ filters: [{ type: "gender", state: { value: [1] } }] }))).toEqual(sorted(men));
    const notMen = await found({ filters: [{ type: "gender", state: { value: [1], invert: true } }] });
    expect(notMen).toHaveLength(base.length - men.length);

    const gold = base.filter((c) => c.importance_id === 3).map((c) => c.id);
    const vipLabel = h.sim.state.labels.find((l) => l.company_id === h.companyId && l.title === "VIP")!;
    const vip = base.filter((c) => c.label_ids?.includes(vipLabel.id)).map((c) => c.id);
    expect(vip.length).toBeGreaterThan(0);
    const both = await found({
      filters: [
        { type: "importance", state: { value: [3] } },
        { type: "category", state: { value: [vipLabel.id] } },
      ],
    });
    expect(sorted(both)).toEqual(sorted(gold.filter((id) => vip.includes(id))));
    const either = await found({
      operation: "OR",
      filters: [
        { type: "importance", state: { value: [3] } },
        { type: "category", state: { value: [vipLabel.id] } },
      ],
    });
    expect(sorted(either)).toEqual(sorted([...new Set([...gold, ...vip])]));

    const spent = base.filter((c) => c.spent >= 1000 && c.spent <= 2000).map((c) => c.id);
    expect(sorted(await found({ filters: [{ type: "sold_amount", state: { from: 1000, to: 2000 } }] }))).toEqual(
      sorted(spent),
    );

    const nineties = base.filter((c) => c.birth_date >= "1990-01-01" && c.birth_date <= "1994-12-31").map((c) => c.id);
    expect(
      sorted(await found({ filters: [{ type: "birthday", state: { from: "1990-01-01", to: "1994-12-31" } }] })),
    ).toEqual(sorted(nineties));
  });

  it("quick_search matches names and phone digits", async () => {
    const someone = base[42];
    const byName = await found({ filters: [{ type: "quick_search", state: { value: someone.surname } }] });
    expect(byName).toContain(someone.id);
    expect(
      byName.every((id) =>
        base
          .find((c) => c.id === id)!
          .surname.toLowerCase()
          .includes(someone.surname.toLowerCase()),
      ),
    ).toBe(true);
    const byPhone = await found({ filters: [{ type: "quick_search", state: { value: someone.phone.slice(-7) } }] });
    expect(byPhone).toContain(someone.id);
  });

  it("the record filter finds clients by their records' staff member and count", async () => {
    const staffId = h.sim.state.staff.find((s) => s.company_id === h.companyId)!.id;
    const live = h.sim.state.records.filter(
      (r) => r.company_id === h.companyId && !r.deleted && r.staff_id === staffId,
    );
    const expected = new Set(live.map((r) => r.client_id!));
    const ids = await found({ filters: [{ type: "record", state: { staff: { value: [staffId] } } }] });
    expect(sorted(ids)).toEqual(sorted([...expected]));

    const counts = new Map<number, number>();
    for (const r of h.sim.state.records)
      if (r.company_id === h.companyId && !r.deleted && r.client_id)
        counts.set(r.client_id, (counts.get(r.client_id) ?? 0) + 1);
    const busy = base.filter((c) => (counts.get(c.id) ?? 0) >= 3).map((c) => c.id);
    const ids2 = await found({ filters: [{ type: "record", state: { records_count: { from: 3 } } }] });
    expect(sorted(ids2)).toEqual(sorted(busy));
  });

  it("a malformed filter is a typed 400 with meta.errors.filters, as documented", async () => {
    const err = await h.yc.clients
      .search({ filters: [{ type: "gender", state: { value: "male" } }] } as unknown as SearchBody)
      .catch((e) => e);
    expect(err).toBeInstanceOf(YclientsValidationError);
    expect(err.status).toBe(400);
    expect(err.meta).toMatchObject({ errors: { filters: [expect.any(String)] } });
    await expect(h.yc.clients.search({ page_size: 201 })).rejects.toMatchObject({ status: 400 });
  });
});

describe("client cards", () => {
  it("create, read, update (labels, last_change_date) and delete", async () => {
    const created = await h.yc.clients.create({
      name: "Вера",
      surname: "Соколова",
      phone: "+7 (916) 000-11-22",
      sex_id: 2,
    });
    expect(created.status).toBe(201);
    expect(created.data).toMatchObject({ name: "Вера", phone: 79160001122, sex_id: 2, sex: "Женский" });
    const id = created.data.id;

    const dup = await h.yc.clients.create({ name: "Вера", phone: "79160001122" }).catch((e) => e);
    expect(dup).toBeInstanceOf(YclientsValidationError);
    expect(dup.status).toBe(422);

    const label = h.sim.state.labels.find((l) => l.company_id === h.companyId && l.entity === 1)!;
    const updated = await h.yc.clients.update(id, { discount: 10, labels: [label.id], comment: "новая" });
    expect(updated.data).toMatchObject({
      id,
      discount: 10,
      comment: "новая",
      categories: [{ id: label.id, title: label.title }],
    });
    expect((await h.yc.clients.get(id)).data).toMatchObject({ discount: 10, comment: "новая" });
    const inSearch = await found({ filters: [{ type: "category", state: { value: [label.id] } }] });
    expect(inSearch).toContain(id);

    expect((await h.yc.clients.delete(id)).status).toBe(204);
    await expect(h.yc.clients.get(id)).rejects.toBeInstanceOf(YclientsNotFoundError);
    expect(await found({ filters: [{ type: "id", state: { value: [id] } }] })).toEqual([]);
  });

  it("bulk create adds the valid items and reports the others with the reason", async () => {
    const result = await h.yc.clients.createMany([
      { name: "Пётр", phone: "79160003344" },
      { phone: "79160003345" },
      { name: "Дубль", phone: base[0].phone },
    ]);
    expect(result.data.created.map((c) => c.name)).toEqual(["Пётр"]);
    expect(result.data.errors).toEqual([
      { phone: "79160003345", error: "Не указано имя клиента" },
      { phone: base[0].phone, name: "Дубль", error: "Клиент с указанным телефоном уже существует в базе" },
    ]);
    expect(h.sim.state.clients.filter((c) => c.phone === "79160003344")).toHaveLength(1);
  });

  it("the deprecated list filters by changed_after and pages with page + count", async () => {
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const since = new Date(Date.now() + 3 * 3600_000).toISOString().slice(0, 19);
    const target = base[7];
    await h.yc.clients.update(target.id, { comment: "изменён" });
    const changed = await h.yc.clients.listLegacy({ changed_after: since });
    expect(changed.data.map((c) => c.id)).toEqual([target.id]);
    const firstPage = await h.yc.clients.listLegacy({ page: 1, count: 50 });
    expect(firstPage.data).toHaveLength(50);
    expect(firstPage.meta.total_count).toBe(h.sim.state.clients.filter((c) => c.company_id === h.companyId).length);
  });

  it("an online booking's new client is found by the search and in the chain by phone", async () => {
    await bookOnline(h.sim, h.yc, h.companyId, { phone: "79160004455", fullname: "Алиса Морозова" });
    const hits = await h.yc.clients.search({
      fields: ["id", "name", "phone"],
      filters: [{ type: "quick_search", state: { value: "79160004455" } }],
    });
    expect(hits.data).toEqual([{ id: expect.any(Number), name: "Алиса Морозова", phone: "79160004455" }]);
    const chain = await h.yc.chainClients.get(h.sim.state.chain.id, { phone: "79160004455" });
    expect(chain.data.clients).toEqual([
      { id: hits.data[0].id, company_id: h.companyId, name: "Алиса Морозова", email: "" },
    ]);
    await expect(h.yc.chainClients.get(h.sim.state.chain.id, { phone: "79990001111" })).rejects.toBeInstanceOf(
      YclientsNotFoundError,
    );
  });
});
