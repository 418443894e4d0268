// One request's way through the simulator, once its body is read: route, log, faults, rate limit, headers,
// auth, body checks, paging, then a stateful handler or the spec's example. The core owns every part a request
// touches (state, request log, faults, rate limiter, webhook sender), built from the simulator's options.
import { hostRootedPrefixes } from "../../generated/operations.js";
import { randomUUID } from "node:crypto";
import type { IncomingHttpHeaders, IncomingMessage } from "node:http";
import { setTimeout as delay } from "node:timers/promises";
import { acceptsV2, parseAuthorization } from "./request-headers.js";
import { faultAnswer, FaultInjector } from "./faults.js";
import { handlerTable } from "./handlers/index.js";
import { exampleAnswer } from "./handlers/examples.js";
import { isPageRequest, readPage, type PageRequest } from "./page-request.js";
import { stream } from "./prng.js";
import { RateLimiter } from "./rate-limit.js";
import { fail, invalid, MESSAGES, Reply, tooManyRequests, unauthorized, type SimResponse } from "./reply.js";
import { keepNewest, loggedBody, queryObject, redactHeaders, type RecordedRequest } from "./request-log.js";
import { Router, type RouteResult } from "./router.js";
import { operationIndex, type OperationEntry } from "./spec-index.js";
import { findSession, type SimulatorState } from "./state.js";
import { buildState } from "./seed.js";
import { DEFAULT_MAX_LOGGED_REQUESTS, DEFAULT_PARTNER_TOKEN, DEFAULT_SEED, DEFAULT_USERS } from "./options.js";
import { rateLimitWindows, type SimulatorOptions } from "./options.js";
import { isDate, MOSCOW_OFFSET_MINUTES, todayIn } from "./time.js";
import { WebhookSender } from "./webhook-sender.js";

export const BASE_PATH = "/api/v1";

/** Tags whose operations an online-booking client's token may call; the rest are staff-only. */
const CLIENT_TAGS = new Set(["auth", "booking", "booking_users", "user_records"]);
/** Operations of other tags that read the signed-in person's own loyalty data, so a client's token may call them. */
const CLIENT_OPERATIONS = new Set([
  "GET /user/loyalty_cards/{group_id}",
  "GET /user/loyalty/abonements/",
  "GET /user/loyalty/certificates/",
]);

interface ParsedBody {
  value?: unknown;
  failed: boolean;
  /** Over the size limit, and dropped. */
  tooLarge?: boolean;
}

async function parseBody(method: string, headers: IncomingHttpHeaders, raw: Buffer | undefined): Promise<ParsedBody> {
  if (!raw) return { failed: false, tooLarge: true };
  if (method === "GET" || method === "HEAD" || raw.length === 0) return { failed: false };
  const text = raw.toString("utf8");
  if (!text.trim()) return { failed: false };
  const type = String(headers["content-type"] ?? "");
  if (type.includes("application/x-www-form-urlencoded")) {
    return { value: Object.fromEntries(new URLSearchParams(text)), failed: false };
  }
  // The platform's multipart reader (undici's, as fetch uses); files become `{ filename, type, size }`.
  if (type.includes("multipart/form-data")) {
    const form = await new Response(new Uint8Array(raw), { headers: { "content-type": type } })
      .formData()
      .catch(() => {});
    if (!form) return { failed: true };
    const fields: Record<string, unknown> = {};
    const file = (f: File) => ({ filename: f.name, type: f.type || "application/octet-stream", size: f.size });
    form.forEach((value, name) => (fields[name] = typeof value === "string" ? value : file(value)));
    return { value: fields, failed: false };
  }
  try {
    return { value: JSON.parse(text), failed: false };
  } catch {
    return { failed: true };
  }
}

/** Prefers the status the operation documents for a validation failure. */
export const validationStatus = (op: OperationEntry): 400 | 422 =>
  op.statuses.has("422") || !op.statuses.has("400") ? 422 : 400;

export class SimulatorCore {
  readonly partnerToken: string;
  readonly state: SimulatorState;
  /** What arrived, oldest first (`sim.requests`). */
  readonly log: RecordedRequest[] = [];
  private readonly maxLogged: number;
  readonly faults: FaultInjector;
  /** Absent when the options turn the rate limit off. */
  readonly rateLimiter?: RateLimiter;
  readonly webhooks: WebhookSender;
  private readonly router = new Router(operationIndex());
  private readonly handlers = handlerTable();
  /** Cuts latency faults' waits short when the simulator closes. */
  private readonly closing = new AbortController();

  constructor(options: SimulatorOptions) {
    const seed = options.seed ?? DEFAULT_SEED;
    this.partnerToken = options.partnerToken ?? DEFAULT_PARTNER_TOKEN;
    if (!this.partnerToken) throw new TypeError("partnerToken must be a non-empty string");
    if (options.today !== undefined && !isDate(options.today)) throw new TypeError("today must be a YYYY-MM-DD date");
    const extraCompanies = options.extraCompanies ?? 0;
    if (!Number.isInteger(extraCompanies) || extraCompanies < 0 || extraCompanies > 100_000) {
      throw new TypeError("extraCompanies must be an integer from 0 to 100000");
    }
    this.state = buildState({
      seed,
      today: options.today ?? todayIn(MOSCOW_OFFSET_MINUTES),
      users: options.users ?? DEFAULT_USERS,
      extraCompanies,
    });
    this.maxLogged = options.maxLoggedRequests ?? DEFAULT_MAX_LOGGED_REQUESTS;
    this.faults = new FaultInjector(stream(seed, "faults"));
    this.faults.set(options.faults ?? []);
    const { rateLimit } = options;
    if (rateLimit !== false) this.rateLimiter = new RateLimiter(rateLimitWindows(rateLimit === true ? {} : rateLimit));
    this.webhooks = new WebhookSender(this.state, options.webhooks);
  }

  /** Stops the webhooks and ends pending latency waits (their requests then answer, to sockets already gone). */
  close(): void {
    this.closing.abort();
    this.webhooks.close();
  }

  /**
   * Answers one request whose `body` was read (undefined when it was over the size limit and dropped); no
   * `response` means the socket is to be reset without one (a `reset` fault).
   */
  async handle(req: IncomingMessage, body?: Buffer): Promise<{ entry: RecordedRequest; response?: SimResponse }> {
    const url = splitTarget(req.url ?? "/");
    const method = (req.method ?? "GET").toUpperCase();
    const inBase = url.pathname === BASE_PATH || url.pathname.startsWith(BASE_PATH + "/");
    const path = inBase ? url.pathname.slice(BASE_PATH.length) || "/" : url.pathname;
    // `/api/v2/...` and `/marketplace/...` live beside `/api/v1` on the same host, as in the real API.
    const hostRooted = !inBase && hostRootedPrefixes.some((prefix) => path.startsWith(prefix));
    const route = inBase || hostRooted ? this.router.match(method, path) : ({ kind: "missing" } as const);
    const op = route.kind === "found" ? route.op : undefined;
    const parsed = await parseBody(method, req.headers, body);

    const entry: RecordedRequest = {
      id: randomUUID(),
      time: Date.now(),
      method,
      path,
      route: op?.key,
      operationId: op?.operationId,
      query: queryObject(url.searchParams),
      headers: redactHeaders(req.headers),
      body: body ? loggedBody(body.length, parsed.value, parsed.failed) : `[body over the size limit]`,
    };
    keepNewest(this.log, entry, this.maxLogged);

    const decision = this.faults.decide(method, path, op?.path);
    if (decision.latency > 0) {
      await delay(decision.latency, undefined, { signal: this.closing.signal }).catch(() => undefined);
    }
    const answer = () => this.answer(req.headers, route, parsed, url);
    if (decision.terminal) return { entry, response: faultAnswer(decision.terminal, answer) };
    // Per client IP, like the real API: every token and every process behind one address shares it.
    const retryAfter = this.rateLimiter?.take(req.socket.remoteAddress ?? "unknown", Date.now());
    return { entry, response: retryAfter === undefined ? answer() : tooManyRequests(retryAfter) };
  }

  private answer(
    headers: IncomingHttpHeaders,
    route: RouteResult,
    parsed: ParsedBody,
    url: ReturnType<typeof splitTarget>,
  ): SimResponse {
    if (route.kind === "missing") return fail(404, MESSAGES.notFound);
    // The real API's framework answers an unsupported method on a known path with 405.
    if (route.kind === "method")
      return { ...fail(405, MESSAGES.methodNotAllowed), headers: { allow: route.allowed.join(", ") } };
    const { op, params } = route;

    // The status for a missing or wrong Accept is not public (only the hint text is); 400 is
    // the one status every operation of the spec documents for a malformed request.
    if (!acceptsV2(headers.accept)) return fail(400, MESSAGES.badAccept);
    const creds = parseAuthorization(headers.authorization) ?? {};
    if (!creds.partner) return unauthorized(MESSAGES.noAuth);
    if (creds.partner !== this.partnerToken) return unauthorized(MESSAGES.badPartner);
    if (parsed.tooLarge) return fail(413, MESSAGES.tooLarge);
    if (parsed.failed) return fail(400, MESSAGES.badJson);

    const session = creds.user ? findSession(this.state, creds.user) : undefined;
    if (op.userToken) {
      if (!creds.user) return unauthorized(MESSAGES.noAuth);
      if (!session) return unauthorized(MESSAGES.badUser);
      const clientMay = op.tags.some((t) => CLIENT_TAGS.has(t)) || CLIENT_OPERATIONS.has(op.key);
      if (session.kind === "client" && !clientMay) return fail(403, MESSAGES.forbidden);
    }

    for (const name of op.integerParams) if (!/^\d+$/.test(params[name] ?? "")) return fail(404, MESSAGES.notFound);

    const handler = this.handlers[op.key];
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
      const { state, webhooks } = this;
      const now = Math.floor(Date.now() / 1000);
      const emit = webhooks.emit.bind(webhooks);
      return handler({ state, op, params, query: url.searchParams, body: parsed.value, session, page, now, emit });
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

// Split by hand: `new URL()` would read a target such as `//host/x` as a host name.
function splitTarget(target: string) {
  const q = target.indexOf("?");
  return {
    pathname: q < 0 ? target : target.slice(0, q),
    searchParams: new URLSearchParams(q < 0 ? "" : target.slice(q + 1)),
  };
}
