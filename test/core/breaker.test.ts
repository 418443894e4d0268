import type { ServerResponse } from "node:http";
import {
  YclientsCircuitOpenError,
  YclientsClient,
  YclientsNotFoundError,
  YclientsRateLimitError,
  YclientsServerError,
  YclientsTimeoutError,
  type CircuitBreakerOptions,
  type YclientsClientOptions,
} from "../../src/index";
import { setDebugNamespaces, setDebugSink } from "../../src/log";
import { json, later, ok, scriptedClient, useServer } from "../helpers/scripted-server";

const server = useServer();

/** A client of the scripted server with `breaker` (undefined: the documented defaults) and no retries. */
const withBreaker = (breaker: CircuitBreakerOptions | false | undefined, extra: Partial<YclientsClientOptions> = {}) =>
  scriptedClient(server, { retry: false, circuitBreaker: breaker, ...extra });
const client = () => withBreaker({ failures: 3, halfOpenAfterMs: 200 });

describe("circuit breaker", () => {
  it("opens after N consecutive failures, fails fast without sending, half-opens, then closes on success", async () => {
    const yc = client();
    server.handle((_req, res) => json(res, 503, {}));
    for (let i = 0; i < 3; i++) await expect(yc.GET("/countries")).rejects.toBeInstanceOf(YclientsServerError);
    expect(server.seen).toHaveLength(3);

    // Open: nothing is sent.
    const error = await yc.GET("/countries").catch((e) => e);
    expect(error).toBeInstanceOf(YclientsCircuitOpenError);
    expect(error.path).toBe("/countries");
    expect(error.attempts).toBe(0);
    expect(server.seen).toHaveLength(3);

    // Half-open after the pause: one trial goes through; its success closes the circuit.
    await new Promise((r) => setTimeout(r, 250));
    server.handle((_req, res) => json(res, 200, ok([])));
    await expect(yc.GET("/countries")).resolves.toMatchObject({ data: { success: true } });
    await expect(yc.GET("/countries")).resolves.toMatchObject({ data: { success: true } });
    expect(server.seen).toHaveLength(5);
  });

  it("a failed trial while half-open opens the circuit again", async () => {
    const yc = client();
    server.handle((_req, res) => json(res, 500, {}));
    for (let i = 0; i < 3; i++) await yc.GET("/countries").catch(() => undefined);
    await new Promise((r) => setTimeout(r, 250));
    await expect(yc.GET("/countries")).rejects.toBeInstanceOf(YclientsServerError);
    await expect(yc.GET("/countries")).rejects.toBeInstanceOf(YclientsCircuitOpenError);
    expect(server.seen).toHaveLength(4);
  });

  it("4xx answers never count as failures", async () => {
    const yc = client();
    server.handle((_req, res) => json(res, 404, { success: false, data: null, meta: { message: "no" } }));
    for (let i = 0; i < 6; i++) await expect(yc.GET("/countries")).rejects.toBeInstanceOf(YclientsNotFoundError);
    expect(server.seen).toHaveLength(6);
  });

  it("is shared by scoped clients, and `circuitBreaker: false` turns it off", async () => {
    const yc = client();
    const scoped = yc.withUserToken("someone");
    server.handle((_req, res) => json(res, 503, {}));
    for (let i = 0; i < 3; i++) await scoped.GET("/countries").catch(() => undefined);
    await expect(yc.GET("/countries")).rejects.toBeInstanceOf(YclientsCircuitOpenError);

    const noBreaker = withBreaker(false);
    server.seen.splice(0);
    for (let i = 0; i < 8; i++) await expect(noBreaker.GET("/countries")).rejects.toBeInstanceOf(YclientsServerError);
    expect(server.seen).toHaveLength(8);
  });

  it("separate clients have separate breakers", async () => {
    const a = client();
    const b = client();
    server.handle((_req, res) => json(res, 503, {}));
    for (let i = 0; i < 3; i++) await a.GET("/countries").catch(() => undefined);
    await expect(a.GET("/countries")).rejects.toBeInstanceOf(YclientsCircuitOpenError);
    await expect(b.GET("/countries")).rejects.toBeInstanceOf(YclientsServerError);
  });
});

/** A handler that holds every answer until the test releases it, so "ended at once" needs no clock. */
function gate(answer: (res: ServerResponse) => void) {
  const held: ServerResponse[] = [];
  return {
    handler: (_req: unknown, res: ServerResponse) => {
      held.push(res);
    },
    release: () => held.splice(0).forEach((res) => answer(res)),
  };
}

const failing = (yc: YclientsClient, n: number) =>
  Promise.all(Array.from({ length: n }, () => yc.GET("/countries").catch(() => undefined)));

describe("half-open: one trial, everyone else fails fast, aborts decide nothing", () => {
  const halfOpenClient = () => withBreaker({ failures: 2, halfOpenAfterMs: 50 }, { timeoutMs: 10_000 });

  /** Opens the circuit (two 503s), waits into half-open, and makes the server hold the next call: the trial. */
  async function holdTheTrial(yc: YclientsClient) {
    server.handle((_req, res) => json(res, 503, {}));
    await failing(yc, 2);
    await new Promise((r) => setTimeout(r, 80));
    const held = gate((res) => json(res, 200, ok([])));
    server.handle(held.handler);
    server.seen.splice(0);
    return held;
  }

  it("while the trial is in flight other calls reject with YclientsCircuitOpenError without waiting for it", async () => {
    const yc = halfOpenClient();
    const held = await holdTheTrial(yc);
    const trial = yc.GET("/countries");
    await waitFor(() => server.seen.length === 1);
    // The trial is still held by the server, so these can only have settled by failing fast.
    const others = await Promise.all([1, 2, 3].map(() => yc.GET("/countries").catch((e) => e)));
    for (const error of others) expect(error).toBeInstanceOf(YclientsCircuitOpenError);
    expect(server.seen).toHaveLength(1);
    held.release();
    await expect(trial).resolves.toMatchObject({ data: { success: true } });
    server.handle((_req, res) => json(res, 200, ok([])));
    await expect(yc.GET("/countries")).resolves.toMatchObject({ data: { success: true } });
  });

  it("an aborted trial rejects at once and leaves the circuit for the next call to trial", async () => {
    const yc = halfOpenClient();
    const held = await holdTheTrial(yc);
    const controller = new AbortController();
    const trial = yc.GET("/countries", { signal: controller.signal }).catch((e) => e);
    await waitFor(() => server.seen.length === 1);
    controller.abort(new Error("caller gave up"));
    // Settles while the server still holds the answer.
    expect(await trial).toMatchObject({ message: "caller gave up" });

    // Not closed by the abort (then both calls below would be sent), not opened again (then neither would):
    // the next call is a new trial and the one beside it fails fast.
    const next = yc.GET("/countries");
    await waitFor(() => server.seen.length === 2);
    await expect(yc.GET("/countries")).rejects.toBeInstanceOf(YclientsCircuitOpenError);
    held.release();
    await expect(next).resolves.toMatchObject({ data: { success: true } });
    expect(server.seen).toHaveLength(2);
  });
});

describe("retries and the breaker agree on what happened", () => {
  it("when the breaker opens during a retry series, the caller gets the server's error with the attempts really sent", async () => {
    server.handle((_req, res) => json(res, 503, { success: false, data: null, meta: { message: "down" } }));
    const yc = withBreaker(undefined, { retry: { maxTries: 10, baseDelay: 0.001, jitter: false } });
    const error = await yc.GET("/countries").catch((e) => e);
    expect(error).toBeInstanceOf(YclientsServerError);
    expect(error.status).toBe(503);
    expect(error.attempts).toBe(5);
    expect(server.seen).toHaveLength(5);
    expect(error.message).toMatch(
      /after 5 attempts: down; no more attempts were made because the circuit breaker opened/,
    );
    // Now it is open: the next call sends nothing and says so.
    const refused = await yc.GET("/countries").catch((e) => e);
    expect(refused).toBeInstanceOf(YclientsCircuitOpenError);
    expect(refused.attempts).toBe(0);
    expect(server.seen).toHaveLength(5);
  });

  it("once the breaker opens, the call stops at once: no retry is announced or waited for that would not be sent", async () => {
    const lines: string[] = [];
    setDebugSink((line) => lines.push(line));
    setDebugNamespaces("yclients:retry");
    try {
      server.handle((_req, res) => json(res, 502, {}));
      const yc = withBreaker({ failures: 2 }, { retry: { maxTries: 5, baseDelay: 0.001, jitter: false } });
      const error = await yc.GET("/countries").catch((e) => e);
      expect(error).toBeInstanceOf(YclientsServerError);
      expect(error.attempts).toBe(2);
      expect(lines).toEqual([expect.stringMatching(/attempt 2 of 5 after HTTP 502/)]);
    } finally {
      setDebugNamespaces("");
      setDebugSink(undefined);
    }
  });

  it("when another call opens the breaker during this call's backoff wait, this call reports its own last failure", async () => {
    const yc = withBreaker(
      { failures: 3, halfOpenAfterMs: 60_000 },
      { retry: { maxTries: 3, baseDelay: 0.3, jitter: false } },
    );
    server.handle((_req, res) => json(res, 502, {}));
    const slow = yc.GET("/countries").catch((e) => e); // fails once, then waits 300 ms
    await waitFor(() => server.seen.length === 1);
    await Promise.all([1, 2].map(() => yc.GET("/countries").catch(() => undefined)));
    const error = await slow;
    expect(error).toBeInstanceOf(YclientsServerError);
    expect(error.status).toBe(502);
    expect(error.attempts).toBe(1);
    expect(error.message).toContain("circuit breaker opened");
  });
});

describe("documented breaker defaults", () => {
  const defaults = () => withBreaker(undefined);

  it("opens after 5 consecutive failures, not 4", async () => {
    const yc = defaults();
    server.handle((_req, res) => json(res, 500, {}));
    for (let i = 0; i < 4; i++) await yc.GET("/countries").catch(() => undefined);
    await expect(yc.GET("/countries")).rejects.toBeInstanceOf(YclientsServerError); // the 5th is still sent
    await expect(yc.GET("/countries")).rejects.toBeInstanceOf(YclientsCircuitOpenError);
    expect(server.seen).toHaveLength(5);
  });

  it("lets a trial through after 10 s, not before", async () => {
    const yc = defaults();
    server.handle((_req, res) => json(res, 500, {}));
    await failing(yc, 5);
    // The breaker keeps monotonic time (a stepped wall clock must not move it), so that is the clock to step here.
    const opened = performance.now();
    const now = jest.spyOn(performance, "now");
    try {
      now.mockReturnValue(opened + 9_900);
      await expect(yc.GET("/countries")).rejects.toBeInstanceOf(YclientsCircuitOpenError);
      expect(server.seen).toHaveLength(5);
      now.mockReturnValue(opened + 10_100);
      server.handle((_req, res) => json(res, 200, ok([])));
      await expect(yc.GET("/countries")).resolves.toMatchObject({ data: { success: true } });
      expect(server.seen).toHaveLength(6);
    } finally {
      now.mockRestore();
    }
  });

  it("a 429 is not a breaker failure", async () => {
    const yc = withBreaker({ failures: 2 });
    server.handle((_req, res) => json(res, 429, {}));
    for (let i = 0; i < 4; i++) await expect(yc.GET("/countries")).rejects.toBeInstanceOf(YclientsRateLimitError);
    expect(server.seen).toHaveLength(4);
  });

  it("a timeout is a breaker failure", async () => {
    const yc = withBreaker({ failures: 2 }, { timeoutMs: 30 });
    server.handle((_req, res) => later(res, 1000, () => json(res, 200, ok([]))));
    for (let i = 0; i < 2; i++) await expect(yc.GET("/countries")).rejects.toBeInstanceOf(YclientsTimeoutError);
    await expect(yc.GET("/countries")).rejects.toBeInstanceOf(YclientsCircuitOpenError);
    expect(server.seen).toHaveLength(2);
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !condition(); i++) await new Promise((r) => setTimeout(r, 5));
  if (!condition()) throw new Error("condition not reached");
}
