// iterate() / listAll() stop with a typed YclientsPaginationError when a page brings nothing new (a server that
// ignores the page number), with or without `total_count`; pages that overlap but move on are paged through.
import { YclientsClient, YclientsPaginationError } from "../../src/index";
import { json, ok, useServer } from "../helpers/scripted-server";

const server = useServer();

const client = () => new YclientsClient({ partnerToken: "p", baseUrl: server.url, retry: false, rateLimit: false });

const pageOf = (url: string) => Number(new URL(url, "http://x").searchParams.get("page"));
const company = (id: number) => ({ id, title: `Company ${id}` });
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => company(from + i));

/** A guard for the broken version: after this many requests the server fails, so a runaway loop still ends. */
const RUNAWAY = 200;

/** Answers every page with the same full page of 50, whatever page was asked for. */
function repeating(meta: unknown) {
  server.handle((req, res, i) => {
    if (i >= RUNAWAY) return json(res, 500, { success: false, data: null, meta: { message: "runaway" } });
    json(res, 200, ok(range(1, 50), meta));
  });
}

async function drain(items: AsyncIterable<unknown>): Promise<{ count: number; error?: unknown }> {
  let count = 0;
  try {
    for await (const _ of items) count++;
    return { count };
  } catch (error) {
    return { count, error };
  }
}

describe("a server that repeats the same full page", () => {
  it.each([
    ["with total_count", { total_count: 10_000 }],
    ["without total_count", []],
  ])("%s: iterate() fails on the second page, naming the operation and the page", async (_what, meta) => {
    repeating(meta);
    const { count, error } = await drain(client().companies.iterate());
    expect(error).toBeInstanceOf(YclientsPaginationError);
    const failure = error as YclientsPaginationError;
    expect(failure.name).toBe("YclientsPaginationError");
    expect(failure.message).toBe(
      "GET /companies made no progress: page 2 has the same 50 items as page 1, so the server is not paging; " +
        "stopped instead of requesting the same page forever",
    );
    expect([failure.method, failure.path, failure.page, failure.repeatedPage]).toEqual(["GET", "/companies", 2, 1]);
    expect(JSON.parse(JSON.stringify(failure))).toMatchObject({ page: 2, repeatedPage: 1 });
    // The first page was yielded once; the repeat was not.
    expect(count).toBe(50);
    expect(server.seen).toHaveLength(2);
  });

  it("listAll() fails the same way instead of loading up to its limit", async () => {
    repeating([]);
    await expect(client().companies.listAll(undefined, { limit: 100_000 })).rejects.toBeInstanceOf(
      YclientsPaginationError,
    );
    expect(server.seen).toHaveLength(2);
  });

  it("a server cycling between two pages is caught when the first comes back", async () => {
    server.handle((req, res, i) => {
      if (i >= RUNAWAY) return json(res, 500, { success: false, data: null, meta: {} });
      json(res, 200, ok(pageOf(req.url) % 2 ? range(1, 50) : range(51, 100)));
    });
    const { count, error } = await drain(client().companies.iterate());
    expect(error).toMatchObject({ name: "YclientsPaginationError", page: 3, repeatedPage: 1 });
    expect(count).toBe(100);
  });

  it("items without ids are compared by their content", async () => {
    server.handle((_req, res, i) => {
      if (i >= RUNAWAY) return json(res, 500, { success: false, data: null, meta: {} });
      json(res, 200, ok(Array.from({ length: 50 }, (_, n) => ({ title: `row ${n}` }))));
    });
    const { error } = await drain(client().companies.iterate());
    expect(error).toMatchObject({ name: "YclientsPaginationError", page: 2, repeatedPage: 1 });
  });
});

describe("real progress is not refused", () => {
  it("pages that overlap (an item inserted between requests shifts the next page) are paged through", async () => {
    // Page 2 starts with the last item of page 1, page 3 with the last of page 2: overlapping, but moving on.
    server.handle((req, res) => {
      const page = pageOf(req.url);
      const from = (page - 1) * 49 + 1;
      json(res, 200, ok(page < 3 ? range(from, from + 49) : range(from, from + 9), { total_count: 200 }));
    });
    const { count, error } = await drain(client().companies.iterate());
    expect(error).toBeUndefined();
    expect(count).toBe(110);
    expect(server.seen).toHaveLength(3);
  });

  it("pages of items without ids that differ in content, and rows repeated inside one page", async () => {
    server.handle((req, res) => {
      const page = pageOf(req.url);
      const rows = Array.from({ length: page < 3 ? 50 : 5 }, () => ({ title: `same row of page ${page}` }));
      json(res, 200, ok(rows));
    });
    const { count, error } = await drain(client().companies.iterate());
    expect(error).toBeUndefined();
    expect(count).toBe(105);
  });
});
