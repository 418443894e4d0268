import { YclientsCircuitOpenError, YclientsClient, YclientsNotFoundError, YclientsServerError } from "../../src/index";
import { json, ok, startServer, type TestServer } from "../helpers/server";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
beforeEach(() => server.seen.splice(0));

const client = () =>
  new YclientsClient({
    partnerToken: "p-token",
    baseUrl: server.url,
    retry: false,
    circuitBreaker: { failures: 3, halfOpenAfterMs: 200 },
  });

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

    const noBreaker = new YclientsClient({
      partnerToken: "p",
      baseUrl: server.url,
      retry: false,
      circuitBreaker: false,
    });
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
