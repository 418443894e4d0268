// Paging by each operation's own parameters and limits, with meta.total_count.
import type { OperationPagination } from "../../generated/operations";
import type { YclientsSimulator } from "../../src/testing/index";
import { isPageRequest, readPage, slice } from "../../src/testing/page-request";
import { operationIndex } from "../../src/testing/spec-index";
import { call, start } from "../helpers/simulator";

describe("readPage", () => {
  const query: OperationPagination = { in: "query", page: "page", size: "count", maxSize: 50, defaultSize: 20 };
  const body: OperationPagination = { in: "body", page: "page", size: "page_size", maxSize: 200 };
  const q = (s: string) => new URLSearchParams(s);

  test("defaults: page 1 and the documented default size (else the maximum)", () => {
    expect(readPage(query, q(""), undefined)).toEqual({ page: 1, size: 20 });
    expect(readPage(body, q(""), {})).toEqual({ page: 1, size: 200 });
    expect(readPage(body, q("page=3&page_size=9"), { page: 2, page_size: "10" })).toEqual({ page: 2, size: 10 });
  });

  test.each([["count=51"], ["count=0"], ["page=0"], ["page=-1"], ["page=x"], ["count=1.5"]])(
    "%s is a 400 naming the field",
    (s) => {
      const res = readPage(query, q(s), undefined);
      expect(isPageRequest(res)).toBe(false);
      expect(res).toMatchObject({ status: 400, body: { success: false, meta: { errors: expect.any(Object) } } });
    },
  );

  test("slice has no off-by-one at page edges", () => {
    const items = Array.from({ length: 10 }, (_, i) => i);
    expect(slice(items, { page: 2, size: 5 })).toEqual([5, 6, 7, 8, 9]);
    expect(slice(items, { page: 3, size: 5 })).toEqual([]);
    expect(slice(items, { page: 4, size: 3 })).toEqual([9]);
  });
});

describe("GET /companies", () => {
  let sim: YclientsSimulator;
  const op = operationIndex().find((o) => o.key === "GET /companies");

  beforeAll(async () => {
    sim = await start();
    // Ten companies, so pages of 5 end exactly on a full page.
    const template = sim.state.companies[0];
    while (sim.state.companies.length < 10)
      sim.state.companies.push({
        ...template,
        id: template.id + 100 + sim.state.companies.length,
        title: `Филиал ${sim.state.companies.length + 1}`,
      });
  });
  afterAll(() => sim.close());

  test("the spec pages it with page/count up to 50", () => {
    expect(op?.pagination).toMatchObject({ in: "query", page: "page", size: "count", maxSize: 50 });
  });

  test("pages carry the right items and meta.total_count; the page after an exactly full one is empty", async () => {
    const ids = sim.state.companies.map((c) => c.id);
    const pages = [];
    for (let page = 1; page <= 3; page++)
      pages.push(await call(sim, "GET", "/companies", { query: { page, count: 5 } }));
    expect(pages.map((p) => p.body.meta.total_count)).toEqual([10, 10, 10]);
    expect(pages[0].body.data.map((c: any) => c.id)).toEqual(ids.slice(0, 5));
    expect(pages[1].body.data.map((c: any) => c.id)).toEqual(ids.slice(5, 10));
    expect(pages[2].body.data).toEqual([]);
    const uneven = await call(sim, "GET", "/companies", { query: { page: 4, count: 3 } });
    expect(uneven.body.data.map((c: any) => c.id)).toEqual(ids.slice(9));
  });

  test("count above the maximum is refused with 400 and meta.errors.count", async () => {
    const res = await call(sim, "GET", "/companies", { query: { count: 51 } });
    expect(res.status).toBe(400);
    expect(res.body.meta.errors.count).toEqual([expect.any(String)]);
    expect((await call(sim, "GET", "/companies", { query: { count: 50 } })).body.data).toHaveLength(10);
  });

  test("filters apply before paging", async () => {
    const res = await call(sim, "GET", "/companies", { query: { city_id: 3, count: 50 } });
    const expected = sim.state.companies.filter((c) => c.city_id === 3).length;
    expect(res.body.meta.total_count).toBe(expected);
    expect(res.body.data.every((c: any) => c.city_id === 3)).toBe(true);
  });
});
