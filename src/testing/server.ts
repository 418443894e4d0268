// The HTTP side: a node:http server on loopback that feeds requests to the core and writes its
// actions to the socket, and the handle tests get back from startYclientsSimulator().
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { BASE_PATH, SimulatorCore, type Action } from "./core.js";
import type { Fault } from "./faults.js";
import { handlerTable } from "./handlers/index.js";
import {
  DEFAULT_MAX_LOGGED_REQUESTS,
  DEFAULT_PARTNER_TOKEN,
  DEFAULT_SEED,
  DEFAULT_USERS,
  rateLimitWindows,
  type SimulatorOptions,
} from "./options.js";
import { RateLimiter } from "./rate-limit.js";
import { fail, MESSAGES } from "./reply.js";
import { RequestLog, type RecordedRequest } from "./request-log.js";
import { buildState } from "./seed.js";
import { operationIndex } from "./spec-index.js";
import type { SimulatorState } from "./state.js";
import { isDate, MOSCOW_OFFSET_MINUTES, todayIn } from "./time.js";
import { WebhookSender, type WebhookDelivery } from "./webhook-sender.js";

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

const BAD_GATEWAY_PAGE =
  "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";

function rateLimiterFor(option: SimulatorOptions["rateLimit"]): RateLimiter | undefined {
  if (option === false) return undefined;
  return new RateLimiter(rateLimitWindows(typeof option === "object" ? option : {}));
}

export async function startYclientsSimulator(options: SimulatorOptions = {}): Promise<YclientsSimulator> {
  const seed = options.seed ?? DEFAULT_SEED;
  const partnerToken = options.partnerToken ?? DEFAULT_PARTNER_TOKEN;
  const host = options.host ?? "127.0.0.1";
  if (!partnerToken) throw new TypeError("partnerToken must be a non-empty string");
  if (options.today !== undefined && !isDate(options.today)) throw new TypeError("today must be a YYYY-MM-DD date");
  const extraCompanies = options.extraCompanies ?? 0;
  if (!Number.isInteger(extraCompanies) || extraCompanies < 0 || extraCompanies > 100_000) {
    throw new TypeError("extraCompanies must be an integer from 0 to 100000");
  }

  const state = buildState({
    seed,
    today: options.today ?? todayIn(MOSCOW_OFFSET_MINUTES),
    users: options.users ?? DEFAULT_USERS,
    extraCompanies,
  });
  const log = new RequestLog(options.maxLoggedRequests ?? DEFAULT_MAX_LOGGED_REQUESTS);
  const faults = SimulatorCore.faultInjector(seed);
  faults.set(options.faults ?? []);
  const rateLimiter = rateLimiterFor(options.rateLimit);
  const webhooks = new WebhookSender(state, options.webhooks);
  const core = new SimulatorCore({
    state,
    partnerToken,
    rateLimiter,
    faults,
    log,
    handlers: handlerTable(),
    operations: operationIndex(),
    onChange: (change) => webhooks.emit(change),
  });

  const sockets = new Set<Socket>();
  const delays = new Map<NodeJS.Timeout, () => void>();
  let closed = false;

  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        delays.delete(timer);
        resolve();
      }, ms);
      delays.set(timer, resolve);
    });

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
    let tooLarge = false;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      if (!tooLarge) chunks.push(chunk);
      else chunks.length = 0;
    });
    req.on("error", () => res.destroy());
    req.on("end", () => {
      core
        .handle(
          {
            method: req.method ?? "GET",
            url: req.url ?? "/",
            headers: req.headers,
            body: Buffer.concat(chunks),
            bodyTooLarge: tooLarge,
            remoteAddress: req.socket.remoteAddress ?? "unknown",
          },
          wait,
        )
        .then(({ action, entry }) => {
          entry.status = write(req, res, action, entry.id);
        })
        .catch(() => {
          write(req, res, { type: "respond", response: fail(500, MESSAGES.serverError) }, randomUUID());
        });
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const hostInUrl = host.includes(":") ? `[${host}]` : host;

  return {
    url: `http://${hostInUrl}:${port}${BASE_PATH}`,
    port,
    partnerToken,
    userToken: state.staffUsers[0]?.token ?? "",
    state,
    requests: log.entries,
    clearRequests: () => log.clear(),
    setFaults: (list) => faults.set(list),
    addFault: (fault) => faults.add(fault),
    clearFaults: () => faults.set([]),
    resetRateLimit: () => rateLimiter?.reset(),
    webhookDeliveries: webhooks.deliveries,
    webhooksIdle: () => webhooks.idle(),
    close: () => {
      if (closed) return Promise.resolve();
      closed = true;
      webhooks.close();
      for (const [timer, resolve] of delays) {
        clearTimeout(timer);
        resolve();
      }
      delays.clear();
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
    },
  };
}

/** CORS: any origin may call the simulator, with the headers the SDK sends, and read the headers it reads. */
const CORS_HEADERS = {
  "access-control-allow-origin": "*",
  "access-control-allow-methods": "GET, POST, PUT, PATCH, DELETE",
  "access-control-allow-headers": "Authorization, Accept, Content-Type, X-Request-Id",
  "access-control-expose-headers": "X-Request-Id, Retry-After",
};

/** Puts an action on the wire; returns the status sent, or undefined when none was. */
function write(req: IncomingMessage, res: ServerResponse, action: Action, requestId: string): number | undefined {
  if (res.destroyed || res.headersSent) return undefined;
  const base = { ...CORS_HEADERS, "x-request-id": requestId };
  switch (action.type) {
    case "reset":
      req.socket.destroy();
      return undefined;
    case "html":
      res.writeHead(502, {
        ...base,
        "content-type": "text/html; charset=utf-8",
        "content-length": Buffer.byteLength(BAD_GATEWAY_PAGE),
      });
      res.end(BAD_GATEWAY_PAGE);
      return 502;
    case "truncate": {
      const { response } = action;
      const full = Buffer.from(JSON.stringify(response.body ?? { success: true, data: null, meta: [] }));
      const cut = full.subarray(0, Math.floor(full.length / 2));
      const status = response.status === 204 ? 200 : response.status;
      // Valid HTTP framing around half a JSON document: the client sees a parse failure.
      res.writeHead(status, {
        ...response.headers,
        ...base,
        "content-type": "application/json; charset=utf-8",
        "content-length": cut.length,
      });
      res.end(cut);
      return status;
    }
    case "respond": {
      const { status, body, headers } = action.response;
      if (body === undefined) {
        res.writeHead(status, { ...headers, ...base });
        res.end();
        return status;
      }
      // A Buffer is a file (the visit receipt PDF): sent as is, with the handler's content-type.
      const text = Buffer.isBuffer(body) ? body : Buffer.from(JSON.stringify(body));
      res.writeHead(status, {
        "content-type": "application/json; charset=utf-8",
        ...headers,
        ...base,
        "content-length": text.length,
      });
      res.end(text);
      return status;
    }
  }
}
