// The paging helpers of a paged list, on companies.list: pages asked for, when they stop, limits.
import { YclientsConfigError } from "../../src/index";
import { YclientsPaginationLimitError } from "../../src/pagination";
import { json, ok } from "../helpers/scripted-server";
import { expectNothingSent, PARTNER_ONLY, useHarness } from "./harness";

const h = useHarness();

/** Fake catalogue entries in the list's shape (ids and coordinates are strings there). */
function fakeCompanies(from: number, count: number) {
  return Array.from({ length: count }, (_, i) => ({ id: String(from + i), title: `Company ${from + i}` }));
}

/** Serves `total` fake companies page by page, reporting `meta.total_count` when asked to. */
function servePages(total: number, withTotal: boolean) {
  h.server.handle((req, res) => {
    const url = new URL(req.url, h.server.origin);
    const page = Number(url.searchParams.get("page"));
    const size = Number(url.searchParams.get("count"));
    const start = (page - 1) * size;
    const items = fakeCompanies(start + 1, Math.max(0, Math.min(size, total - start)));
    json(res, 200, ok(items, withTotal ? { total_count: total } : []));
  });
}

function pagesRequested(): Array<Record<string, string>> {
  return h.server.seen.map((req) => Object.fromEntries(new URL(req.url, h.server.origin).searchParams));
}

describe("companies paging", () => {
  it("iterate() walks the pages with page/count and stops after a short last page", async () => {
    servePages(7, false);
    const ids: string[] = [];
    for await (const company of h.partner.companies.iterate({ city_id: 2 }, { pageSize: 3 }))
      ids.push(String(company.id));
    expect(ids).toEqual(["1", "2", "3", "4", "5", "6", "7"]);
    expect(pagesRequested()).toEqual([
      { city_id: "2", page: "1", count: "3" },
      { city_id: "2", page: "2", count: "3" },
      { city_id: "2", page: "3", count: "3" },
    ]);
    expect(h.server.seen.every((r) => r.headers.authorization === PARTNER_ONLY)).toBe(true);
  });

  it("iterate() defaults to the largest page size (50)", async () => {
    servePages(3, false);
    const all = [];
    for await (const company of h.partner.companies.iterate()) all.push(company);
    expect(all).toHaveLength(3);
    expect(pagesRequested()).toEqual([{ page: "1", count: "50" }]);
  });

  it("iterate() makes no extra request after an exactly full last page when meta.total_count says it is the end", async () => {
    servePages(6, true);
    const ids: string[] = [];
    for await (const company of h.partner.companies.iterate(undefined, { pageSize: 3 })) ids.push(String(company.id));
    expect(ids).toEqual(["1", "2", "3", "4", "5", "6"]);
    expect(h.server.seen).toHaveLength(2);
  });

  it("iterate() without a total asks once more after a full page and stops on the empty one", async () => {
    servePages(6, false);
    let n = 0;
    for await (const _company of h.partner.companies.iterate(undefined, { pageSize: 3 })) n++;
    expect(n).toBe(6);
    expect(pagesRequested().map((q) => q.page)).toEqual(["1", "2", "3"]);
  });

  it("iterate() fetches only as far as the loop reads", async () => {
    servePages(100, true);
    for await (const company of h.partner.companies.iterate(undefined, { pageSize: 10 })) {
      if (company.id === "4") break;
    }
    expect(h.server.seen).toHaveLength(1);
  });

  it("listAll() collects every page within the limit", async () => {
    servePages(45, true);
    const all = await h.partner.companies.listAll({ active: 1 }, { limit: 45, pageSize: 20 });
    expect(all).toHaveLength(45);
    expect(all[44].title).toBe("Company 45");
    expect(pagesRequested().map((q) => q.page)).toEqual(["1", "2", "3"]);
    expect(pagesRequested()[0].active).toBe("1");
  });

  it("listAll() refuses more than `limit` items with YclientsPaginationLimitError", async () => {
    servePages(45, true);
    const attempt = h.partner.companies.listAll(undefined, { limit: 25, pageSize: 20 });
    await expect(attempt).rejects.toBeInstanceOf(YclientsPaginationLimitError);
    expect(pagesRequested().map((q) => q.page)).toEqual(["1", "2"]);
  });

  it("listAll() refuses one item over the limit: 45 items with limit 44", async () => {
    servePages(45, true);
    await expect(h.partner.companies.listAll(undefined, { limit: 44, pageSize: 20 })).rejects.toBeInstanceOf(
      YclientsPaginationLimitError,
    );
  });

  it("rejects a page size above the operation's maximum, and a missing limit, before sending", async () => {
    await expectNothingSent(
      h,
      () => h.partner.companies.listAll(undefined, { limit: 10, pageSize: 51 }),
      YclientsConfigError,
    );
    await expectNothingSent(
      h,
      () => h.partner.companies.listAll(undefined, {} as unknown as { limit: number }),
      YclientsConfigError,
    );
  });

  it("stops with the API's error when a page fails", async () => {
    h.server.handle((_req, res, index) =>
      index === 0
        ? json(res, 200, ok(fakeCompanies(1, 2), { total_count: 4 }))
        : json(res, 404, { success: false, data: null, meta: { message: "Not found" } }),
    );
    const seen: unknown[] = [];
    await expect(
      (async () => {
        for await (const c of h.partner.companies.iterate(undefined, { pageSize: 2 })) seen.push(c);
      })(),
    ).rejects.toMatchObject({ status: 404 });
    expect(seen).toHaveLength(2);
  });
});

describe("records paging: meta.total_count is not trusted", () => {
  /** Serves `total` records page by page, with a `total_count` that is too small (as the real API's can be). */
  function serveRecords(total: number) {
    h.server.handle((req, res) => {
      const url = new URL(req.url, h.server.origin);
      const page = Number(url.searchParams.get("page"));
      const size = Number(url.searchParams.get("count"));
      const start = (page - 1) * size;
      const count = Math.max(0, Math.min(size, total - start));
      const items = Array.from({ length: count }, (_, i) => ({ id: start + i + 1 }));
      json(res, 200, ok(items, { total_count: 2 }));
    });
  }

  it("iterate() keeps going past a total_count it has already reached, until a page comes back short", async () => {
    serveRecords(5);
    const ids: number[] = [];
    for await (const record of h.yc.records.iterate(undefined, { pageSize: 2 })) ids.push(Number(record.id));
    expect(ids).toEqual([1, 2, 3, 4, 5]);
    expect(pagesRequested().map((q) => q.page)).toEqual(["1", "2", "3"]);
  });

  it("iterate() asks for the operation's own largest page (300 for records)", async () => {
    serveRecords(1);
    for await (const _record of h.yc.records.iterate()) void _record;
    expect(pagesRequested()).toEqual([expect.objectContaining({ page: "1", count: "300" })]);
  });
});
