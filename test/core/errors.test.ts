import {
  YclientsAuthError,
  YclientsBookingError,
  YclientsClient,
  YclientsClientError,
  YclientsConfigError,
  YclientsNotFoundError,
  YclientsParseError,
  YclientsNetworkError,
  YclientsRateLimitError,
  YclientsServerError,
  YclientsValidationError,
  YclientsError,
} from "../../src/index";
import * as errorsModule from "../../src/errors";
import { closedPort, json, ok, scriptedClient, useServer } from "../helpers/scripted-server";

const server = useServer();

const client = () => scriptedClient(server, { retry: false });
// Built directly: raiseClientErrors: false changes the client's type, which scriptedClient() does not carry.
const lenient = () =>
  new YclientsClient({ partnerToken: "p-token", baseUrl: server.url, retry: false, raiseClientErrors: false });
/** What a plain GET /countries rejects with, whatever the server answered. */
const countriesFailure = () =>
  client()
    .GET("/countries")
    .catch((e) => e);

const envelopeError = (message: string, extra: Record<string, unknown> = {}) => ({
  success: false,
  data: null,
  meta: { message, ...extra },
});

describe("client errors with raiseClientErrors (the default)", () => {
  it.each([
    [
      401,
      { errors: { code: 401, message: "Необходима авторизация" }, meta: { message: "Необходима авторизация" } },
      YclientsAuthError,
    ],
    [403, envelopeError("Недостаточно прав"), YclientsAuthError],
    [404, envelopeError("Не найдено"), YclientsNotFoundError],
    [400, envelopeError("Недопустимое значение", { errors: { filters: ["bad state"] } }), YclientsValidationError],
    [422, envelopeError("Проверьте поля", { errors: { phone: ["wrong"] } }), YclientsValidationError],
    [409, envelopeError("Конфликт", { conflict: true }), YclientsClientError],
    [402, envelopeError("Продлите лицензию"), YclientsClientError],
  ])("HTTP %d becomes the right class with status, path, request id and body", async (status, body, errorClass) => {
    server.handle((_req, res) => json(res, status, body));
    const error = await client()
      .GET("/company/{id}/", { params: { path: { id: 42 } } })
      .catch((e) => e);
    expect(error).toBeInstanceOf(errorClass);
    expect(error).toBeInstanceOf(YclientsClientError);
    expect(error).toBeInstanceOf(YclientsError);
    expect(error).toMatchObject({
      status,
      method: "GET",
      path: "/company/{id}/",
      requestId: "req-test-1",
      attempts: 1,
    });
    expect(error.url).toBe(`${server.url}/company/42/`);
    expect(error.body).toEqual(body);
    expect(error.message).toContain(String(status));
  });

  it("validation errors expose the field errors", async () => {
    server.handle((_req, res) =>
      json(res, 422, envelopeError("Проверьте поля", { errors: { phone: ["wrong format"] } })),
    );
    const error = await client()
      .POST("/auth", { body: { login: "x", password: "y" } })
      .catch((e) => e);
    expect(error).toBeInstanceOf(YclientsValidationError);
    expect(error.fieldErrors).toEqual({ phone: ["wrong format"] });
    expect(error.message).toBe("POST /auth failed with HTTP 422: Проверьте поля (phone: wrong format)");
  });

  it("a 422's message names the first few field errors, cut short and masked, the rest counted", async () => {
    const long = "x".repeat(200);
    server.handle((_req, res) =>
      json(
        res,
        422,
        envelopeError("Ошибка валидации", {
          errors: {
            login: ["неверный формат"],
            password: ["the value y-secret-pass is wrong"],
            a: [long],
            b: ["c"],
            c: ["d"],
          },
        }),
      ),
    );
    const error = await client()
      .POST("/auth", { body: { login: "x", password: "y-secret-pass" } })
      .catch((e) => e);
    expect(error).toBeInstanceOf(YclientsValidationError);
    expect(error.message).toMatch(
      /^POST \/auth failed with HTTP 422: Ошибка валидации \(login: неверный формат; password: .*; a: x{80}…; 2 more in fieldErrors\)$/,
    );
    // The password the call sent is masked in the message as it is everywhere else.
    expect(error.message).not.toContain("y-secret-pass");
    expect(Object.keys(error.fieldErrors)).toHaveLength(5);
  });

  it("online-booking codes 431–438 become YclientsBookingError with the code", async () => {
    server.handle((_req, res) =>
      json(res, 422, {
        success: false,
        data: null,
        meta: { message: "Время занято" },
        errors: { code: 433, message: "Время занято" },
      }),
    );
    const error = await client()
      .POST("/auth", { body: { login: "x", password: "y" } })
      .catch((e) => e);
    expect(error).toBeInstanceOf(YclientsBookingError);
    expect(error.code).toBe(433);
    expect(error.status).toBe(422);
  });

  it.each([
    [431, "YclientsBookingError", YclientsBookingError],
    [438, "YclientsBookingError", YclientsBookingError],
    [430, "YclientsValidationError", YclientsValidationError],
    [439, "YclientsValidationError", YclientsValidationError],
  ])("code %d at the edges of 431–438 is a %s", async (code, _name, errorClass) => {
    server.handle((_req, res) =>
      json(res, 422, { success: false, data: null, meta: { message: "x" }, errors: { code, message: "x" } }),
    );
    const error = await countriesFailure();
    expect(error).toBeInstanceOf(errorClass);
    expect(error.code).toBe(code);
  });

  it("success: false with HTTP 200 throws too", async () => {
    server.handle((_req, res) => json(res, 200, envelopeError("Не найдено")));
    const error = await countriesFailure();
    expect(error).toBeInstanceOf(YclientsClientError);
    expect(error.status).toBe(200);
    expect(error.message).toContain("Не найдено");
  });
});

describe("server-side failures after the retries", () => {
  it("a 429 is a YclientsRateLimitError with Retry-After as retryAfterMs, not a client error", async () => {
    server.handle((_req, res) => json(res, 429, envelopeError("Слишком много запросов"), { "retry-after": "7" }));
    const yc = new YclientsClient({ partnerToken: "p-token", baseUrl: server.url, retry: false, rateLimit: false });
    const error = await yc.GET("/countries").catch((e) => e);
    expect(error).toBeInstanceOf(YclientsRateLimitError);
    expect(error).not.toBeInstanceOf(YclientsClientError);
    expect(error).toMatchObject({ status: 429, retryAfterMs: 7000, attempts: 1, requestId: "req-test-1" });
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({ name: "YclientsRateLimitError", retryAfterMs: 7000 });
    expect(error.message).toBe("GET /countries was rate limited (HTTP 429) after 1 attempt: Слишком много запросов");
  });
});

describe("raiseClientErrors: false", () => {
  it("typed methods return openapi-fetch's { error, response } for a 4xx", async () => {
    const body = envelopeError("Не найдено");
    server.handle((_req, res) => json(res, 404, body));
    const result = await lenient().GET("/countries");
    expect(result.data).toBeUndefined();
    expect(result.error).toEqual(body);
    expect(result.response.status).toBe(404);
  });

  it("typed methods return { error } for success: false with 200", async () => {
    server.handle((_req, res) => json(res, 200, envelopeError("nope")));
    const result = await lenient().GET("/countries");
    expect(result.error).toEqual(envelopeError("nope"));
  });

  it("5xx, 429, parse errors and refused connections still throw, typed and friendly", async () => {
    const answers: Array<[(res: import("node:http").ServerResponse) => void, new (...args: never[]) => Error]> = [
      [(res) => json(res, 503, envelopeError("down")), YclientsServerError],
      [(res) => json(res, 429, envelopeError("slow down")), YclientsRateLimitError],
      [
        (res) => (res.writeHead(200, { "content-type": "text/html" }), res.end("<html>oops</html>")),
        YclientsParseError,
      ],
    ];
    for (const [answer, errorClass] of answers) {
      server.handle((_req, res) => answer(res));
      await expect(lenient().GET("/countries")).rejects.toBeInstanceOf(errorClass);
      await expect(lenient().booking.dates(undefined, { companyId: 1 })).rejects.toBeInstanceOf(errorClass);
    }
    const refused = new YclientsClient({
      partnerToken: "p-token",
      baseUrl: `http://127.0.0.1:${await closedPort()}/api/v1`,
      retry: false,
      raiseClientErrors: false,
    });
    await expect(refused.GET("/countries")).rejects.toBeInstanceOf(YclientsNetworkError);
  });

  it("friendly methods resolve with success: false and the classified error", async () => {
    server.handle((_req, res) =>
      json(res, 401, { errors: { code: 401, message: "bad login" }, meta: { message: "bad login" } }),
    );
    const result = await lenient().auth.getUserToken({ login: "79000000000", password: "wrong-password" });
    expect(result.success).toBe(false);
    if (result.success) throw new Error("unreachable");
    expect(result.data).toBeNull();
    expect(result.error).toBeInstanceOf(YclientsAuthError);
    expect(result.status).toBe(401);
    expect(result.meta).toEqual({ message: "bad login" });
  });
});

describe("bodies that are not what they should be", () => {
  it("an HTML page with 200 is a YclientsParseError", async () => {
    server.handle((_req, res) => {
      res.writeHead(200, { "content-type": "text/html" });
      res.end("<html><body>Bad Gateway</body></html>");
    });
    const error = await countriesFailure();
    expect(error).toBeInstanceOf(YclientsParseError);
    expect(error.status).toBe(200);
    expect(error.body).toContain("Bad Gateway");
  });

  it("truncated JSON is a YclientsParseError", async () => {
    server.handle((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end('{"success":true,"data":[{"id":1');
    });
    await expect(client().GET("/countries")).rejects.toBeInstanceOf(YclientsParseError);
  });

  it("204 with no body resolves with no data", async () => {
    server.handle((_req, res) => {
      res.writeHead(204);
      res.end();
    });
    const { data, response } = await client().DELETE("/company/{id}/", { params: { path: { id: 1 } } });
    expect(data).toBeUndefined();
    expect(response.status).toBe(204);
  });

  it("meta: [] is normalised to {} for friendly methods", async () => {
    server.handle((_req, res) => json(res, 201, ok({ user_token: "new-user-token", id: 1 }, [])));
    const result = await client().auth.getUserToken({ login: "79000000000", password: "pw" });
    expect(result.meta).toEqual({});
    expect(result.data).toMatchObject({ user_token: "new-user-token" });
    expect(result.status).toBe(201);
    expect(result.requestId).toBe("req-test-1");
  });
});

describe("path parameters", () => {
  it("a missing path parameter fails before sending", async () => {
    await expect(client().GET("/company/{id}/", { params: { path: {} as any } })).rejects.toThrow(
      /path parameter "id" is missing/,
    );
    expect(server.seen).toHaveLength(0);
  });

  it("a hostile value is percent-encoded into one segment, never a traversal", async () => {
    server.handle((_req, res) => json(res, 200, ok({})));
    await client().GET("/company/{id}/", { params: { path: { id: "1/../x" as any } } });
    expect(server.seen[0].url).toBe("/api/v1/company/1%2F..%2Fx/");
  });

  it.each([".", "..", ""])("the value %j is refused", async (value) => {
    await expect(client().GET("/company/{id}/", { params: { path: { id: value as any } } })).rejects.toBeInstanceOf(
      YclientsConfigError,
    );
    expect(server.seen).toHaveLength(0);
  });

  it("array query parameters use PHP brackets and booleans become 1/0", async () => {
    server.handle((_req, res) => json(res, 200, ok([])));
    await client().GET("/countries", { params: { query: { ids: [1, 2], active: true, f: { a: "b c" } } as any } });
    expect(server.seen[0].url).toBe("/api/v1/countries?ids[]=1&ids[]=2&active=1&f[a]=b%20c");
  });
});

describe("friendly-method arguments", () => {
  it("sendSmsCode needs a company id from the argument or the client", async () => {
    await expect(client().auth.sendSmsCode({ phone: "79000000000", fullname: "Иван" })).rejects.toThrow(
      /No company id/,
    );
    const yc = scriptedClient(server, { companyId: 4564, retry: false });
    server.handle((_req, res) => json(res, 201, { success: true, data: null, meta: { message: "Created" } }));
    await yc.auth.sendSmsCode({ phone: "79000000000", fullname: "Иван" });
    expect(server.seen[0].url).toBe("/api/v1/book_code/4564");
    await yc.auth.sendSmsCode({ phone: "79000000000", fullname: "Иван" }, { companyId: 99 });
    expect(server.seen[1].url).toBe("/api/v1/book_code/99");
  });

  it("empty credentials are refused without echoing them", async () => {
    const error = await client()
      .auth.getUserToken({ login: "79000000000", password: "" })
      .catch((e) => e);
    expect(error).toBeInstanceOf(YclientsConfigError);
    expect(error.message).toBe("params.password must be a non-empty string, got a string of 0 characters");
    expect(server.seen).toHaveLength(0);
  });
});

describe("the errors module", () => {
  it("exports only error classes, each named on its prototype: the package root re-exports it whole", () => {
    const exported = Object.entries(errorsModule);
    expect(exported.length).toBeGreaterThanOrEqual(14);
    for (const [name, value] of exported) {
      expect((value as { prototype: unknown }).prototype).toBeInstanceOf(Error);
      expect((value as { prototype: Error }).prototype.name).toBe(name);
    }
  });
});
