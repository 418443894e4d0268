// Answers far larger than the SDK can use are read only as far as it needs, chunk by chunk, and the rest is
// cancelled: a 5xx of 200 MB costs a few megabytes of memory and is still a YclientsServerError with its status
// (before, it was read whole: hundreds of MB of RSS, and past ~512 MB "could not reach the server").
import type { ServerResponse } from "node:http";
import { YclientsClient, YclientsNotFoundError, YclientsParseError, YclientsServerError } from "../../src/index";
import { MAX_ANSWER_BYTES } from "../../src/transport/read-body";
import { useServer } from "../helpers/scripted-server";

const MB = 1024 * 1024;

const server = useServer();

/** What the server wrote of its last streamed body before the client hung up. */
let written = 0;

/**
 * Streams `total` bytes of `line` repeated, generated on the fly with backpressure (so the server holds one
 * chunk at a time), and stops as soon as the client closes the connection.
 */
function stream(
  res: ServerResponse,
  status: number,
  contentType: string,
  total: number,
  head = "",
  headers: Record<string, string> = {},
): void {
  const chunk = Buffer.alloc(64 * 1024, "server error, still failing. ");
  written = 0;
  let closed = false;
  res.on("close", () => (closed = true));
  res.writeHead(status, { "content-type": contentType, ...headers });
  if (head) {
    res.write(head);
    written += head.length;
  }
  const pump = () => {
    while (!closed && written < total) {
      written += chunk.length;
      if (!res.write(chunk)) return void res.once("drain", pump);
    }
    if (!closed) res.end();
  };
  pump();
}

const client = (extra: Record<string, unknown> = {}) =>
  new YclientsClient({
    partnerToken: "p",
    baseUrl: server.url,
    retry: false,
    rateLimit: false,
    circuitBreaker: false,
    timeoutMs: 60_000,
    ...extra,
  });

function memory(): number {
  const { rss, arrayBuffers } = process.memoryUsage();
  return Math.max(rss, arrayBuffers);
}

describe("a huge error answer", () => {
  it("a 200 MB 5xx is a YclientsServerError with its status, read only as far as needed", async () => {
    server.handle((_req, res) => stream(res, 503, "text/plain", 200 * MB, "<title>Overloaded</title>"));
    global.gc?.();
    const before = memory();
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, memory())), 5);
    const error = await client()
      .GET("/countries")
      .catch((e: unknown) => e);
    clearInterval(sampler);
    peak = Math.max(peak, memory());
    expect(error).toBeInstanceOf(YclientsServerError);
    const failure = error as YclientsServerError;
    expect(failure.status).toBe(503);
    expect(failure.message).toMatch(
      /^GET \/countries failed with HTTP 503 after 1 attempt: .*; body truncated after 8388608 bytes$/,
    );
    expect(failure.bodyTruncated).toBe(true);
    expect(String(failure.body)).toMatch(/^<title>Overloaded<\/title>server error/);
    // Loose: the body is 200 MB; reading it whole took hundreds of MB.
    expect(peak - before).toBeLessThan(100 * MB);
    // The server was stopped long before it had sent everything.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(written).toBeLessThan(100 * MB);
  });

  it("a JSON 4xx larger than the bound is cut too, and says so", async () => {
    server.handle((_req, res) => stream(res, 404, "application/json", 12 * MB, '{"success":false,"meta":{"message":"'));
    const error = await client()
      .GET("/countries")
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(YclientsNotFoundError);
    expect((error as Error).message).toMatch(/; body truncated after 8388608 bytes$/);
    expect((error as YclientsNotFoundError).bodyTruncated).toBe(true);
  });

  it("the bound follows errorBodyLimit (4 bytes a character), and Infinity reads the whole body", async () => {
    server.handle((_req, res) => stream(res, 500, "text/plain", 20 * MB));
    const larger = await client({ errorBodyLimit: 4 * MB })
      .GET("/countries")
      .catch((e: unknown) => e);
    expect((larger as Error).message).toMatch(/; body truncated after 16777216 bytes$/);
    const whole = await client({ errorBodyLimit: Infinity })
      .GET("/countries")
      .catch((e: unknown) => e);
    expect(whole).toBeInstanceOf(YclientsServerError);
    expect((whole as Error).message).not.toMatch(/truncated/);
    expect(String((whole as YclientsServerError).body).length).toBe(written);
  });

  it("a declared Content-Length over the bound is read only up to the bound", async () => {
    const total = 12 * MB;
    server.handle((_req, res) => stream(res, 500, "text/plain", total, "", { "content-length": String(total) }));
    const error = (await client()
      .GET("/countries")
      .catch((e: unknown) => e)) as YclientsServerError;
    expect(error.status).toBe(500);
    expect(error.message).toMatch(/; body truncated after 8388608 bytes$/);
  });

  it.each([
    ["without", {}],
    ["with", { "content-length": String(8 * 64 * 1024 + 26) }],
  ])("an error body within the bound is read whole, %s a Content-Length", async (_with, headers) => {
    server.handle((_req, res) => stream(res, 502, "text/plain", 8 * 64 * 1024, "<title>Bad gateway</title>", headers));
    const error = (await client({ errorBodyLimit: Infinity })
      .GET("/countries")
      .catch((e: unknown) => e)) as YclientsServerError;
    expect(error.message).toBe("GET /countries failed with HTTP 502 after 1 attempt: Bad gateway");
    expect(String(error.body)).toHaveLength(8 * 64 * 1024 + 26);
    expect(error.bodyTruncated).toBeUndefined();
  });
});

describe("a huge successful answer", () => {
  it(`over ${MAX_ANSWER_BYTES / MB} MiB is a YclientsParseError with its status, not half a page`, async () => {
    server.handle((_req, res) =>
      stream(res, 200, "application/json", MAX_ANSWER_BYTES + 8 * MB, '{"success":true,"data":"'),
    );
    const error = await client()
      .GET("/countries")
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(YclientsParseError);
    expect((error as YclientsParseError).status).toBe(200);
    expect((error as Error).message).toBe(
      `GET /countries answered HTTP 200 with a body larger than the 64 MiB the SDK reads; body truncated after ${MAX_ANSWER_BYTES} bytes`,
    );
  });
});
