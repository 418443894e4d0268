import { ALTEGIO_BASE_URL, YclientsClient, YclientsConfigError, YclientsTimeoutError } from "../../src/index";
import { backoffFromEnv, resolveRetry } from "../../src/config";
import { json, ok, startServer, type TestServer } from "../helpers/scripted-server";

describe("YCLIENTS_BACKOFF_* environment variables", () => {
  it("defaults match the Python predecessor", () => {
    expect(backoffFromEnv({})).toEqual({ maxTries: 3, baseDelay: 0.5, expoFactor: 2.1, jitter: true });
  });

  it("reads every variable", () => {
    expect(
      backoffFromEnv({
        YCLIENTS_BACKOFF_MAX_TRIES: "5",
        YCLIENTS_BACKOFF_BASE_DELAY: "0.25",
        YCLIENTS_BACKOFF_EXPO_FACTOR: "3",
        YCLIENTS_BACKOFF_JITTER: "false",
      }),
    ).toEqual({ maxTries: 5, baseDelay: 0.25, expoFactor: 3, jitter: false });
    expect(backoffFromEnv({ YCLIENTS_BACKOFF_JITTER: "0" }).jitter).toBe(false);
    expect(backoffFromEnv({ YCLIENTS_BACKOFF_JITTER: "True" }).jitter).toBe(true);
  });

  it.each([
    ["YCLIENTS_BACKOFF_MAX_TRIES", "0"],
    ["YCLIENTS_BACKOFF_MAX_TRIES", "2.5"],
    ["YCLIENTS_BACKOFF_MAX_TRIES", "lots"],
    ["YCLIENTS_BACKOFF_BASE_DELAY", "-1"],
    ["YCLIENTS_BACKOFF_BASE_DELAY", "NaN"],
    ["YCLIENTS_BACKOFF_EXPO_FACTOR", "0.5"],
    ["YCLIENTS_BACKOFF_JITTER", "maybe"],
  ])("%s=%s is a YclientsConfigError naming the variable", (name, value) => {
    expect(() => backoffFromEnv({ [name]: value })).toThrow(YclientsConfigError);
    expect(() => backoffFromEnv({ [name]: value })).toThrow(name);
  });

  it("the retry option overrides the environment", () => {
    const env = { YCLIENTS_BACKOFF_MAX_TRIES: "7", YCLIENTS_BACKOFF_BASE_DELAY: "2" };
    expect(resolveRetry({ maxTries: 2 }, env)).toMatchObject({ maxTries: 2, baseDelay: 2 });
    expect(resolveRetry(false, env).maxTries).toBe(1);
  });

  describe("read when a client is constructed", () => {
    let server: TestServer;
    const saved = { ...process.env };
    beforeAll(async () => {
      server = await startServer((_req, res) => json(res, 503, ok(null)));
    });
    afterAll(() => server.close());
    afterEach(() => {
      for (const key of Object.keys(process.env)) if (key.startsWith("YCLIENTS_BACKOFF_")) delete process.env[key];
      Object.assign(process.env, saved);
    });

    it("MAX_TRIES from the environment sets the attempts", async () => {
      process.env.YCLIENTS_BACKOFF_MAX_TRIES = "4";
      process.env.YCLIENTS_BACKOFF_BASE_DELAY = "0.001";
      const yc = new YclientsClient({ partnerToken: "p", baseUrl: server.url, circuitBreaker: false });
      process.env.YCLIENTS_BACKOFF_MAX_TRIES = "9"; // changes after construction do not apply
      server.seen.splice(0);
      await expect(yc.GET("/countries")).rejects.toMatchObject({ attempts: 4 });
      expect(server.seen).toHaveLength(4);
    });

    it("a bad value fails the constructor", () => {
      process.env.YCLIENTS_BACKOFF_EXPO_FACTOR = "fast";
      expect(() => new YclientsClient({ partnerToken: "p" })).toThrow(/YCLIENTS_BACKOFF_EXPO_FACTOR/);
    });
  });
});

describe("bad options", () => {
  it.each([
    [{}, /partnerToken/],
    [{ partnerToken: "" }, /partnerToken/],
    [{ partnerToken: "a b" }, /partnerToken/],
    [{ partnerToken: "p", userToken: "x,User y" }, /userToken/],
    // A comma alone would split the Authorization value: `Bearer p,x` reads as two credentials.
    [{ partnerToken: "p,x" }, /partnerToken/],
    [{ partnerToken: "p", userToken: "x,y" }, /userToken/],
    [{ partnerToken: "p\tx" }, /partnerToken/],
    [{ partnerToken: "p", baseUrl: "not a url" }, /baseUrl/],
    [{ partnerToken: "p", baseUrl: "ftp://x" }, /baseUrl/],
    [{ partnerToken: "p", timeoutMs: 0 }, /timeoutMs/],
    [{ partnerToken: "p", timeoutMs: "5" }, /timeoutMs/],
    [{ partnerToken: "p", companyId: -1 }, /companyId/],
    [{ partnerToken: "p", retry: { maxTries: 0 } }, /retry.maxTries/],
    [{ partnerToken: "p", retry: { expoFactor: 0 } }, /retry.expoFactor/],
    [{ partnerToken: "p", circuitBreaker: { failures: 0 } }, /circuitBreaker.failures/],
    [{ partnerToken: "p", raiseClientErrors: "yes" }, /raiseClientErrors/],
    [{ partnerToken: "p", headers: { "bad header": "1" } }, /header/],
    [{ partnerToken: "p", accept: "json" }, /accept/],
    [{ partnerToken: "p", fetch: 42 }, /fetch/],
  ])("%j is refused", (options, message) => {
    expect(() => new YclientsClient(options as any)).toThrow(YclientsConfigError);
    expect(() => new YclientsClient(options as any)).toThrow(message);
  });

  it("a token with a typo is never echoed in the error", () => {
    const error = (() => {
      try {
        new YclientsClient({ partnerToken: "secret partner" });
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error?.message).not.toContain("secret");
  });

  it("withUserToken validates the token", () => {
    const yc = new YclientsClient({ partnerToken: "p" });
    expect(() => yc.withUserToken("")).toThrow(YclientsConfigError);
  });
});

describe("defaults the README states", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer((_req, res) => json(res, 200, ok([])));
  });
  afterAll(() => server.close());

  it("baseUrl is https://api.yclients.com/api/v1, and ALTEGIO_BASE_URL is Altegio's", async () => {
    const sentTo: string[] = [];
    // The client's own `fetch` option: it notes where the SDK meant to go and delivers to the local server instead.
    const delivering = (request: Request, init: { signal: AbortSignal }) => {
      sentTo.push(request.url);
      const url = new URL(request.url);
      return fetch(new Request(`${server.origin}${url.pathname}${url.search}`, request), init);
    };
    await new YclientsClient({ partnerToken: "p", fetch: delivering, rateLimit: false }).GET("/countries");
    await new YclientsClient({ partnerToken: "p", fetch: delivering, rateLimit: false, baseUrl: ALTEGIO_BASE_URL }).GET(
      "/countries",
    );
    expect(sentTo).toEqual(["https://api.yclients.com/api/v1/countries", "https://api.alteg.io/api/v1/countries"]);
    expect(YclientsClient.ALTEGIO_BASE_URL).toBe(ALTEGIO_BASE_URL);
    expect(server.seen.map((s) => s.url)).toEqual(["/api/v1/countries", "/api/v1/countries"]);
  });

  it("timeoutMs is 5000 per attempt", async () => {
    server.handle(() => undefined); // never answers
    const yc = new YclientsClient({ partnerToken: "p", baseUrl: server.url, retry: false, rateLimit: false });
    const error = await yc.GET("/countries").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(YclientsTimeoutError);
    expect((error as Error).message).toBe("GET /countries timed out: no response within 5000ms");
  }, 15_000);
});
