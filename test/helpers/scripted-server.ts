// A tiny scriptable HTTP server on 127.0.0.1 for the resilience tests: each test says exactly
// what the next answers are, and reads back what arrived.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { YclientsClient, type YclientsClientOptions } from "../../src/index";
import { perFile } from "./per-file";

export interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: string;
}

export type Handler = (req: Seen, res: ServerResponse, index: number) => void | Promise<void>;

export interface TestServer {
  /** Base URL including /api/v1, ready for `baseUrl`. */
  url: string;
  /** Origin only, for tests that build their own paths. */
  origin: string;
  seen: Seen[];
  handle(handler: Handler): void;
  close(): Promise<void>;
}

export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "x-request-id": "req-test-1", ...headers });
  res.end(text);
}

/** Answers after `ms`, unless the client hung up first (so no timer outlives a test). */
export function later(res: ServerResponse, ms: number, answer: () => void): void {
  const timer = setTimeout(answer, ms);
  res.on("close", () => clearTimeout(timer));
}

export const ok = (data: unknown, meta: unknown = []) => ({ success: true, data, meta });

export async function startServer(initial?: Handler): Promise<TestServer> {
  let handler: Handler = initial ?? ((_req, res) => json(res, 200, ok(null)));
  const seen: Seen[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const entry: Seen = {
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      };
      seen.push(entry);
      Promise.resolve(handler(entry, res, seen.length - 1)).catch(() => res.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/api/v1`,
    origin,
    seen,
    handle(next) {
      handler = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port on 127.0.0.1 where nothing listens (bound then released), for connection-refused tests. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** One server for the test file (see perFile), its `seen` emptied before each test. */
export function useServer(initial?: Handler): TestServer {
  const server = perFile(
    "the test server",
    () => startServer(initial),
    (s) => s.close(),
  );
  beforeEach(() => server.seen.splice(0));
  return server;
}

/**
 * A client of `server` signed with test tokens, with its circuit breaker and rate limiter off (the tests of those
 * turn them on); `options` add to or override these.
 */
export function scriptedClient(server: TestServer, options: Partial<YclientsClientOptions> = {}): YclientsClient {
  return new YclientsClient({
    partnerToken: "p-token",
    userToken: "u-token",
    baseUrl: server.url,
    circuitBreaker: false,
    rateLimit: false,
    ...options,
  });
}
