// Middleware never holds a token: the Request that onRequest, onResponse and onError see is the one openapi-fetch
// built, and the transport sends each attempt as its own copy with the Authorization header on it.
import { inspect } from "node:util";
import type { Middleware } from "openapi-fetch";
import { YclientsClient, YclientsNetworkError, YclientsNotFoundError, YclientsServerError } from "../../src/index";
import { json, ok, useServer } from "../helpers/scripted-server";

const PARTNER = "partner-MIDDLEWARE-secret-1";
const USER = "user-MIDDLEWARE-secret-2";

const server = useServer();

/** Everything a middleware could print of a Request: every header, and the object inspected. */
function whatMiddlewareSees(request: Request): string {
  const lines: string[] = [];
  request.headers.forEach((value, name) => lines.push(`${name}: ${value}`));
  return `${lines.join("\n")}\n${inspect(request, { depth: 5 })}`;
}

function recorder() {
  const seen: { hook: string; shown: string }[] = [];
  const middleware: Middleware = {
    onRequest({ request }) {
      seen.push({ hook: "onRequest", shown: whatMiddlewareSees(request) });
    },
    onResponse({ request }) {
      seen.push({ hook: "onResponse", shown: whatMiddlewareSees(request) });
    },
    onError({ request }) {
      seen.push({ hook: "onError", shown: whatMiddlewareSees(request) });
    },
  };
  return { seen, middleware };
}

const client = () =>
  new YclientsClient({
    partnerToken: PARTNER,
    userToken: USER,
    baseUrl: server.url,
    retry: { maxTries: 2, baseDelay: 0, jitter: false },
    rateLimit: false,
    circuitBreaker: false,
  });

describe("middleware sees no token at any hook", () => {
  it("onRequest and onResponse of a 2xx answer to a request with a body", async () => {
    const { seen, middleware } = recorder();
    server.handle((_req, res) => json(res, 200, ok([])));
    await client().PUT(
      "/company/{company_id}/clients/{id}" as never,
      {
        params: { path: { company_id: 1, id: 2 } },
        body: { name: "x" },
        middleware: [middleware],
      } as never,
    );
    expect(seen.map((s) => s.hook)).toEqual(["onRequest", "onResponse"]);
    for (const { shown } of seen) expect(shown).not.toMatch(/MIDDLEWARE-secret/);
    // The server still got the tokens and the body.
    expect(server.seen).toHaveLength(1);
    for (const request of server.seen) {
      expect(request.headers.authorization).toBe(`Bearer ${PARTNER}, User ${USER}`);
      expect(request.body).toBe('{"name":"x"}');
    }
  });

  it("onResponse of a 4xx answer", async () => {
    const { seen, middleware } = recorder();
    server.handle((_req, res) => json(res, 404, { success: false, data: null, meta: { message: "gone" } }));
    await expect(client().GET("/countries", { middleware: [middleware] })).rejects.toBeInstanceOf(
      YclientsNotFoundError,
    );
    expect(seen.map((s) => s.hook)).toEqual(["onRequest", "onResponse"]);
    for (const { shown } of seen) expect(shown).not.toMatch(/MIDDLEWARE-secret/);
    expect(server.seen[0].headers.authorization).toBe(`Bearer ${PARTNER}, User ${USER}`);
  });

  it("onError of a final 5xx", async () => {
    const { seen, middleware } = recorder();
    server.handle((_req, res) => json(res, 503, { success: false, data: null, meta: {} }));
    await expect(client().GET("/countries", { middleware: [middleware] })).rejects.toBeInstanceOf(YclientsServerError);
    expect(seen.map((s) => s.hook)).toEqual(["onRequest", "onError"]);
    for (const { shown } of seen) expect(shown).not.toMatch(/MIDDLEWARE-secret/);
    // Both attempts carried the tokens.
    expect(server.seen.map((r) => r.headers.authorization)).toEqual([
      `Bearer ${PARTNER}, User ${USER}`,
      `Bearer ${PARTNER}, User ${USER}`,
    ]);
  });

  it("onError of a connection the server cut", async () => {
    const { seen, middleware } = recorder();
    server.handle((_req, res) => {
      res.socket?.destroy();
    });
    await expect(client().GET("/countries", { middleware: [middleware] })).rejects.toBeInstanceOf(YclientsNetworkError);
    expect(seen.map((s) => s.hook)).toEqual(["onRequest", "onError"]);
    for (const { shown } of seen) expect(shown).not.toMatch(/MIDDLEWARE-secret/);
  });
});
