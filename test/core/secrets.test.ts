// Secrets in the places the README promises to keep them out of: tokens that a header cannot carry,
// a client printed or serialised, and answers that echo what was sent.
import { inspect } from "node:util";
import { YclientsClient, YclientsConfigError } from "../../src/index";
import { setDebugNamespaces, setDebugSink } from "../../src/log";
import { redactBody, redactText, redactUrl } from "../../src/redact";
import { json, ok, useServer } from "../helpers/scripted-server";

const server = useServer((_req, res) => json(res, 200, ok([])));

const PARTNER = "partner-SECRET-1111";
const USER = "user-SECRET-2222";
const client = (extra: Record<string, unknown> = {}) =>
  new YclientsClient({
    partnerToken: PARTNER,
    baseUrl: server.url,
    retry: false,
    rateLimit: false,
    circuitBreaker: false,
    ...extra,
  });

/** What `run` throws (undefined when it returns). */
function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

/** Every way an error could be printed. */
const renderings = (e: Error) => [e.message, e.stack ?? "", JSON.stringify(e), inspect(e, { depth: 10 })].join("\n");

describe("tokens a header cannot carry", () => {
  const bad = {
    NUL: `tok\u0000en-SECRET`,
    CR: `tok\ren-SECRET`,
    LF: `tok\nen-SECRET`,
    "other C0": `tok\u0007en-SECRET`,
    DEL: `tok\u007fen-SECRET`,
    "non-Latin-1": `tokён-SECRET`,
    emoji: `tok😀en-SECRET`,
  };

  it.each(Object.entries(bad))("%s is refused at construction, in withUserToken() and per call", async (_, token) => {
    const check = (error: unknown, option: string) => {
      expect(error).toBeInstanceOf(YclientsConfigError);
      expect((error as Error).message).toContain(option);
      expect(renderings(error as Error)).not.toContain("SECRET");
    };
    check(
      thrownBy(() => client({ partnerToken: token })),
      "partnerToken",
    );
    check(
      thrownBy(() => client({ userToken: token })),
      "userToken",
    );
    check(
      thrownBy(() => client().withUserToken(token)),
      "userToken",
    );
    check(
      await client()
        .GET("/countries", { userToken: token })
        .catch((e) => e),
      "userToken",
    );
    expect(server.seen).toHaveLength(0);
  });

  it("a custom header value with a line break is refused without echoing it", () => {
    expect(() => client({ headers: { "X-Trace": "a\r\nInjected: SECRET" } })).toThrow(
      /headers.X-Trace must not contain control characters/,
    );
  });
});

describe("a client printed, inspected or serialised shows no token", () => {
  it("covers the client, scoped clients and their resources", () => {
    const yc = client({ userToken: USER, companyId: 4564 });
    const scoped = yc.withUserToken("scoped-SECRET-3333");
    for (const shown of [
      inspect(yc, { depth: 20, showHidden: true }),
      inspect(scoped, { depth: 20, showHidden: true }),
      inspect(yc.locations, { depth: 20 }),
      inspect({ wrapper: scoped }, { depth: 20 }),
      JSON.stringify(yc),
      JSON.stringify({ scoped }),
      `${String(inspect(yc))}`,
    ]) {
      expect(shown).not.toMatch(/SECRET/);
    }
    expect(inspect(yc)).toBe('YclientsClient {"userToken":"[REDACTED]","companyId":4564}');
    expect(JSON.parse(JSON.stringify(scoped))).toEqual({
      client: "YclientsClient",
      userToken: "[REDACTED]",
      companyId: 4564,
    });
    // A derived client shows its own company id, not the one it was derived from.
    const salon = yc.withOptions({ companyId: 7 });
    expect(JSON.parse(JSON.stringify(salon))).toEqual({
      client: "YclientsClient",
      userToken: "[REDACTED]",
      companyId: 7,
    });
    expect(inspect(salon)).toBe('YclientsClient {"userToken":"[REDACTED]","companyId":7}');
  });
});

describe("the user token is per call", () => {
  it("a call without a token after a call with one sends no user token", async () => {
    const yc = client();
    await yc.GET("/countries", { userToken: USER });
    await yc.GET("/countries");
    expect(server.seen.map((r) => r.headers.authorization)).toEqual([
      `Bearer ${PARTNER}, User ${USER}`,
      `Bearer ${PARTNER}`,
    ]);
  });
});

describe("echoed secrets are masked in errors", () => {
  const failing = (yc: YclientsClient, query: Record<string, unknown> = {}) =>
    yc.GET("/countries", { params: { query: query as never } }).then(
      () => {
        throw new Error("expected the call to fail");
      },
      (e) => e as Error & { body: unknown; url: string },
    );

  it("a user token echoed in a 5xx JSON body", async () => {
    server.handle((req, res) =>
      json(res, 500, { success: false, data: { seen: req.headers.authorization }, meta: { message: `bad ${USER}` } }),
    );
    const error = await failing(client({ userToken: USER }));
    expect(renderings(error)).not.toContain("SECRET");
    expect(error.message).toContain("bad [REDACTED]");
  });

  it("a user token echoed in a 4xx text body", async () => {
    server.handle((_req, res) => {
      res.writeHead(403, { "content-type": "text/plain" });
      res.end(`token ${USER} is not allowed here`);
    });
    const error = await failing(client({ userToken: USER }));
    expect(error.message).toBe("GET /countries failed with HTTP 403: token [REDACTED] is not allowed here");
    expect(renderings(error)).not.toContain("SECRET");
  });

  it("token-named query parameters, and any parameter whose value is a known secret, in error.url", async () => {
    server.handle((_req, res) => json(res, 404, { success: false, data: null, meta: { message: "no" } }));
    const error = await failing(client({ userToken: USER }), {
      user_token: "tok-from-query",
      api_key: PARTNER,
      key: USER,
      city: "Moscow",
    });
    expect(error.url).toBe(
      `${server.url}/countries?user_token=[REDACTED]&api_key=[REDACTED]&key=[REDACTED]&city=Moscow`,
    );
  });

  it("a secret echoed as an object key (a field-error map keyed by the value) is masked in the key too", async () => {
    const password = "pw-LEAKY-key-9";
    server.handle((_req, res) =>
      json(res, 422, {
        success: false,
        data: { [USER]: "unknown", x7: "short one" },
        meta: { message: "bad", errors: { [password]: ["wrong"], x7: ["too short"], phone: ["bad"] } },
      }),
    );
    const error = await client({ userToken: USER })
      .POST("/auth", { body: { login: "79000000000", password } })
      .catch((e) => e);
    expect(renderings(error)).not.toContain("LEAKY");
    expect(renderings(error)).not.toContain(USER);
    expect(error.fieldErrors).toEqual({ "[REDACTED]": ["wrong"], x7: ["too short"], phone: ["bad"] });
    expect(error.message).toBe("POST /auth failed with HTTP 422: bad ([REDACTED]: wrong; x7: too short; phone: bad)");
    // A short secret as a whole key is masked; the same characters inside a longer key are not.
    const short = await client()
      .POST("/auth", { body: { login: "79000000000", password: "x7" } })
      .catch((e) => e);
    expect(Object.keys(short.body.meta.errors)).toEqual(["pw-LEAKY-key-9", "[REDACTED]", "phone"]);
    expect(short.body.data["[REDACTED]"]).toBe("short one");
  });

  it("a token echoed in the x-request-id header is masked in error.requestId and in log lines", async () => {
    const lines: string[] = [];
    const record = (...args: unknown[]) => void lines.push(args.map(String).join(" "));
    const logger = { debug: record, info: record, warn: record, error: record };
    for (const status of [404, 503]) {
      server.handle((_req, res) =>
        json(res, status, { success: false, data: null, meta: { message: "no" } }, { "x-request-id": USER }),
      );
      const error = await failing(client({ userToken: USER, logger }));
      expect((error as { requestId?: string }).requestId).toBe("[REDACTED]");
      expect(renderings(error)).not.toContain("SECRET");
    }
    expect(lines.some((line) => line.includes("request id [REDACTED]"))).toBe(true);
    expect(lines.join("\n")).not.toContain("SECRET");
  });

  it("a password a debug page quotes JSON-escaped, HTML-escaped or percent-encoded is masked in each form", async () => {
    const password = `pa"ss/w&<rd>'é1`;
    const quoted = {
      json: String.raw`pa\"ss\/w&<rd>'\u00e91`,
      html: "pa&quot;ss/w&amp;&lt;rd&gt;&#039;é1",
      url: "pa%22ss%2Fw%26%3Crd%3E'%C3%A91",
    };
    server.handle((_req, res) => {
      res.writeHead(500, { "content-type": "text/html" });
      res.end(
        `<html><head><title>Whoops! There was an error.</title></head><body><pre>{"password":"${quoted.json}"}</pre>` +
          `<td>${quoted.html}</td><a href="/auth?p=${quoted.url}">retry</a></body></html>`,
      );
    });
    const error = await client()
      .POST("/auth", { body: { login: "79000000000", password } })
      .catch((e) => e);
    expect(error.message).toBe("POST /auth failed with HTTP 500 after 1 attempt: Whoops! There was an error.");
    const shown = `${renderings(error)}\n${String(error.body)}`;
    for (const form of Object.values(quoted)) expect(shown).not.toContain(form);
    expect(error.body).toContain(`<td>[REDACTED]</td>`);
  });

  it("a short secret (1–3 characters) echoed by the server is masked as a whole value or whole token", async () => {
    server.handle((_req, res) =>
      json(res, 401, { success: false, data: { given: "x7" }, meta: { message: "password x7 is wrong" } }),
    );
    const error = await client()
      .POST("/auth", { body: { login: "79000000000", password: "x7" } })
      .catch((e) => e);
    expect(error.message).toBe("POST /auth failed with HTTP 401: password [REDACTED] is wrong");
    expect(error.body.data.given).toBe("[REDACTED]");
    expect(renderings(error)).not.toMatch(/\bx7\b/);
  });

  it("an SMS code is masked where it stands alone, and dates containing it are left alone", async () => {
    server.handle((_req, res) =>
      json(res, 422, {
        success: false,
        data: { code_sent: "2026", date: "2026-12-01", id: 20261 },
        meta: { message: "code 2026 is wrong; booking for 2026-12-01 10:00 kept" },
      }),
    );
    const error = await client()
      .POST("/user/auth", { body: { phone: "79000000000", code: "2026" } })
      .catch((e) => e);
    expect(error.message).toBe(
      "POST /user/auth failed with HTTP 422: code [REDACTED] is wrong; booking for 2026-12-01 10:00 kept",
    );
    expect(error.body.data).toEqual({ code_sent: "[REDACTED]", date: "2026-12-01", id: 20261 });
  });
});

describe("a token or query string written into the path itself", () => {
  // The typed methods take any string as the path: a caller may paste a token into it instead of a template.
  const paths = [`/countries?user_token=${USER}&key=${PARTNER}&city=Moscow`, `/user/${USER}/partner/${PARTNER}`];
  const lines: string[] = [];
  const logger = Object.fromEntries(
    ["debug", "info", "warn", "error"].map((level) => [level, (...args: unknown[]) => lines.push(inspect(args))]),
  );
  afterEach(() => {
    lines.splice(0);
    setDebugNamespaces("");
    setDebugSink(undefined);
  });

  it.each([
    ["DEBUG=yclients:*", undefined],
    ["a console-style logger", logger],
    ["a pino-style logger", { instance: logger, style: "pino" }],
    ["a winston-style logger", { instance: logger, style: "winston" }],
  ])("reaches no log line (%s) and no error message", async (_route, chosen) => {
    setDebugSink((line) => lines.push(line));
    setDebugNamespaces("yclients:*");
    server.handle((_req, res) => json(res, 503, { success: false, data: null, meta: { message: "down" } }));
    const yc = client({ userToken: USER, logger: chosen, retry: { maxTries: 2, baseDelay: 0, jitter: false } });
    const untyped = yc as unknown as { GET: (path: string) => Promise<unknown> };
    const errors = await Promise.all(paths.map((path) => untyped.GET(path).catch((e: Error) => e)));
    expect(lines.length).toBeGreaterThan(3);
    expect(errors.map((e) => (e as Error).message)).toEqual([
      "GET /countries failed with HTTP 503 after 2 attempts: down",
      "GET /user/[REDACTED]/partner/[REDACTED] failed with HTTP 503 after 2 attempts: down",
    ]);
    const printed = [...lines, ...errors.map((e) => renderings(e as Error))].join("\n");
    expect(printed).not.toContain("SECRET");
    expect(lines.join("\n")).not.toContain("Moscow"); // logs carry no query string (error.url does, masked)
  });
});

describe("the masking rule", () => {
  it("masks long secrets anywhere and short ones only as whole tokens", () => {
    const secrets = ["a-long-secret-value", "42"];
    expect(redactText("x=a-long-secret-valueZ", secrets)).toBe("x=[REDACTED]Z");
    expect(redactText("42", secrets)).toBe("[REDACTED]");
    expect(redactText("code: 42.", secrets)).toBe("code: [REDACTED].");
    expect(redactText("(42)", secrets)).toBe("([REDACTED])");
    expect(redactText("420 142 4.2 42-1 v42 1/42", secrets)).toBe("420 142 4.2 42-1 v42 1/42");
    expect(redactText("пароль 42, повторите", secrets)).toBe("пароль [REDACTED], повторите");
  });

  it("masks JSON string values equal to a secret, whatever the field, but not numbers", () => {
    expect(redactBody({ a: "42", b: 42, c: ["42"], d: "420" }, ["42"])).toEqual({
      a: "[REDACTED]",
      b: 42,
      c: ["[REDACTED]"],
      d: "420",
    });
  });

  it("masks query values equal to a secret, and long secrets in the path", () => {
    expect(redactUrl("http://h/x/a-long-secret-value/y?q=42&n=420", ["a-long-secret-value", "42"])).toBe(
      "http://h/x/[REDACTED]/y?q=[REDACTED]&n=420",
    );
  });
});
