// The HTTP side: a node:http server on loopback that feeds requests to the core and writes its
// answers to the socket, and the handle tests get back from startYclientsSimulator().
import { randomUUID } from "node:crypto";
import { once } from "node:events";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { BASE_PATH, SimulatorCore } from "./core.js";
import type { Fault } from "./faults.js";
import type { SimulatorOptions } from "./options.js";
import { fail, MESSAGES, type SimResponse } from "./reply.js";
import type { RecordedRequest } from "./request-log.js";
import type { SimulatorState } from "./state.js";
import type { WebhookDelivery } from "./webhook-sender.js";

export interface YclientsSimulator {
  /** The v1 base URL to give the client, e.g. `http://127.0.0.1:50123/api/v1`. */
  readonly url: string;
  readonly port: number;
  /** The partner token requests must carry. */
  readonly partnerToken: string;
  /**
   * The user token of the first staff user (an administrator of every seeded company), the token `POST /auth`
   * hands out for that user: pass it as `userToken` to call the staff operations without signing in.
   */
  readonly userToken: string;
  /** The live data; tests may read it and change it. */
  readonly state: SimulatorState;
  /** What arrived, oldest first, secrets redacted; bounded by `maxLoggedRequests`. */
  readonly requests: readonly RecordedRequest[];
  clearRequests(): void;
  /** Replaces every fault (an empty list clears them). */
  setFaults(faults: readonly Fault[]): void;
  addFault(fault: Fault): void;
  clearFaults(): void;
  /** Forgets the rate limiter's history, as if a minute had passed. */
  resetRateLimit(): void;
  /** Webhooks sent to the URLs of `/hooks_settings`, oldest first, URL secrets masked. */
  readonly webhookDeliveries: readonly WebhookDelivery[];
  /** Resolves once every webhook queued so far has been delivered or has failed for good. */
  webhooksIdle(): Promise<void>;
  /** Stops listening, drops open connections and pending delays; resolves when done. */
  close(): Promise<void>;
}

/** Request bodies above this are dropped and answered with 413. */
const MAX_BODY_BYTES = 1024 * 1024;

/** CORS: any origin may call the simulator, with the headers the SDK sends, and read the headers it reads. */
const CORS_HEADERS = {
  "access-control-allow-origin": "*",
  "access-control-allow-methods": "GET, POST, PUT, PATCH, DELETE",
  "access-control-allow-headers": "Authorization, Accept, Content-Type, X-Request-Id",
  "access-control-expose-headers": "X-Request-Id, Retry-After",
};

export async function startYclientsSimulator(options: SimulatorOptions = {}): Promise<YclientsSimulator> {
  const core = new SimulatorCore(options);
  const sockets = new Set<Socket>();

  const server = createServer((req, res) => {
    // A browser's CORS preflight: allowed for any origin with the headers the SDK sends, and not an API request
    // (not logged, not counted by the rate limit), so a browser app can be tested against the simulator.
    if (req.method === "OPTIONS" && req.headers["access-control-request-method"]) {
      res.writeHead(204, { ...CORS_HEADERS, "access-control-max-age": "600" });
      res.end();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on("error", () => res.destroy());
    req.on("end", () => {
      core
        .handle(req, size > MAX_BODY_BYTES ? undefined : Buffer.concat(chunks))
        .then(({ entry, response }) => (entry.status = write(req, res, response, entry.id)))
        .catch(() => write(req, res, fail(500, MESSAGES.serverError), randomUUID()));
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });

  const host = options.host ?? "127.0.0.1";
  server.listen(options.port ?? 0, host);
  await once(server, "listening");
  const port = (server.address() as AddressInfo).port;
  const { state, log, faults, rateLimiter, webhooks } = core;
  let closed = false;

  return {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${port}${BASE_PATH}`,
    port,
    partnerToken: core.partnerToken,
    userToken: state.staffUsers[0]?.token ?? "",
    state,
    requests: log,
    clearRequests: () => log.splice(0, log.length),
    setFaults: (list) => faults.set(list),
    addFault: (fault) => faults.add(fault),
    clearFaults: () => faults.set([]),
    resetRateLimit: () => rateLimiter?.reset(),
    webhookDeliveries: webhooks.deliveries,
    webhooksIdle: () => webhooks.idle(),
    close: () => {
      if (closed) return Promise.resolve();
      closed = true;
      core.close();
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
    },
  };
}

/** Puts an answer on the wire, or resets the socket when there is none; returns the status sent, if any. */
function write(req: IncomingMessage, res: ServerResponse, response: SimResponse | undefined, requestId: string) {
  if (res.destroyed || res.headersSent) return undefined;
  if (!response) {
    req.socket.destroy();
    return undefined;
  }
  const { status, body, headers } = response;
  const base = { ...CORS_HEADERS, "x-request-id": requestId };
  if (body === undefined) res.writeHead(status, { ...headers, ...base }).end();
  else {
    // A Buffer (the visit receipt PDF, a fault's page or cut body) is sent as is, with the content-type it names.
    const bytes = Buffer.isBuffer(body) ? body : Buffer.from(JSON.stringify(body));
    const json = { "content-type": "application/json; charset=utf-8" };
    res.writeHead(status, { ...json, ...headers, ...base, "content-length": bytes.length }).end(bytes);
  }
  return status;
}
