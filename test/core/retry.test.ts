import { setDebugNamespaces, setDebugSink } from "../../src/log";
import {
  YclientsClient,
  YclientsNetworkError,
  YclientsRateLimitError,
  YclientsServerError,
  YclientsTimeoutError,
  type YclientsClientOptions,
} from "../../src/index";
import { DelayPlan, backoffSequence } from "../../src/transport/retry-delays";
import { parseRetryAfter } from "../../src/retry-after";
import { AttemptFailure, shouldRetry } from "../../src/transport/decisions";
import { closedPort, json, later, ok, scriptedClient, useServer } from "../helpers/scripted-server";

const server = useServer();

const fast = { maxTries: 3, baseDelay: 0.01, expoFactor: 2, jitter: false };
const client = (extra: Partial<YclientsClientOptions> = {}) => scriptedClient(server, { retry: fast, ...extra });

const calls = {
  GET: (yc: YclientsClient) => yc.GET("/countries"),
  PUT: (yc: YclientsClient) => yc.PUT("/company/{id}/", { params: { path: { id: 1 } }, body: { title: "x" } as any }),
  DELETE: (yc: YclientsClient) => yc.DELETE("/company/{id}/", { params: { path: { id: 1 } } }),
  POST: (yc: YclientsClient) => yc.POST("/auth", { body: { login: "l", password: "p" } }),
};

describe("attempts per method and status", () => {
  it.each([
    ["GET", 503, 3],
    ["PUT", 500, 3],
    ["DELETE", 502, 3],
    ["POST", 503, 1],
    ["GET", 429, 3],
    ["POST", 429, 3],
  ] as const)("%s answered %d is attempted %d time(s)", async (method, status, attempts) => {
    server.handle((_req, res) => json(res, status, { success: false, data: null, meta: { message: "busy" } }));
    const error = await calls[method](client()).catch((e) => e);
    expect(error).toBeInstanceOf(status === 429 ? YclientsRateLimitError : YclientsServerError);
    expect(error.status).toBe(status);
    expect(error.attempts).toBe(attempts);
    expect(error.requestId).toBe("req-test-1");
    expect(server.seen).toHaveLength(attempts);
  });

  it("POST is retried after 5xx when the user opts in with nonIdempotent", async () => {
    server.handle((_req, res, i) => (i < 2 ? json(res, 503, {}) : json(res, 201, ok({ user_token: "t" }))));
    const { data } = await calls.POST(client({ retry: { ...fast, nonIdempotent: true } }));
    expect(data?.data).toEqual({ user_token: "t" });
    expect(server.seen).toHaveLength(3);
  });

  it("a GET that fails twice then succeeds resolves with the success", async () => {
    server.handle((_req, res, i) => (i < 2 ? json(res, 500, {}) : json(res, 200, ok([{ id: 1, title: "Россия" }]))));
    const { data } = await calls.GET(client());
    expect(data.data).toEqual([{ id: 1, title: "Россия" }]);
    expect(server.seen).toHaveLength(3);
  });

  it("4xx is never retried", async () => {
    server.handle((_req, res) => json(res, 404, { success: false, data: null, meta: { message: "nope" } }));
    await expect(calls.GET(client())).rejects.toMatchObject({ status: 404, attempts: 1 });
    expect(server.seen).toHaveLength(1);
  });

  it("maxTries 1 (retry: false) sends once", async () => {
    server.handle((_req, res) => json(res, 503, {}));
    await expect(calls.GET(client({ retry: false }))).rejects.toBeInstanceOf(YclientsServerError);
    expect(server.seen).toHaveLength(1);
  });
});

describe("network failures", () => {
  it("a refused connection is retried even for POST (the request never left) and ends in YclientsNetworkError", async () => {
    const port = await closedPort();
    const yc = new YclientsClient({
      partnerToken: "p",
      baseUrl: `http://127.0.0.1:${port}/api/v1`,
      retry: fast,
      circuitBreaker: false,
    });
    const error = await calls.POST(yc).catch((e) => e);
    expect(error).toBeInstanceOf(YclientsNetworkError);
    expect(error.attempts).toBe(3);
    expect(error.message).toMatch(/ECONNREFUSED/);
  });

  it("a host name that does not resolve is retried even for POST: the request never left", async () => {
    // `.invalid` never resolves (RFC 6761): ENOTFOUND, or EAI_AGAIN where no resolver answers.
    const yc = new YclientsClient({
      partnerToken: "p",
      baseUrl: "http://yclients-sdk-test.invalid/api/v1",
      retry: fast,
      circuitBreaker: false,
      rateLimit: false,
    });
    const error = await calls.POST(yc).catch((e) => e);
    expect(error).toBeInstanceOf(YclientsNetworkError);
    expect(error.message).toMatch(/ENOTFOUND|EAI_AGAIN/);
    expect(error.attempts).toBe(3);
    expect(error.mayHaveReachedServer).toBe(false);
  });

  it("a connection reset is retried for GET but not for POST (the server may have acted)", async () => {
    server.handle((_req, res) => {
      res.socket?.destroy();
    });
    await expect(calls.GET(client())).rejects.toBeInstanceOf(YclientsNetworkError);
    expect(server.seen).toHaveLength(3);
    server.seen.splice(0);
    await expect(calls.POST(client())).rejects.toMatchObject({ name: "YclientsNetworkError", attempts: 1 });
    expect(server.seen).toHaveLength(1);
  });
});

describe("timeouts", () => {
  it("each attempt has its own timeout; GET is retried, then YclientsTimeoutError", async () => {
    server.handle((_req, res) => later(res, 300, () => json(res, 200, ok([]))));
    const error = await calls.GET(client({ timeoutMs: 50 })).catch((e) => e);
    expect(error).toBeInstanceOf(YclientsTimeoutError);
    expect(error.attempts).toBe(3);
    expect(server.seen).toHaveLength(3);
  });

  it("a per-call timeoutMs overrides the client's", async () => {
    server.handle((_req, res) => later(res, 150, () => json(res, 200, ok([]))));
    const yc = client({ timeoutMs: 50, retry: false });
    await expect(yc.GET("/countries")).rejects.toBeInstanceOf(YclientsTimeoutError);
    await expect(yc.GET("/countries", { timeoutMs: 1000 })).resolves.toMatchObject({ data: { success: true } });
  });

  it("the timeout also covers a body that stalls after the headers", async () => {
    server.handle((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"success":true,');
      later(res, 400, () => res.end('"data":[]}'));
    });
    await expect(client({ timeoutMs: 60, retry: false }).GET("/countries")).rejects.toBeInstanceOf(
      YclientsTimeoutError,
    );
  });
});

describe("Retry-After and abort", () => {
  it("honours Retry-After in seconds on a 429", async () => {
    server.handle((_req, res, i) => (i === 0 ? json(res, 429, {}, { "retry-after": "1" }) : json(res, 200, ok([]))));
    const started = Date.now();
    await calls.GET(client());
    const waited = Date.now() - started;
    expect(server.seen).toHaveLength(2);
    expect(waited).toBeGreaterThanOrEqual(950);
  });

  it("caps Retry-After at maxRetryAfterMs", async () => {
    server.handle((_req, res, i) => (i === 0 ? json(res, 429, {}, { "retry-after": "3600" }) : json(res, 200, ok([]))));
    const started = Date.now();
    await calls.GET(client({ retry: { ...fast, maxRetryAfterMs: 100 } }));
    expect(Date.now() - started).toBeLessThan(1500);
    expect(server.seen).toHaveLength(2);
  });

  it("an abort during a backoff wait rejects at once and sends nothing more", async () => {
    server.handle((_req, res) => json(res, 503, {}));
    const controller = new AbortController();
    const yc = client({ retry: { maxTries: 3, baseDelay: 30, expoFactor: 2, jitter: false } });
    const pending = yc.GET("/countries", { signal: controller.signal });
    await new Promise((r) => setTimeout(r, 100));
    const started = Date.now();
    controller.abort(new Error("user gave up"));
    await expect(pending).rejects.toThrow("user gave up");
    expect(Date.now() - started).toBeLessThan(100);
    expect(server.seen).toHaveLength(1);
  });

  it("an abort during an attempt ends it at once", async () => {
    server.handle((_req, res) => later(res, 2000, () => json(res, 200, ok([]))));
    const controller = new AbortController();
    const pending = client({ timeoutMs: 10_000 }).GET("/countries", { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const started = Date.now();
    await expect(pending).rejects.toHaveProperty("name", "AbortError");
    expect(Date.now() - started).toBeLessThan(500);
  });
});

describe("pure decisions", () => {
  it("parseRetryAfter reads seconds and HTTP dates", () => {
    expect(parseRetryAfter("2")).toBe(2000);
    expect(parseRetryAfter("0.5")).toBe(500);
    const now = Date.parse("2026-11-28T10:00:00Z");
    expect(parseRetryAfter("Sat, 28 Nov 2026 10:00:30 GMT", now)).toBe(30_000);
    expect(parseRetryAfter("Sat, 28 Nov 2026 09:00:00 GMT", now)).toBe(0);
    expect(parseRetryAfter("soon")).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });

  it("delays grow by expoFactor, not by 2", () => {
    const plan = new DelayPlan(backoffSequence({ maxTries: 5, baseDelay: 0.5, expoFactor: 2.1, jitter: false }));
    const delays = [plan.next(), plan.next(), plan.next()];
    expect(delays[0]).toBeCloseTo(500);
    expect(delays[1]).toBeCloseTo(1050);
    expect(delays[2]).toBeCloseTo(2205);
  });

  it("jittered delays stay within ±50 % of the plain delay", () => {
    for (let run = 0; run < 200; run++) {
      const plan = new DelayPlan(backoffSequence({ maxTries: 5, baseDelay: 1, expoFactor: 3, jitter: true }));
      const [a, b] = [plan.next(), plan.next()];
      expect(a).toBeGreaterThanOrEqual(500);
      expect(a).toBeLessThan(1500);
      expect(b).toBeGreaterThanOrEqual(1500);
      expect(b).toBeLessThan(4500);
    }
  });

  it("shouldRetry follows the method-safety rules", () => {
    const resp = (status: number) => new Response(null, { status });
    expect(shouldRetry(true, resp(503))).toBe(true);
    expect(shouldRetry(false, resp(503))).toBe(false);
    expect(shouldRetry(false, resp(429))).toBe(true);
    expect(shouldRetry(true, resp(404))).toBe(false);
    expect(shouldRetry(false, new AttemptFailure("network", true, "refused"))).toBe(true);
    expect(shouldRetry(false, new AttemptFailure("network", false, "reset"))).toBe(false);
    expect(shouldRetry(false, new AttemptFailure("timeout", false, "slow"))).toBe(false);
    expect(shouldRetry(true, new AttemptFailure("timeout", false, "slow"))).toBe(true);
    expect(shouldRetry(true, new Error("other"))).toBe(false);
  });
});

describe("documented retry defaults, through the real transport", () => {
  it("Retry-After is capped at 60 s by default", async () => {
    const lines: string[] = [];
    setDebugSink((line) => lines.push(line));
    setDebugNamespaces("yclients:retry");
    try {
      server.handle((_req, res) => json(res, 429, {}, { "retry-after": "3600" }));
      const controller = new AbortController();
      const yc = new YclientsClient({ partnerToken: "p", baseUrl: server.url, rateLimit: false });
      const pending = yc.GET("/countries", { signal: controller.signal }).catch((e) => e);
      for (let i = 0; i < 400 && lines.length === 0; i++) await new Promise((r) => setTimeout(r, 5));
      controller.abort(new Error("enough"));
      await pending;
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/attempt 2 of \d+ after HTTP 429, waiting 60000ms/);
      expect(server.seen).toHaveLength(1);
    } finally {
      setDebugNamespaces("");
      setDebugSink(undefined);
    }
  });

  it("Retry-After sets the wait on a 429 only: a 503's is left to the backoff", async () => {
    const lines: string[] = [];
    setDebugSink((line) => lines.push(line));
    setDebugNamespaces("yclients:retry");
    try {
      server.handle((_req, res, i) =>
        i === 0 ? json(res, 503, {}, { "retry-after": "3600" }) : json(res, 200, ok([])),
      );
      await expect(calls.GET(client())).resolves.toMatchObject({ data: { success: true } });
      expect(lines).toEqual([expect.stringMatching(/attempt 2 of 3 after HTTP 503, waiting 10ms$/)]);
    } finally {
      setDebugNamespaces("");
      setDebugSink(undefined);
    }
  });

  it("a POST is not sent again after a timeout", async () => {
    server.handle((_req, res) => later(res, 500, () => json(res, 201, ok({ user_token: "t" }))));
    const error = await calls.POST(client({ timeoutMs: 40, retry: { ...fast, maxTries: 5 } })).catch((e) => e);
    expect(error).toBeInstanceOf(YclientsTimeoutError);
    expect(error.attempts).toBe(1);
    expect(server.seen).toHaveLength(1);
  });
});
