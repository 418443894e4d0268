// withOptions(), per-call retry, middleware and the logger option, against a real server on 127.0.0.1.
import {
  YclientsCircuitOpenError,
  YclientsClient,
  YclientsConfigError,
  YclientsRateLimitQueueError,
  YclientsServerError,
  YclientsTimeoutError,
} from "../../src/index";
import type { Middleware } from "openapi-fetch";
import { json, later, ok, useServer } from "../helpers/scripted-server";

const PARTNER = "partner-derived-secret-1";
const USER = "user-derived-secret-2";
const server = useServer();
beforeEach(() => {
  server.seen.splice(0);
  server.handle((_req, res) => json(res, 200, ok([])));
});

const base = () => ({
  partnerToken: PARTNER,
  baseUrl: server.url,
  companyId: 1,
  retry: { baseDelay: 0, jitter: false },
  rateLimit: false as const,
});

describe("withOptions()", () => {
  it("changes the user token, company id, headers and timeout of the derived client only", async () => {
    const yc = new YclientsClient({ ...base(), headers: { "X-App": "a" } });
    const derived = yc.withOptions({ userToken: USER, companyId: 7, headers: { "X-Shop": "s" } });
    await derived.booking.dates();
    await yc.booking.dates();
    const [fromDerived, fromParent] = server.seen;
    expect(fromDerived.url).toMatch(/^\/api\/v1\/book_dates\/7/);
    expect(fromDerived.headers.authorization).toBe(`Bearer ${PARTNER}, User ${USER}`);
    expect(fromDerived.headers["x-app"]).toBe("a");
    expect(fromDerived.headers["x-shop"]).toBe("s");
    expect(fromParent.url).toMatch(/^\/api\/v1\/book_dates\/1/);
    expect(fromParent.headers.authorization).toBe(`Bearer ${PARTNER}`);
    expect(fromParent.headers["x-shop"]).toBeUndefined();

    server.handle((_req, res) => later(res, 400, () => json(res, 200, ok([]))));
    const hasty = yc.withOptions({ timeoutMs: 50, retry: false });
    await expect(hasty.booking.dates()).rejects.toBeInstanceOf(YclientsTimeoutError);
  });

  it("adds its headers and middleware to the client's: a header it names wins, its middleware runs after", async () => {
    const order: string[] = [];
    const mark = (name: string): Middleware => ({ onRequest: () => void order.push(name) });
    const yc = new YclientsClient({
      ...base(),
      headers: { "X-App": "a", "X-Shop": "parent" },
      middleware: [mark("client")],
    });
    const derived = yc.withOptions({ headers: { "X-Shop": "derived" }, middleware: [mark("derived")] });
    await derived.booking.dates(undefined, { headers: { "X-App": "call" }, middleware: [mark("call")] });
    expect(order).toEqual(["client", "derived", "call"]);
    expect(server.seen[0].headers["x-shop"]).toBe("derived");
    expect(server.seen[0].headers["x-app"]).toBe("call");
    await yc.booking.dates();
    expect(server.seen[1].headers["x-shop"]).toBe("parent");
  });

  it("refines the retry settings of the client it derives from, and per-call retry refines the derived client's", async () => {
    server.handle((_req, res) => json(res, 503, { success: false, data: null, meta: {} }));
    const yc = new YclientsClient({ ...base(), circuitBreaker: false });
    const patient = yc.withOptions({ retry: { maxTries: 4 } });
    // Neither of these names maxTries: both keep the derived client's 4, not the client's 3.
    await expect(patient.withOptions({ retry: { jitter: false } }).booking.dates()).rejects.toMatchObject({
      attempts: 4,
    });
    await expect(patient.booking.dates(undefined, { retry: { baseDelay: 0 } })).rejects.toMatchObject({ attempts: 4 });
    expect(server.seen).toHaveLength(8);
  });

  it("refuses unknown options and bad values, naming the option and never a token", () => {
    const yc = new YclientsClient(base());
    expect(() => yc.withOptions({ timeout: 5 } as never)).toThrow(/does not take "timeout"; did you mean "timeoutMs"/);
    expect(() => yc.withOptions({ userToken: "bad\ntoken" })).toThrow(YclientsConfigError);
    expect(() => yc.withOptions({ middleware: [{}] as never })).toThrow(/middleware must be/);
  });

  it("shares the circuit breaker with its parent", async () => {
    const yc = new YclientsClient({
      ...base(),
      retry: false,
      circuitBreaker: { failures: 2, halfOpenAfterMs: 60_000 },
    });
    server.handle((_req, res) => json(res, 503, { success: false, data: null, meta: { message: "down" } }));
    await expect(yc.booking.dates()).rejects.toBeInstanceOf(YclientsServerError);
    await expect(yc.booking.dates()).rejects.toBeInstanceOf(YclientsServerError);
    const derived = yc.withOptions({ timeoutMs: 1000, userToken: USER });
    await expect(derived.booking.dates()).rejects.toBeInstanceOf(YclientsCircuitOpenError);
    expect(server.seen).toHaveLength(2);
  });

  it("shares the rate limiter with its parent (the quota is per IP)", async () => {
    const yc = new YclientsClient({
      ...base(),
      rateLimit: { windows: [{ limit: 2, windowMs: 60_000 }], maxWaitMs: 1 },
    });
    const derived = yc.withOptions({ userToken: USER });
    await yc.booking.dates();
    await derived.booking.dates();
    const refused = await derived.booking.dates().catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(YclientsRateLimitQueueError);
    expect(refused).toMatchObject({ reason: "wait" });
    expect(JSON.parse(JSON.stringify(refused))).toMatchObject({ name: "YclientsRateLimitQueueError", reason: "wait" });
    expect(server.seen).toHaveLength(2);
  });
});

describe("per-call retry", () => {
  beforeEach(() => server.handle((_req, res) => json(res, 503, { success: false, data: null, meta: {} })));

  it("retry: false sends the call once; the client's own calls still retry", async () => {
    const yc = new YclientsClient({ ...base(), circuitBreaker: false });
    await expect(yc.booking.dates(undefined, { retry: false })).rejects.toMatchObject({ attempts: 1 });
    expect(server.seen).toHaveLength(1);
    await expect(yc.booking.dates()).rejects.toMatchObject({ attempts: 3 });
    expect(server.seen).toHaveLength(4);
  });

  it("a per-call retry refines the client's settings, on typed calls too", async () => {
    const yc = new YclientsClient({ ...base(), circuitBreaker: false });
    const call = yc.GET("/book_dates/{company_id}", { params: { path: { company_id: 1 } }, retry: { maxTries: 5 } });
    await expect(call).rejects.toMatchObject({ attempts: 5 });
    expect(server.seen).toHaveLength(5);
    await expect(
      yc.GET("/book_dates/{company_id}", { params: { path: { company_id: 1 } }, retry: { maxTries: 0 } }),
    ).rejects.toThrow(/retry.maxTries must be an integer from 1 to 20/);
  });
});

describe("middleware", () => {
  it("runs once per call, outside the retries; what onRequest adds goes with every attempt; it never sees tokens", async () => {
    let calls = 0;
    server.handle((_req, res, i) =>
      i < 2 ? json(res, 503, { success: false, data: null, meta: {} }) : json(res, 200, ok([])),
    );
    const seenByMiddleware: string[] = [];
    const tracing: Middleware = {
      onRequest({ request }) {
        calls++;
        seenByMiddleware.push(request.headers.get("authorization") ?? "none");
        request.headers.set("X-Trace-Id", "trace-1");
        return request;
      },
      onResponse({ response }) {
        seenByMiddleware.push(`status ${response.status}`);
        return undefined;
      },
    };
    const perCall: Middleware = { onRequest: ({ request }) => (request.headers.set("X-Call", "c"), request) };
    const yc = new YclientsClient({ ...base(), userToken: USER, circuitBreaker: false, middleware: [tracing] });
    await yc.booking.dates(undefined, { middleware: [perCall] });
    expect(calls).toBe(1);
    expect(server.seen).toHaveLength(3);
    for (const attempt of server.seen) {
      expect(attempt.headers["x-trace-id"]).toBe("trace-1");
      expect(attempt.headers["x-call"]).toBe("c");
    }
    expect(seenByMiddleware).toEqual(["none", "status 200"]);
  });
});

describe("logger", () => {
  it("routes the SDK's log lines to the given logger, at sensible levels, with no secret in them", async () => {
    const lines: Array<[string, string]> = [];
    const logger = {
      debug: (m: string) => lines.push(["debug", m]),
      info: (m: string) => lines.push(["info", m]),
      warn: (m: string) => lines.push(["warn", m]),
      error: (m: string) => lines.push(["error", m]),
    };
    server.handle((_req, res, i) =>
      i === 0 ? json(res, 503, { success: false, data: null, meta: {} }) : json(res, 200, ok([])),
    );
    const yc = new YclientsClient({
      ...base(),
      userToken: USER,
      logger,
      circuitBreaker: { failures: 1, halfOpenAfterMs: 60_000 },
    });
    await yc.booking.dates().catch(() => undefined);
    expect(
      lines.some(([level, m]) => level === "debug" && /^yclients:http GET \/book_dates\/\{company_id\} -> 503/.test(m)),
    ).toBe(true);
    expect(lines.some(([level, m]) => level === "warn" && /^yclients:breaker circuit open/.test(m))).toBe(true);
    for (const [, m] of lines) {
      expect(m).not.toContain(PARTNER);
      expect(m).not.toContain(USER);
    }
  });

  it("refuses a logger without the four methods", () => {
    expect(() => new YclientsClient({ ...base(), logger: { info() {} } as never })).toThrow(/logger must have/);
  });
});

describe("capability tokens in the path", () => {
  it("a record hash or a review token in the path is masked in the error's URL, message and JSON", async () => {
    const hash = "a3f9c2d17be84e6f90c1";
    const reviewToken = "rvw-9d8c7b6a5f4e3d2c1b";
    server.handle((_req, res) => json(res, 404, { success: false, data: null, meta: { message: "Не найдено" } }));
    const yc = new YclientsClient({ ...base(), userToken: USER });
    const failures = [
      await yc.userRecords.get(5, hash).catch((e: Error) => e),
      await yc
        .GET("/master_record_review/{recordToken}", { params: { path: { recordToken: reviewToken } } })
        .catch((e: Error) => e),
    ];
    expect(server.seen[0].url).toContain(hash);
    for (const error of failures) {
      const shown = `${String((error as { url?: string }).url)} ${(error as Error).message} ${JSON.stringify(error)}`;
      expect(shown).toContain("[REDACTED]");
      expect(shown).not.toContain(hash);
      expect(shown).not.toContain(reviewToken);
    }
  });
});
