// One request's way through the simulator, independent of sockets: route, log, faults, rate
// limit, headers, auth, body checks, paging, then a stateful handler or the spec's example.
import { hostRootedPrefixes } from "../../generated/operations.js";
import { randomUUID } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { acceptsV2, parseAuthorization, type Credentials } from "./request-headers.js";
import { FaultInjector, type TerminalFault } from "./faults.js";
import type { HandlerTable } from "./handlers/context.js";
import { exampleAnswer } from "./handlers/examples.js";
import { isPageRequest, readPage, type PageRequest } from "./page-request.js";
import { stream } from "./prng.js";
import { RateLimiter } from "./rate-limit.js";
import { fail, invalid, MESSAGES, Reply, unauthorized, type SimResponse } from "./reply.js";
import { readMultipart } from "./multipart.js";
import { loggedBody, queryObject, redactHeaders, RequestLog, type RecordedRequest } from "./request-log.js";
import { Router } from "./router.js";
import type { OperationEntry } from "./spec-index.js";
import { findSession, type Session, type SimulatorState } from "./state.js";
import type { StateChange } from "./webhook-payloads.js";

export const BASE_PATH = "/api/v1";

export interface IncomingRequest {
  method: string;
  /** The raw request target, path and query. */
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** True when the body was over the size limit and was dropped. */
  bodyTooLarge: boolean;
  remoteAddress: string;
}

export type Action =
  | { type: "respond"; response: SimResponse }
  | { type: "reset" }
  | { type: "truncate"; response: SimResponse }
  | { type: "html" };

export interface CoreConfig {
  state: SimulatorState;
  partnerToken: string;
  rateLimiter?: RateLimiter;
  faults: FaultInjector;
  log: RequestLog;
  handlers: HandlerTable;
  operations: readonly OperationEntry[];
  /** Receives the state changes handlers report (the webhook sender). */
  onChange?: (change: StateChange) => void;
}

/** Tags whose operations an online-booking client's token may call; the rest are staff-only. */
const CLIENT_TAGS = new Set(["auth", "booking", "booking_users", "user_records"]);
/** Operations of other tags that read the signed-in person's own loyalty data, so a client's token may call them. */
const CLIENT_OPERATIONS = new Set([
  "GET /user/loyalty_cards/{group_id}",
  "GET /user/loyalty/abonements/",
  "GET /user/loyalty/certificates/",
]);

function parseBody(method: string, headers: IncomingHttpHeaders, raw: Buffer): { value?: unknown; failed: boolean } {
  if (method === "GET" || method === "HEAD" || raw.length === 0) return { failed: false };
  const text = raw.toString("utf8");
  if (!text.trim()) return { failed: false };
  const type = String(headers["content-type"] ?? "");
  if (type.includes("application/x-www-form-urlencoded")) {
    return { value: Object.fromEntries(new URLSearchParams(text)), failed: false };
  }
  if (type.includes("multipart/form-data")) {
    const fields = readMultipart(raw.toString("latin1"), type);
    return fields ? { value: fields, failed: false } : { failed: true };
  }
  try {
    return { value: JSON.parse(text), failed: false };
  } catch {
    return { failed: true };
  }
}

/** Prefers the status the operation documents for a validation failure. */
export function validationStatus(op: OperationEntry): 400 | 422 {
  return op.statuses.has("422") || !op.statuses.has("400") ? 422 : 400;
}

export class SimulatorCore {
  private readonly router: Router;

  constructor(private readonly config: CoreConfig) {
    this.router = new Router(config.operations);
  }

  static faultInjector(seed: number): FaultInjector {
    return new FaultInjector(stream(seed, "faults"));
  }

  /**
   * Handles one request. `wait` delays by a latency fault; it is supplied by the server so
   * that closing the server can cut pending delays short.
   */
  async handle(
    req: IncomingRequest,
    wait: (ms: number) => Promise<void>,
  ): Promise<{ action: Action; entry: RecordedRequest }> {
    const { faults, log } = this.config;
    const url = splitTarget(req.url);
    const method = req.method.toUpperCase();
    const inBase = url.pathname === BASE_PATH || url.pathname.startsWith(BASE_PATH + "/");
    const path = inBase ? url.pathname.slice(BASE_PATH.length) || "/" : url.pathname;
    // `/api/v2/...` and `/marketplace/...` live beside `/api/v1` on the same host, as in the real API.
    const hostRooted = !inBase && hostRootedPrefixes.some((prefix) => path.startsWith(prefix));
    const route = inBase || hostRooted ? this.router.match(method, path) : ({ kind: "missing" } as const);
    const op = route.kind === "found" ? route.op : undefined;
    const parsed = req.bodyTooLarge ? { failed: false } : parseBody(method, req.headers, req.body);

    const entry: RecordedRequest = {
      id: randomUUID(),
      time: Date.now(),
      method,
      path,
      route: op?.key,
      operationId: op?.operationId,
      query: queryObject(url.searchParams),
      headers: redactHeaders(req.headers),
      body: req.bodyTooLarge ? `[body over the size limit]` : loggedBody(req.body.length, parsed.value, parsed.failed),
    };
    log.push(entry);

    const decision = faults.decide(method, path, op?.path);
    if (decision.latency > 0) await wait(decision.latency);
    if (decision.terminal)
      return { action: this.faultAction(decision.terminal, () => this.answer(req, route, parsed, url)), entry };

    const creds = parseAuthorization(String(req.headers.authorization ?? "")) ?? {};
    const limited = this.rateLimit(req.remoteAddress);
    if (limited) return { action: { type: "respond", response: limited }, entry };
    return { action: { type: "respond", response: this.answer(req, route, parsed, url, creds) }, entry };
  }

  private faultAction(fault: TerminalFault, normal: () => SimResponse): Action {
    switch (fault.kind) {
      case "reset":
        return { type: "reset" };
      case "html":
        return { type: "html" };
      case "truncate":
        return { type: "truncate", response: normal() };
      case "rateLimit":
        return { type: "respond", response: tooManyRequests(fault.retryAfter) };
      case "status":
        return {
          type: "respond",
          response: fail(fault.status, fault.status >= 500 ? MESSAGES.serverError : `Ошибка ${fault.status}`),
        };
    }
  }

  private rateLimit(remote: string): SimResponse | undefined {
    const limiter = this.config.rateLimiter;
    if (!limiter) return undefined;
    // Per client IP, like the real API: every token and every process behind one address shares it.
    const retryAfter = limiter.take(remote, Date.now());
    return retryAfter === undefined ? undefined : tooManyRequests(retryAfter);
  }

  private answer(
    req: IncomingRequest,
    route: ReturnType<Router["match"]>,
    parsed: { value?: unknown; failed: boolean },
    url: Target,
    creds: Credentials = parseAuthorization(String(req.headers.authorization ?? "")) ?? {},
  ): SimResponse {
    if (route.kind === "missing") return fail(404, MESSAGES.notFound);
    // The real API's framework answers an unsupported method on a known path with 405.
    if (route.kind === "method")
      return { ...fail(405, MESSAGES.methodNotAllowed), headers: { allow: route.allowed.join(", ") } };
    const { op, params } = route;

    // The status for a missing or wrong Accept is not public (only the hint text is); 400 is
    // the one status every operation of the spec documents for a malformed request.
    if (!acceptsV2(req.headers.accept)) return fail(400, MESSAGES.badAccept);
    if (!req.headers.authorization || !creds.partner) return unauthorized(MESSAGES.noAuth);
    if (creds.partner !== this.config.partnerToken) return unauthorized(MESSAGES.badPartner);
    if (req.bodyTooLarge) return fail(413, MESSAGES.tooLarge);
    if (parsed.failed) return fail(400, MESSAGES.badJson);

    let session: Session | undefined;
    if (creds.user) session = findSession(this.config.state, creds.user);
    if (op.userToken) {
      if (!creds.user) return unauthorized(MESSAGES.noAuth);
      if (!session) return unauthorized(MESSAGES.badUser);
      const clientMay = op.tags.some((t) => CLIENT_TAGS.has(t)) || CLIENT_OPERATIONS.has(op.key);
      if (session.kind === "client" && !clientMay) return fail(403, MESSAGES.forbidden);
    }

    for (const name of op.integerParams) {
      if (!/^\d+$/.test(params[name] ?? "")) return fail(404, MESSAGES.notFound);
    }

    const handler = this.config.handlers[op.key];
    const missing = handler?.validatesOwnBody ? undefined : missingFields(op, parsed.value);
    if (missing) return invalid(validationStatus(op), missing);

    let page: PageRequest | undefined;
    if (op.pagination) {
      const read = readPage(op.pagination, url.searchParams, parsed.value);
      if (!isPageRequest(read)) return read;
      page = read;
    }

    if (!handler) return exampleAnswer(op);
    try {
      return handler({
        state: this.config.state,
        op,
        params,
        query: url.searchParams,
        body: parsed.value,
        session,
        page,
        now: Math.floor(Date.now() / 1000),
        emit: this.config.onChange ?? (() => undefined),
      });
    } catch (err) {
      return err instanceof Reply ? err.response : fail(500, MESSAGES.serverError);
    }
  }
}

function missingFields(op: OperationEntry, body: unknown): Record<string, string[]> | undefined {
  if (!op.bodyRequired && body === undefined) return undefined;
  const fields = op.requiredBodyFields;
  if (body === undefined && op.bodyRequired && !fields.length) return { body: ["Тело запроса обязательно"] };
  const object = body && typeof body === "object" && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  // Presence is what the schema's `required` asks; a null may be a valid value (`technological_card_id`).
  const absent = fields.filter((f) => object[f] === undefined || object[f] === "");
  return absent.length ? Object.fromEntries(absent.map((f) => [f, ["Поле обязательно для заполнения"]])) : undefined;
}

interface Target {
  pathname: string;
  searchParams: URLSearchParams;
}

// Split by hand: `new URL()` would read a target such as `//host/x` as a host name.
function splitTarget(target: string): Target {
  const q = target.indexOf("?");
  return {
    pathname: q < 0 ? target : target.slice(0, q),
    searchParams: new URLSearchParams(q < 0 ? "" : target.slice(q + 1)),
  };
}

export function tooManyRequests(retryAfter: number): SimResponse {
  return { ...fail(429, MESSAGES.tooMany), headers: { "retry-after": String(Math.max(0, Math.ceil(retryAfter))) } };
}
