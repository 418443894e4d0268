// Structured logs with the real pino and winston: the SDK's events arrive as fields each library can index, in its
// own calling convention, against a real server on 127.0.0.1; no token or password reaches the output.
import { Writable } from "node:stream";
import pino from "pino";
import winston from "winston";
import { YclientsClient, YclientsConfigError, type YclientsClientOptions } from "../../src/index";
import { detectLogStyle, log, setDebugNamespaces, setDebugSink } from "../../src/log";
import { closedPort, json, ok, useServer } from "../helpers/scripted-server";

const PARTNER = "partner-structured-secret-1";
const USER = "user-structured-secret-2";
const PASSWORD = "password-structured-secret-3";
const FRESH_TOKEN = "user-token-from-auth-4";

const server = useServer();

type Entry = Record<string, unknown>;

/** A stream that keeps every line written to it: pino's destination, winston's Stream transport. */
function capture(): { stream: Writable; text: () => string; entries: () => Entry[] } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString("utf8"));
      done();
    },
  });
  const text = () => chunks.join("");
  const entries = () =>
    text()
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Entry);
  return { stream, text, entries };
}

const options = (logger: YclientsClientOptions["logger"], baseUrl = server.url): YclientsClientOptions => ({
  partnerToken: PARTNER,
  userToken: USER,
  baseUrl,
  companyId: 1,
  retry: { baseDelay: 0, jitter: false },
  rateLimit: false,
  logger,
});

/** A 503 then a 200 for the dates, and a sign-in whose answer echoes the password (an error body). */
function script(): void {
  server.handle((req, res, i) => {
    if (req.url.startsWith("/api/v1/auth")) {
      json(res, 500, { success: false, data: null, meta: { message: `bad password ${PASSWORD}` } });
    } else if (i === 0) json(res, 503, { success: false, data: null, meta: {} });
    else json(res, 200, ok({ user_token: FRESH_TOKEN }), { "x-request-id": "req-from-server-7" });
  });
}

/** Dates (503, retried, 200), a failed sign-in with the password, and a call to a port where nothing listens. */
async function exercise(logger: YclientsClientOptions["logger"]): Promise<void> {
  script();
  const yc = new YclientsClient(options(logger));
  await yc.booking.dates();
  await expect(yc.auth.getUserToken({ login: "79000000001", password: PASSWORD })).rejects.toThrow(/HTTP 500/);
  const nowhere = new YclientsClient({
    ...options(logger, `http://127.0.0.1:${await closedPort()}/api/v1`),
    retry: { maxTries: 1 },
  });
  await expect(nowhere.booking.dates()).rejects.toThrow(/could not reach/);
}

function expectTheEvents(entries: Entry[], levelOf: (entry: Entry) => unknown): void {
  const http = entries.filter((e) => e.channel === "yclients:http");
  const ok200 = http.find((e) => e.status === 200)!;
  expect(ok200).toMatchObject({
    method: "GET",
    path: "/book_dates/{company_id}",
    status: 200,
    attempt: 2,
    requestId: "req-from-server-7",
    callId: expect.stringMatching(/^[0-9a-f]{8}-\w+$/),
  });
  expect(typeof ok200.durationMs).toBe("number");
  expect(levelOf(ok200)).toBe("debug");
  // Both attempts of one call share its callId.
  const first = http.find((e) => e.status === 503)!;
  expect(first).toMatchObject({ attempt: 1, requestId: "req-test-1", callId: ok200.callId });

  const retry = entries.find((e) => e.channel === "yclients:retry")!;
  expect(retry).toMatchObject({
    method: "GET",
    path: "/book_dates/{company_id}",
    attempt: 2,
    reason: "HTTP 503",
    status: 503,
    callId: ok200.callId,
  });
  expect(levelOf(retry)).toBe("info");

  expect(http.find((e) => e.error === "YclientsServerError")).toMatchObject({
    method: "POST",
    path: "/auth",
    status: 500,
    attempts: 1,
  });
  // A connection that failed: no status, the network code; the SDK's call id stands in for a request id.
  const refused = http.find((e) => e.errorKind === "network")!;
  expect(refused).toMatchObject({ errorCode: "ECONNREFUSED", attempt: 1, requestId: refused.callId });
  expect(http.find((e) => e.error === "YclientsNetworkError")).toMatchObject({
    errorCode: "ECONNREFUSED",
    callId: refused.callId,
  });
}

function expectNoSecret(output: string): void {
  expect(output.length).toBeGreaterThan(0);
  for (const secret of [PARTNER, USER, PASSWORD, FRESH_TOKEN]) expect(output).not.toContain(secret);
}

describe("structured logs", () => {
  it("pino gets fields as its first argument and the readable message as msg", async () => {
    const out = capture();
    const logger = pino({ level: "debug" }, out.stream);
    expect(detectLogStyle(logger)).toBe("pino");
    await exercise(logger);
    const entries = out.entries();
    const levels = pino.levels.labels;
    expectTheEvents(entries, (e) => levels[e.level as number]);
    expect(entries.find((e) => e.status === 200)!.msg).toMatch(
      /^GET \/book_dates\/\{company_id\} -> 200 in \d+ms \(attempt 2, request id req-from-server-7\)$/,
    );
    expectNoSecret(out.text());
  });

  it("winston gets the message first and the fields as meta", async () => {
    const out = capture();
    const logger = winston.createLogger({
      level: "debug",
      format: winston.format.json(),
      transports: [new winston.transports.Stream({ stream: out.stream })],
    });
    expect(detectLogStyle(logger)).toBe("winston");
    await exercise(logger);
    const entries = out.entries();
    expectTheEvents(entries, (e) => e.level);
    expect(entries.find((e) => e.status === 200)!.message).toMatch(/^GET \/book_dates\/\{company_id\} -> 200 in/);
    expectNoSecret(out.text());
  });

  it("a stated style wins over detection; console-like loggers get readable lines", async () => {
    const calls: unknown[][] = [];
    const record = (...args: unknown[]) => calls.push(args);
    const custom = { debug: record, info: record, warn: record, error: record };
    expect(detectLogStyle(custom)).toBe("console");

    script();
    await new YclientsClient(options({ instance: custom, style: "pino" })).booking.dates();
    expect(calls.find(([fields]) => (fields as Entry).status === 200)).toEqual([
      expect.objectContaining({ channel: "yclients:http", status: 200, attempt: 2 }),
      expect.stringMatching(/^GET \/book_dates/),
    ]);

    calls.splice(0);
    server.seen.splice(0);
    script();
    await new YclientsClient(options(custom)).booking.dates();
    expect(calls.every((args) => args.length === 1 && typeof args[0] === "string")).toBe(true);
    expect(calls.map(([line]) => line)).toContainEqual(
      expect.stringMatching(/^yclients:http GET \/book_dates\/\{company_id\} -> 200 in \d+ms \(attempt 2, request id/),
    );
  });

  it("each channel logs at its documented level: http debug, retry and ratelimit info, breaker and validate warn", async () => {
    const byLevel: Array<[string, string]> = [];
    const at = (level: string) => (line: string) => void byLevel.push([level, line]);
    const logger = { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") };
    // A staff member whose name is null: a finding for validateResponses.
    server.handle((_req, res, i) => (i === 0 ? json(res, 503, {}) : json(res, 200, ok({ id: 7, name: null }))));
    const yc = new YclientsClient({
      ...options(logger),
      retry: { maxTries: 2, baseDelay: 0, jitter: false },
      circuitBreaker: { failures: 1, halfOpenAfterMs: 0 },
      rateLimit: { windows: [{ limit: 1, windowMs: 50 }] },
      validateResponses: "warn",
    });
    const staff = () =>
      yc.GET("/company/{company_id}/staff/{staff_id}", { params: { path: { company_id: 1, staff_id: 7 } } });
    // 503 (opens the breaker), retried after the cool-down as the trial (closes it), the second call waits for quota.
    await Promise.all([staff(), staff()]);
    const levelOf = (channel: string) => [
      ...new Set(byLevel.filter(([, line]) => line.startsWith(`${channel} `)).map(([level]) => level)),
    ];
    expect(levelOf("yclients:http")).toEqual(["debug"]);
    expect(levelOf("yclients:retry")).toEqual(["info"]);
    expect(levelOf("yclients:ratelimit")).toEqual(["info"]);
    expect(levelOf("yclients:breaker")).toEqual(["warn"]);
    expect(levelOf("yclients:validate")).toEqual(["warn"]);
  });

  it("requestId: the answer's x-request-id, else an id the caller sent, else the call's own id", async () => {
    const events: Entry[] = [];
    const keep = (fields: unknown) => void events.push(fields as Entry);
    const logger = { instance: { debug: keep, info: keep, warn: keep, error: keep }, style: "pino" as const };
    // Answers without an x-request-id, except when asked for one too long to be an id.
    server.handle((req, res) => {
      const tooLong = req.url.includes("long=1") ? { "x-request-id": "x".repeat(200) } : {};
      res.writeHead(200, { "content-type": "application/json", ...tooLong });
      res.end(JSON.stringify(ok([])));
    });
    const yc = new YclientsClient({ ...options(logger), retry: false });
    await yc.GET("/countries", { headers: { "X-Request-Id": "mine-1" } });
    await yc.GET("/countries", {
      middleware: [{ onRequest: ({ request }) => (request.headers.set("X-Correlation-Id", "corr-2"), request) }],
    });
    await yc.GET("/countries");
    await yc.GET("/countries", { params: { query: { long: 1 } } } as never);
    const http = events.filter((e) => e.channel === "yclients:http");
    expect(http.map((e) => e.requestId)).toEqual(["mine-1", "corr-2", http[2].callId, http[3].callId]);
    expect(http[2].callId).not.toBe(http[3].callId);
  });

  it("refuses an unknown style, and an instance without the four methods", () => {
    expect(() => new YclientsClient(options({ instance: console, style: "bunyan" as never }))).toThrow(
      YclientsConfigError,
    );
    expect(() => new YclientsClient(options({ instance: {} as never, style: "pino" }))).toThrow(/logger must have/);
  });

  it("the DEBUG channels keep printing readable lines when given fields", () => {
    const lines: string[] = [];
    setDebugSink((line) => lines.push(line));
    setDebugNamespaces("yclients:http");
    try {
      log.http({ method: "GET", status: 200 }, "%s -> %d", "GET", 200);
    } finally {
      setDebugNamespaces("");
      setDebugSink(undefined);
    }
    expect(lines).toEqual([expect.stringMatching(/^\S+Z yclients:http GET -> 200$/)]);
  });
});
