import { YclientsClient, YclientsConfigError } from "../../src/index";
import { VERSION } from "../../src/version";
import { json, ok, useServer } from "../helpers/scripted-server";

const server = useServer((_req, res) => json(res, 200, ok([])));

const partnerToken = "partner-abc123";

describe("request headers", () => {
  it("sends the partner token alone when there is no user token, with the documented Accept", async () => {
    const yc = new YclientsClient({ partnerToken, baseUrl: server.url });
    await yc.GET("/countries");
    const [req] = server.seen;
    expect(req.url).toBe("/api/v1/countries");
    expect(req.headers.authorization).toBe("Bearer partner-abc123");
    expect(req.headers.accept).toBe("application/vnd.yclients.v2+json");
    expect(req.headers["user-agent"]).toBe(`yclients-client/${VERSION}`);
    expect(req.headers["content-type"]).toBeUndefined();
  });

  it("leaves User-Agent alone where there is a document (a browser)", async () => {
    const global = globalThis as { document?: unknown };
    global.document = {};
    let yc: YclientsClient;
    try {
      yc = new YclientsClient({ partnerToken, baseUrl: server.url });
    } finally {
      delete global.document;
    }
    await yc.GET("/countries");
    expect(server.seen[0].headers["user-agent"] ?? "").not.toContain("yclients-client");
  });

  it("appends the user token as `, User <token>` and sends JSON bodies with Content-Type", async () => {
    const yc = new YclientsClient({ partnerToken, userToken: "user-1", baseUrl: server.url });
    await yc.POST("/auth", { body: { login: "79000000000", password: "pw-secret" } });
    const [req] = server.seen;
    expect(req.headers.authorization).toBe("Bearer partner-abc123, User user-1");
    expect(req.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(req.body)).toEqual({ login: "79000000000", password: "pw-secret" });
  });

  it("takes the user token from the call, then the scoped client, then the constructor", async () => {
    const yc = new YclientsClient({ partnerToken, userToken: "from-ctor", baseUrl: server.url });
    const scoped = yc.withUserToken("from-scope");
    await yc.GET("/countries");
    await scoped.GET("/countries");
    await scoped.GET("/countries", { userToken: "from-call" });
    await yc.GET("/countries");
    expect(server.seen.map((r) => r.headers.authorization)).toEqual([
      "Bearer partner-abc123, User from-ctor",
      "Bearer partner-abc123, User from-scope",
      "Bearer partner-abc123, User from-call",
      "Bearer partner-abc123, User from-ctor",
    ]);
  });

  it("uses the accept option (Altegio's media type) and custom global and per-call headers", async () => {
    const yc = new YclientsClient({
      partnerToken,
      baseUrl: server.url,
      accept: "application/vnd.api.v2+json",
      headers: { "X-Partner-App": "demo" },
    });
    await yc.GET("/countries", { headers: { "X-Trace": "t1" } });
    yc.setGlobalHeaders({ "X-Other": "2" });
    await yc.GET("/countries");
    const [first, second] = server.seen;
    expect(first.headers.accept).toBe("application/vnd.api.v2+json");
    expect(first.headers["x-partner-app"]).toBe("demo");
    expect(first.headers["x-trace"]).toBe("t1");
    expect(second.headers["x-partner-app"]).toBeUndefined();
    expect(second.headers["x-other"]).toBe("2");
    expect(second.headers["x-trace"]).toBeUndefined();
  });

  it("a scoped client never changes its parent, and keeps its own copy of the global headers", async () => {
    const yc = new YclientsClient({ partnerToken, baseUrl: server.url, headers: { "X-A": "1" } });
    const scoped = yc.withUserToken("scoped-user");
    scoped.setGlobalHeaders({ "X-B": "2" });
    await yc.GET("/countries");
    await scoped.GET("/countries");
    expect(server.seen[0].headers.authorization).toBe("Bearer partner-abc123");
    expect(server.seen[0].headers["x-a"]).toBe("1");
    expect(server.seen[0].headers["x-b"]).toBeUndefined();
    expect(server.seen[1].headers["x-b"]).toBe("2");
    expect(server.seen[1].headers["x-a"]).toBeUndefined();
  });

  it("refuses a Headers or a Map as headers rather than dropping what they hold", async () => {
    for (const headers of [new Headers({ "X-A": "1" }), new Map([["X-A", "1"]])]) {
      expect(() => new YclientsClient({ partnerToken, headers: headers as never })).toThrow(
        /headers must be a plain object/,
      );
      const yc = new YclientsClient({ partnerToken, baseUrl: server.url });
      expect(() => yc.withOptions({ headers: headers as never })).toThrow(YclientsConfigError);
      expect(() => yc.setGlobalHeaders(headers as never)).toThrow(YclientsConfigError);
      await expect(yc.GET("/countries", { headers: headers as never })).rejects.toThrow(YclientsConfigError);
    }
    expect(server.seen).toHaveLength(0);
  });

  it("refuses an Authorization header smuggled in through custom headers", () => {
    expect(() => new YclientsClient({ partnerToken, headers: { Authorization: "Bearer x" } })).toThrow(
      YclientsConfigError,
    );
    const yc = new YclientsClient({ partnerToken, baseUrl: server.url });
    expect(() => yc.setGlobalHeaders({ authorization: "x" })).toThrow(YclientsConfigError);
  });

  it("fails before sending when an operation needs a user token and none is known", async () => {
    const yc = new YclientsClient({ partnerToken, baseUrl: server.url });
    await expect(yc.GET("/company/{id}/", { params: { path: { id: 1 } } })).rejects.toThrow(YclientsConfigError);
    await expect(yc.GET("/company/{id}/", { params: { path: { id: 1 } } })).rejects.toThrow(/needs a user token/);
    expect(server.seen).toHaveLength(0);
    await yc.GET("/company/{id}/", { params: { path: { id: 1 } }, userToken: "u-9" });
    expect(server.seen[0].headers.authorization).toBe("Bearer partner-abc123, User u-9");
  });

  it("version.ts matches package.json", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    expect(VERSION).toBe(require("../../package.json").version);
  });
});

describe("token isolation under concurrency", () => {
  it("2,000 concurrent calls for 200 different users each carry only their own token", async () => {
    server.handle((req, res) => {
      // Echo the Authorization header back after a random short delay, so answers interleave.
      setTimeout(() => json(res, 200, ok({ auth: req.headers.authorization })), Math.floor(Math.random() * 5));
    });
    // A generous timeout: on a loaded machine 2,000 calls in flight can outlast the 5 s default; this is about tokens.
    const yc = new YclientsClient({
      partnerToken,
      baseUrl: server.url,
      circuitBreaker: false,
      rateLimit: false,
      timeoutMs: 60_000,
    });
    const scoped = Array.from({ length: 100 }, (_, i) => yc.withUserToken(`scoped-${i}`));
    const calls = Array.from({ length: 2000 }, (_, i) => {
      const user = i % 200;
      const expected = user < 100 ? `scoped-${user}` : `call-${user}`;
      const promise = user < 100 ? scoped[user].GET("/countries") : yc.GET("/countries", { userToken: `call-${user}` });
      return promise.then(({ data }) => ({ expected, got: (data as any).data.auth as string }));
    });
    const results = await Promise.all(calls);
    const wrong = results.filter((r) => r.got !== `Bearer partner-abc123, User ${r.expected}`);
    expect(results).toHaveLength(2000);
    expect(wrong).toEqual([]);
    server.handle((_req, res) => json(res, 200, ok([])));
  });
});

describe("YclientsTypedClient", () => {
  it("has the typed methods and scoping without the friendly resources; scoped clients keep their class", async () => {
    const { YclientsTypedClient, YclientsClient: Full } = await import("../../src/index");
    const typed = new YclientsTypedClient({ partnerToken, baseUrl: server.url });
    const scopedTyped = typed.withUserToken("t-1");
    expect(scopedTyped).toBeInstanceOf(YclientsTypedClient);
    expect((scopedTyped as unknown as Record<string, unknown>).booking).toBeUndefined();
    server.seen.splice(0);
    await scopedTyped.GET("/countries");
    expect(server.seen[0].headers.authorization).toBe("Bearer partner-abc123, User t-1");

    const full = new Full({ partnerToken, baseUrl: server.url }).withUserToken("t-2");
    expect(full).toBeInstanceOf(Full);
    expect(typeof full.booking.services).toBe("function");
  });
});
