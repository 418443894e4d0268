import { inspect } from "node:util";
import { setDebugNamespaces, setDebugSink } from "../../src/log";
import { YclientsClient } from "../../src/index";
import { redactAuthorization, redactBody, redactUrl } from "../../src/redact";
import { closedPort, json, later, useServer } from "../helpers/scripted-server";

const PARTNER = "partner-SECRET-1111";
const USER = "user-SECRET-2222";
const PASSWORD = "password-SECRET-3333";
const SMS_CODE = "4455";
const SECRETS = [PARTNER, USER, PASSWORD, SMS_CODE];

const server = useServer();
const lines: string[] = [];

beforeAll(() => {
  setDebugSink((line) => lines.push(line));
  setDebugNamespaces("yclients:*");
});
afterAll(() => {
  setDebugNamespaces("");
  setDebugSink(undefined);
});

/** Every way an error could be printed. */
function renderings(error: unknown): string[] {
  const e = error as Error;
  return [
    String(e),
    e.message,
    e.stack ?? "",
    JSON.stringify(e),
    inspect(e, { depth: 10 }),
    inspect(e.cause, { depth: 10 }),
  ];
}

function leaks(text: string): string[] {
  return SECRETS.filter((secret) => text.includes(secret));
}

describe("no secret reaches a log line, an error message, a stack or a serialised error", () => {
  it("across successes, hostile echoes, server errors, HTML, truncated JSON, timeouts and refused connections", async () => {
    const yc = new YclientsClient({
      partnerToken: PARTNER,
      userToken: USER,
      baseUrl: server.url,
      retry: { maxTries: 2, baseDelay: 0.001 },
      circuitBreaker: false,
      rateLimit: false,
    });
    const errors: unknown[] = [];
    const capture = (p: Promise<unknown>) =>
      p.then(
        () => undefined,
        (e) => errors.push(e),
      );

    // A server that echoes everything it received back into its answers.
    const echo = (req: { headers: Record<string, unknown>; body: string }) =>
      `auth=${String(req.headers.authorization)} body=${req.body}`;

    server.handle((req, res) =>
      json(res, 401, { errors: { code: 401, message: echo(req) }, meta: { message: echo(req) } }),
    );
    await capture(yc.POST("/auth", { body: { login: "79000000000", password: PASSWORD } }));
    await capture(yc.POST("/user/auth", { body: { phone: "79000000000", code: SMS_CODE } }));

    server.handle((req, res) =>
      json(res, 422, { success: false, data: null, meta: { message: echo(req), password: PASSWORD } }),
    );
    await capture(yc.POST("/auth", { body: { login: "x", password: PASSWORD } }));

    server.handle((req, res) => {
      res.writeHead(502, { "content-type": "text/html" });
      res.end(`<html>${echo(req)}</html>`);
    });
    await capture(yc.GET("/countries"));

    server.handle((req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(`{"success":true,"data":"${echo(req)}`);
    });
    await capture(yc.GET("/countries", { params: { query: { password: PASSWORD, code: SMS_CODE } as any } }));

    server.handle((_req, res) => later(res, 500, () => json(res, 200, {})));
    await capture(yc.GET("/countries", { timeoutMs: 100 }));

    const port = await closedPort();
    const offline = new YclientsClient({
      partnerToken: PARTNER,
      userToken: USER,
      baseUrl: `http://127.0.0.1:${port}/api/v1`,
      retry: false,
    });
    await capture(offline.POST("/auth", { body: { login: "79000000000", password: PASSWORD } }));

    server.handle((req, res) => json(res, 200, { success: false, data: null, meta: { message: echo(req) } }));
    await capture(yc.POST("/user/auth", { body: { phone: "79000000000", code: SMS_CODE } }));

    expect(errors).toHaveLength(8);
    const found = errors.flatMap((e) => renderings(e).flatMap(leaks));
    expect(found).toEqual([]);
    expect(lines.length).toBeGreaterThan(8);
    expect(lines.flatMap(leaks)).toEqual([]);
    // The errors still say what happened.
    expect(errors.map((e) => (e as Error).name)).toEqual([
      "YclientsAuthError",
      "YclientsAuthError",
      "YclientsValidationError",
      "YclientsServerError",
      "YclientsParseError",
      "YclientsTimeoutError",
      "YclientsNetworkError",
      "YclientsClientError",
    ]);
    expect(JSON.stringify(errors[0])).toContain("[REDACTED]");
  });
});

describe("redaction helpers", () => {
  it("masks both tokens of an Authorization value", () => {
    expect(redactAuthorization(`Bearer ${PARTNER}, User ${USER}`)).toBe("Bearer [REDACTED], User [REDACTED]");
  });
  it("masks secret fields at any depth but keeps numeric error codes", () => {
    expect(redactBody({ a: { password: "x", code: "1234" }, errors: { code: 433 }, user_token: "t" })).toEqual({
      a: { password: "[REDACTED]", code: "[REDACTED]" },
      errors: { code: 433 },
      user_token: "[REDACTED]",
    });
  });
  it("masks secret query values", () => {
    expect(redactUrl("http://h/x?login=1&password=p&code=9")).toBe(
      "http://h/x?login=1&password=[REDACTED]&code=[REDACTED]",
    );
  });
});
