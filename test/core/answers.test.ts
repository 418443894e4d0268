// What the SDK does with answers that are not the plain envelope: empty or non-envelope 2xx bodies,
// the Response handed back, huge error bodies, and error messages for bodies that are not JSON.
import { YclientsClient, YclientsParseError, YclientsServerError, YclientsValidationError } from "../../src/index";
import { json, ok, useServer } from "../helpers/scripted-server";

const server = useServer();

const client = (extra: Record<string, unknown> = {}) =>
  new YclientsClient({
    partnerToken: "p-token",
    baseUrl: server.url,
    retry: false,
    rateLimit: false,
    circuitBreaker: false,
    ...extra,
  });

const raw = (status: number, text: string, type = "application/json") =>
  server.handle((_req, res) => {
    res.writeHead(status, { "content-type": type, "x-request-id": "req-raw" });
    res.end(text);
  });

describe("2xx answers that are not the envelope", () => {
  it.each([
    ["[1,2]", /not the \{success, data, meta\} envelope \(an array\)/],
    ["null", /envelope \(null\)/],
    ['"text"', /envelope \(a string\)/],
    ['{"data":[]}', /an object without a boolean success/],
    ['{"success":"true","data":[]}', /an object without a boolean success/],
    ['{"success":1,"data":[]}', /an object without a boolean success/],
    ["", /empty body where the API sends a JSON envelope/],
  ])("a 200 with %j is a YclientsParseError, typed and friendly", async (text, message) => {
    raw(200, text);
    const typed = await client()
      .GET("/countries")
      .catch((e) => e);
    expect(typed).toBeInstanceOf(YclientsParseError);
    expect(typed.message).toMatch(message);
    expect(typed).toMatchObject({ status: 200, requestId: "req-raw", path: "/countries" });
    await expect(client().locations.countries()).rejects.toBeInstanceOf(YclientsParseError);
  });

  it("an empty 200 or a 204 is fine where the spec documents a success without content", async () => {
    raw(200, "");
    const yc = client({ userToken: "u-token" });
    const { data, response } = await yc.DELETE("/company/{id}/", { params: { path: { id: 1 } } });
    expect(data).toBeUndefined();
    expect(response.status).toBe(200);
    server.handle((_req, res) => {
      res.writeHead(204);
      res.end();
    });
    await expect(yc.DELETE("/company/{id}/", { params: { path: { id: 1 } } })).resolves.toMatchObject({
      data: undefined,
    });
  });
});

describe("the Response handed back behaves like an unread Response", () => {
  it("text, json, arrayBuffer, bytes, blob, body and clone all work, more than once", async () => {
    const body = ok([{ id: 1, title: "Россия" }]);
    server.handle((_req, res) => json(res, 200, body));
    const { response } = await client().GET("/countries");
    const text = JSON.stringify(body);
    expect(response.bodyUsed).toBe(false);
    expect(await response.text()).toBe(text);
    expect(await response.json()).toEqual(body);
    expect(Buffer.from(await response.arrayBuffer()).toString("utf8")).toBe(text);
    expect(await (await response.blob()).text()).toBe(text);
    expect((await response.blob()).type).toBe("application/json");
    expect(await new Response(response.body).text()).toBe(text);
    const copy = response.clone();
    expect(copy.status).toBe(200);
    expect(copy.headers.get("x-request-id")).toBe("req-test-1");
    expect(copy.url).toBe(response.url);
    expect(await copy.json()).toEqual(body);
    expect(await response.clone().text()).toBe(text);
    expect(await response.text()).toBe(text);
  });

  it("keeps the exact bytes, also for bodies that are not UTF-8 text", async () => {
    const bytes = Buffer.from([0x25, 0x50, 0x44, 0x46, 0xff, 0xfe, 0x00, 0x80]);
    server.handle((_req, res) => {
      res.writeHead(404, { "content-type": "application/octet-stream" });
      res.end(bytes);
    });
    const result = await client({ raiseClientErrors: false }).GET("/countries");
    expect(Buffer.from(await result.response.arrayBuffer()).equals(bytes)).toBe(true);
    expect(Buffer.from(await (await result.response.blob()).arrayBuffer()).equals(bytes)).toBe(true);
  });
});

describe("error bodies are bounded", () => {
  const hugeBody = () => {
    const rows = Array.from({ length: 60_000 }, (_, i) => ({ id: i, note: "x".repeat(80) }));
    return { success: false, data: rows, meta: { message: "слишком много", errors: { phone: ["wrong"] } } };
  };

  it.each([500, 400])("a ~6 MB JSON %d keeps at most 64 KiB, marked, with meta intact", async (status) => {
    server.handle((_req, res) => json(res, status, hugeBody()));
    const error = await client()
      .GET("/countries")
      .catch((e) => e);
    expect(error).toBeInstanceOf(status === 500 ? YclientsServerError : YclientsValidationError);
    expect(error.bodyTruncated).toBe(true);
    const serialised = JSON.stringify(error);
    expect(serialised.length).toBeLessThan(70_000);
    expect(serialised.length).toBeGreaterThan(60_000);
    expect(serialised).toContain("[TRUNCATED]");
    expect(error.meta).toEqual({ message: "слишком много", errors: { phone: ["wrong"] } });
    expect(error.body.data.at(-1)).toBe("[TRUNCATED]");
    expect(error.message).toContain("слишком много");
    if (status === 400) expect(error.fieldErrors).toEqual({ phone: ["wrong"] });
  });

  it("a huge text body is cut the same way, and a long message is shortened in error.message", async () => {
    raw(502, `<html><title>${"Bad gateway ".repeat(100)}</title>${"y".repeat(200_000)}</html>`, "text/html");
    const error = await client()
      .GET("/countries")
      .catch((e) => e);
    expect(error.body.length).toBeLessThan(65_600);
    expect(error.body.endsWith("[TRUNCATED]")).toBe(true);
    expect(error.message.length).toBeLessThan(400);
  });

  it("small bodies are kept whole and not marked", async () => {
    server.handle((_req, res) => json(res, 503, { success: false, data: [1, 2], meta: { message: "busy" } }));
    const error = await client()
      .GET("/countries")
      .catch((e) => e);
    expect(error.body).toEqual({ success: false, data: [1, 2], meta: { message: "busy" } });
    expect(error.bodyTruncated).toBeUndefined();
  });

  it("errorBodyLimit: Infinity keeps the whole body; a bad limit is a YclientsConfigError", async () => {
    server.handle((_req, res) => json(res, 500, hugeBody()));
    const error = await client({ errorBodyLimit: Infinity })
      .GET("/countries")
      .catch((e) => e);
    expect(error.body.data).toHaveLength(60_000);
    expect(error.bodyTruncated).toBeUndefined();
    expect(() => client({ errorBodyLimit: 10 })).toThrow(/errorBodyLimit/);
  });
});

describe("messages for error bodies that are not JSON", () => {
  it("a 400 with a text body quotes the text", async () => {
    raw(400, "Missing required header: Accept\n", "text/plain");
    const error = await client()
      .GET("/countries")
      .catch((e) => e);
    expect(error).toBeInstanceOf(YclientsValidationError);
    expect(error.message).toBe("GET /countries failed with HTTP 400: Missing required header: Accept");
  });

  it("an HTML page is named by its title; an empty body says so", async () => {
    raw(403, "<html><head><title>403 Forbidden</title></head><body><h1>nginx</h1></body></html>", "text/html");
    const html = await client()
      .GET("/countries")
      .catch((e) => e);
    expect(html.message).toBe("GET /countries failed with HTTP 403: 403 Forbidden");
    raw(404, "", "text/plain");
    const empty = await client()
      .GET("/countries")
      .catch((e) => e);
    expect(empty.message).toBe("GET /countries failed with HTTP 404 with an empty body");
    raw(409, "{}", "application/json");
    const noMessage = await client()
      .GET("/countries")
      .catch((e) => e);
    expect(noMessage.message).toBe("GET /countries failed with HTTP 409 with no message in the body");
  });
});
