// Retry safety is a fact of each operation (`x-idempotent` in the spec), not of its HTTP method: every operation
// is walked against a server that answers 502 then 200, and the named ones that book money, text a code or only
// search are pinned by name.
import { operations } from "../../generated/operations";
import { listOperations, loadSpec } from "../../scripts/merge-spec";
import { retryClassOf } from "../../scripts/retry-class";
import {
  YclientsClient,
  YclientsNetworkError,
  YclientsServerError,
  YclientsTimeoutError,
  type YclientsClientOptions,
} from "../../src/index";
import { isIdempotent } from "../../src/operations";
import { json, later, ok, scriptedClient, useServer } from "../helpers/scripted-server";

const server = useServer();

const quick = { maxTries: 2, baseDelay: 0, expoFactor: 1, jitter: false };
// Loosely typed: the last test passes options the types forbid, to see the run-time checks refuse them.
const client = (extra: Record<string, unknown> = {}) =>
  scriptedClient(server, { retry: quick, ...extra } as Partial<YclientsClientOptions>);

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** One typed call of an operation, every path parameter set to 1. */
function call(yc: YclientsClient, method: string, path: string, init: Record<string, unknown> = {}): Promise<unknown> {
  const params = Object.fromEntries(Array.from(path.matchAll(/\{([^}]+)\}/g), (m) => [m[1], 1]));
  const body = method === "GET" || method === "DELETE" ? undefined : {};
  const send = yc[method as Method] as unknown as (path: string, init: object) => Promise<unknown>;
  return send(path, { params: { path: params }, ...(body ? { body } : {}), ...init });
}

const PAYMENT_PUT = "PUT /visits/{visit_id}/{record_id}";
const SMS_GET = "GET /booking/user/phone_confirmation";
const SEARCH_POST = "POST /company/{company_id}/clients/search";

describe("the retry class of every operation", () => {
  const spec = loadSpec();
  const marks = listOperations(spec).map(({ method, path, op }) => ({
    key: `${method} ${path}`,
    method,
    path,
    safe: retryClassOf(method, path, op),
  }));

  it("the generated table and the compact facts the client reads equal the spec's x-idempotent marks", () => {
    expect(marks).toHaveLength(operations.length);
    expect(operations.map((o) => [`${o.method} ${o.path}`, o.idempotent])).toEqual(marks.map((m) => [m.key, m.safe]));
    expect(marks.filter((m) => isIdempotent(m.method, m.path) !== m.safe).map((m) => m.key)).toEqual([]);
  });

  it("names the operations that matter: a payment PUT and an SMS GET are unsafe, a POST search is safe", () => {
    const safeOf = (key: string) => marks.find((m) => m.key === key)?.safe;
    expect(safeOf(PAYMENT_PUT)).toBe(false);
    expect(safeOf(SMS_GET)).toBe(false);
    expect(safeOf(SEARCH_POST)).toBe(true);
    expect(isIdempotent("PUT", "/visits/{visit_id}/{record_id}")).toBe(false);
    expect(isIdempotent("GET", "/booking/user/phone_confirmation")).toBe(false);
    expect(isIdempotent("POST", "/company/{company_id}/clients/search")).toBe(true);
  });

  it.each([
    // README, "What is retried": each example of its table, in the class it names.
    ["GET /records/{company_id}", true],
    ["POST /book_check/{company_id}", true],
    ["PUT /company/{id}/", true],
    ["PATCH /company/{company_id}/settings/online", true],
    ["DELETE /client/{company_id}/{id}", true],
    ["POST /finance_transactions/{company_id}", false],
    ["POST /storage_operations/goods_transactions/{company_id}", false],
    ["PUT /record/{company_id}/{record_id}", false],
    ["POST /records/{company_id}", false],
    ["POST /book_record/{company_id}", false],
    ["POST /auth", false],
    ["POST /chain/{chain_id}/loyalty/abonement_types/{loyalty_abonement_type_id}/clone", false],
    ["POST /chain/{chain_id}/loyalty/abonements/{abonementId}/set_balance", false],
  ])("the README's example %s is safe to repeat: %s", (key, safe) => {
    const [method, path] = key.split(" ");
    expect(marks.find((m) => m.key === key)?.safe).toBe(safe);
    expect(isIdempotent(method, path)).toBe(safe);
  });

  it("a path outside the spec falls back to the method rule, with PUT and DELETE unsafe", () => {
    expect(isIdempotent("GET", "/not/in/the/spec")).toBe(true);
    expect(isIdempotent("PUT", "/not/in/the/spec")).toBe(false);
    expect(isIdempotent("DELETE", "/not/in/the/spec")).toBe(false);
    expect(isIdempotent("POST", "/not/in/the/spec")).toBe(false);
  });

  it("codegen refuses an operation without a mark, or with a mark that is not a boolean", () => {
    expect(() => retryClassOf("PUT", "/x", {})).toThrow("PUT /x: x-idempotent is missing");
    expect(() => retryClassOf("PUT", "/x", { "x-idempotent": "yes" })).toThrow(
      'PUT /x: x-idempotent must be true or false, not "yes"',
    );
    expect(retryClassOf("PUT", "/x", { "x-idempotent": false })).toBe(false);
  });

  it("every operation answered 502 then 200 is sent twice when safe and once when not", async () => {
    const yc = client();
    const seen: Array<[string, number]> = [];
    for (const { key, method, path } of marks) {
      server.seen.splice(0);
      server.handle((_req, res, i) => (i === 0 ? json(res, 502, { success: false }) : json(res, 200, ok(null))));
      await call(yc, method, path).catch(() => undefined);
      seen.push([key, server.seen.length]);
    }
    expect(seen).toEqual(marks.map((m) => [m.key, m.safe ? 2 : 1]));
  });
});

describe("unsafe operations are not re-sent after a lost answer", () => {
  const visit = { params: { path: { visit_id: 1, record_id: 2 } }, body: { new_transactions: [] } };

  it(`${PAYMENT_PUT} answered 502 is sent once and fails with the 502`, async () => {
    server.handle((_req, res) => json(res, 502, { success: false }));
    const error = await client()
      .PUT("/visits/{visit_id}/{record_id}", visit as never)
      .catch((e) => e);
    expect(error).toBeInstanceOf(YclientsServerError);
    expect(error.attempts).toBe(1);
    expect(server.seen).toHaveLength(1);
  });

  it(`${SMS_GET} answered 502 is sent once (a second SMS would be texted)`, async () => {
    server.handle((_req, res) => json(res, 502, { success: false }));
    await expect(
      client().GET("/booking/user/phone_confirmation", { params: { query: { phone: "79000000000" } } as never }),
    ).rejects.toBeInstanceOf(YclientsServerError);
    expect(server.seen).toHaveLength(1);
  });

  it(`${SEARCH_POST} answered 502 is retried and resolves`, async () => {
    server.handle((_req, res, i) => (i === 0 ? json(res, 502, {}) : json(res, 200, ok([{ id: 1 }]))));
    const { data } = await client().POST("/company/{company_id}/clients/search", {
      params: { path: { company_id: 1 } },
      body: {},
    });
    expect(data?.data).toEqual([{ id: 1 }]);
    expect(server.seen).toHaveLength(2);
  });

  it(`an answer later than timeoutMs on ${PAYMENT_PUT} is not re-sent, and says the server may have acted`, async () => {
    server.handle((_req, res) => later(res, 400, () => json(res, 200, ok(null))));
    const error = await client({ timeoutMs: 60 })
      .PUT("/visits/{visit_id}/{record_id}", visit as never)
      .catch((e) => e);
    expect(error).toBeInstanceOf(YclientsTimeoutError);
    expect(error.attempts).toBe(1);
    expect(error.mayHaveReachedServer).toBe(true);
    expect(error.message).toMatch(/the server may have acted on it — check before repeating/);
    expect(server.seen).toHaveLength(1);
  });

  it(`a reset after the server read ${PAYMENT_PUT} is not re-sent and never says "could not reach the server"`, async () => {
    // The helper server reads the whole body before the handler runs; the handler then cuts the connection.
    server.handle((req, res) => {
      expect(req.body).toContain("new_transactions");
      res.socket?.destroy();
    });
    const error = await client()
      .PUT("/visits/{visit_id}/{record_id}", visit as never)
      .catch((e) => e);
    expect(error).toBeInstanceOf(YclientsNetworkError);
    expect(error.attempts).toBe(1);
    expect(error.mayHaveReachedServer).toBe(true);
    expect(error.message).not.toMatch(/could not reach the server/);
    expect(error.message).toMatch(
      /^PUT \/visits\/\{visit_id\}\/\{record_id\}: the connection failed after the request was sent \(network error \w+\); the server may have acted on it — check before repeating$/,
    );
    expect(error.toJSON()).toMatchObject({ mayHaveReachedServer: true });
    expect(server.seen).toHaveLength(1);
  });

  it("a POST cut after the server read it says the server may have acted on it", async () => {
    server.handle((_req, res) => {
      res.socket?.destroy();
    });
    const error = await client()
      .POST("/records/{company_id}", { params: { path: { company_id: 1 } }, body: {} as never })
      .catch((e) => e);
    expect(error).toBeInstanceOf(YclientsNetworkError);
    expect(error.mayHaveReachedServer).toBe(true);
    expect(error.message).toMatch(/the server may have acted on it/);
    expect(server.seen).toHaveLength(1);
  });

  it("a reset on a safe read keeps its message and is retried", async () => {
    server.handle((_req, res) => {
      res.socket?.destroy();
    });
    const error = await client()
      .GET("/countries")
      .catch((e) => e);
    expect(error.message).toMatch(/could not reach the server/);
    expect(error.mayHaveReachedServer).toBe(true);
    expect(server.seen).toHaveLength(2);
  });

  it("a PUT to a path outside the spec is not retried", async () => {
    server.handle((_req, res) => json(res, 502, {}));
    const yc = client() as unknown as { PUT: (path: string, init: object) => Promise<unknown> };
    await expect(yc.PUT("/not/in/the/spec", { body: {} })).rejects.toBeInstanceOf(YclientsServerError);
    expect(server.seen).toHaveLength(1);
  });
});

describe("opting in: retry.unsafe", () => {
  const visit = { params: { path: { visit_id: 1, record_id: 2 } }, body: { new_transactions: [] } };
  const failsOnce = () =>
    server.handle((_req, res, i) => {
      if (i === 0) res.socket?.destroy();
      else json(res, 200, ok({ id: 1 }));
    });

  it("per call: retry: { unsafe: true } re-sends an unsafe PUT after a reset", async () => {
    failsOnce();
    const { data } = await client().PUT("/visits/{visit_id}/{record_id}", {
      ...visit,
      retry: { unsafe: true },
    } as never);
    expect((data as { data: unknown }).data).toEqual({ id: 1 });
    expect(server.seen).toHaveLength(2);
  });

  it("per client, and through the deprecated name nonIdempotent", async () => {
    failsOnce();
    await client({ retry: { ...quick, unsafe: true } }).PUT("/visits/{visit_id}/{record_id}", visit as never);
    expect(server.seen).toHaveLength(2);
    server.seen.splice(0);
    failsOnce();
    await client({ retry: { ...quick, nonIdempotent: true } }).PUT("/visits/{visit_id}/{record_id}", visit as never);
    expect(server.seen).toHaveLength(2);
  });

  it("a call can opt back out of a client's opt-in, and unsafe must be a boolean", async () => {
    server.handle((_req, res) => json(res, 502, {}));
    const yc = client({ retry: { ...quick, unsafe: true } });
    await expect(
      yc.PUT("/visits/{visit_id}/{record_id}", { ...visit, retry: { unsafe: false } } as never),
    ).rejects.toBeInstanceOf(YclientsServerError);
    expect(server.seen).toHaveLength(1);
    expect(() => client({ retry: { unsafe: "yes" } })).toThrow("retry.unsafe must be a boolean");
    expect(() => client({ retry: { unsafe: true, nonIdempotent: false } })).toThrow(/disagree/);
  });
});
