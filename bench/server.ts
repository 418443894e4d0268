// The benchmark's HTTP server, run in its own process (forked by bench/run.ts) so that serving never
// competes with the measured client for one event loop. Loopback only, keep-alive, fixed bodies:
//   GET /api/v1/company/{id}/           the small body (one company, ~600 B)
//   GET /api/v1/companies               the records page (50 appointments, ~75 kB)
//   GET /paged/api/v1/companies?page&count  a 100 000-item company listing, pages generated on request
// Every request must carry the same Authorization header, so a contender that sent something else fails.
// It stops by itself: when its parent goes away, after `--lifetime-ms`, or after `--max-requests`.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { companiesPageBody, recordsPageBody, smallBody } from "./bodies";

export const PARTNER_TOKEN = "bench-partner-token";
export const USER_TOKEN = "bench-user-token";
export const AUTHORIZATION = `Bearer ${PARTNER_TOKEN}, User ${USER_TOKEN}`;

export interface ServerReady {
  type: "ready";
  port: number;
  smallBytes: number;
  pageBytes: number;
  pagedBytes: number;
}

export interface ServerStats {
  type: "stats";
  requests: number;
  byRoute: Record<string, number>;
  rejected: number;
}

function argValue(name: string, fallback: number): number {
  const index = process.argv.indexOf(name);
  const raw = index >= 0 ? Number(process.argv[index + 1]) : NaN;
  return Number.isFinite(raw) && raw > 0 ? raw : fallback;
}

function main(): void {
  const lifetimeMs = argValue("--lifetime-ms", 15 * 60_000);
  const maxRequests = argValue("--max-requests", 5_000_000);

  const small = Buffer.from(smallBody());
  const page = Buffer.from(recordsPageBody());
  const notFound = Buffer.from(JSON.stringify({ success: false, data: null, meta: { message: "Not found" } }));
  const unauthorized = Buffer.from(
    JSON.stringify({ success: false, data: null, meta: { message: "Authorization header differs" } }),
  );
  const byRoute: Record<string, number> = { small: 0, page: 0, paged: 0, other: 0 };
  let requests = 0;
  let rejected = 0;

  const send = (res: ServerResponse, status: number, body: Buffer) => {
    res.writeHead(status, {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Length": body.length,
      "X-Request-Id": `bench-${requests}`,
    });
    res.end(body);
  };

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    requests++;
    if (requests > maxRequests) {
      res.writeHead(503, { Connection: "close" }).end();
      shutdown("request budget used up");
      return;
    }
    if (req.headers.authorization !== AUTHORIZATION) {
      rejected++;
      send(res, 401, unauthorized);
      return;
    }
    const url = req.url ?? "/";
    const q = url.indexOf("?");
    const path = q < 0 ? url : url.slice(0, q);
    if (req.method !== "GET") {
      byRoute.other++;
      send(res, 404, notFound);
    } else if (path === "/api/v1/companies") {
      byRoute.page++;
      send(res, 200, page);
    } else if (path.startsWith("/api/v1/company/") && /^\/api\/v1\/company\/\d+\/$/.test(path)) {
      byRoute.small++;
      send(res, 200, small);
    } else if (path === "/paged/api/v1/companies") {
      byRoute.paged++;
      const query = new URLSearchParams(q < 0 ? "" : url.slice(q + 1));
      const pageNo = Math.max(1, Number(query.get("page")) || 1);
      const count = Math.min(200, Math.max(1, Number(query.get("count")) || 50));
      send(res, 200, Buffer.from(companiesPageBody(pageNo, count)));
    } else {
      byRoute.other++;
      send(res, 404, notFound);
    }
  };

  const server = createServer({ keepAlive: true }, handle);
  server.keepAliveTimeout = 120_000;
  server.headersTimeout = 121_000;
  server.maxRequestsPerSocket = 0;

  let stopping = false;
  function shutdown(why: string): void {
    if (stopping) return;
    stopping = true;
    if (process.env.BENCH_SERVER_VERBOSE) console.error(`bench server stopping: ${why}`);
    server.close();
    server.closeAllConnections();
    setTimeout(() => process.exit(0), 200).unref();
  }

  setTimeout(() => shutdown("lifetime over"), lifetimeMs).unref();
  process.on("disconnect", () => shutdown("parent gone"));
  process.on("message", (message: unknown) => {
    const kind = (message as { type?: string } | null)?.type;
    if (kind === "stats") {
      const stats: ServerStats = { type: "stats", requests, byRoute: { ...byRoute }, rejected };
      process.send?.(stats);
    } else if (kind === "stop") {
      shutdown("asked to stop");
    }
  });

  server.listen(0, "127.0.0.1", () => {
    const { port } = server.address() as AddressInfo;
    const ready: ServerReady = {
      type: "ready",
      port,
      smallBytes: small.length,
      pageBytes: page.length,
      pagedBytes: Buffer.byteLength(companiesPageBody(1, 50)),
    };
    if (process.send) process.send(ready);
    else console.log(`bench server on http://127.0.0.1:${port} (no parent: stops after ${lifetimeMs} ms)`);
  });
}

if (require.main === module) main();
