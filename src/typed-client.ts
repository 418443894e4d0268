// YclientsTypedClient: turns options into one transport (shared with scoped clients) and an openapi-fetch
// client whose `fetch` is that transport. The friendly resources live one layer up, in client.ts, so a
// program that uses only the typed methods does not bundle them.
import createClient, { type Middleware } from "openapi-fetch";
import type { paths } from "../generated/schema.js";
import {
  ALTEGIO_BASE_URL,
  DEFAULT_ACCEPT,
  DEFAULT_BASE_URL,
  DEFAULT_TIMEOUT_MS,
  checkBaseUrl,
  checkCompanyId,
  checkErrorBodyLimit,
  checkHeaders,
  checkTimeout,
  checkToken,
  refineRetry,
  resolveBreaker,
  resolveRetry,
  type CircuitBreakerOptions,
  type HeaderMap,
  type RetryOptions,
} from "./config.js";
import { failureOf, successOf, type YclientsResponse } from "./envelope.js";
import { classifyAnswer, type CallOutcome, type FetchResult } from "./answer.js";
export type { CallOutcome } from "./answer.js";
import { YclientsConfigError } from "./errors.js";
import { CALL_OPTION_KEYS, optionKeys, refuseUnknownKeys } from "./call-options.js";
import { checkPathParams, isBinaryAnswer, isHostRooted, isIdempotent, needsUserToken } from "./operations.js";
import { serializeQuery } from "./query.js";
import { RateLimiter } from "./ratelimit/limiter.js";
import { resolveRateLimit, type RateLimitOptions } from "./ratelimit/rate-limit-options.js";
import { REDACTED } from "./redact.js";
import { SafeToPrint } from "./safe-to-print.js";
import { isLoggerSetting, logFor, type Logger, type LoggerSetting } from "./log.js";
import type { RetrySettings } from "./config.js";
import { Transport, type CallContext, type FetchLike } from "./transport/transport.js";
import type { CallOptions, TypedMethod } from "./types.js";
import { checkValidateResponses, type ValidateResponses } from "./validation/validate-responses.js";
import { SpecChecker } from "./validation/spec-checker.js";
import { VERSION } from "./version.js";

export interface YclientsClientOptions<Raise extends boolean = true> {
  /** The partner (developer) token. Required. */
  partnerToken: string;
  /** A user token sent with every call unless a call or a scoped client gives another. */
  userToken?: string;
  /** Company id that friendly methods use when none is passed. */
  companyId?: number | string;
  /** API root, default `https://api.yclients.com/api/v1`; Altegio: `https://api.alteg.io/api/v1`. */
  baseUrl?: string;
  /** Accept header, default `application/vnd.yclients.v2+json`. */
  accept?: string;
  /** Per-attempt timeout in ms, default 5000. */
  timeoutMs?: number;
  /** Throw on 4xx and on `success: false` (default true). With false, failures are returned instead. */
  raiseClientErrors?: Raise;
  /** Retry settings; defaults come from YCLIENTS_BACKOFF_*. `false` disables retries. */
  retry?: RetryOptions | false;
  /** Circuit breaker settings; `false` disables it. */
  circuitBreaker?: CircuitBreakerOptions | false;
  /** Headers added to every request. */
  headers?: Record<string, string>;
  /** The fetch implementation, default the global one. Called as `fetch(request, { signal })`. */
  fetch?: FetchLike;
  /**
   * Largest error body kept on an error (`error.body`), in characters of JSON or text; default 65 536.
   * Larger bodies are cut and marked `[TRUNCATED]`. Error answers are read up to 8 MiB or 4 × this many bytes,
   * whichever is more. `Infinity` keeps (and reads) every body whole.
   */
  errorBodyLimit?: number;
  /**
   * openapi-fetch middleware (tracing headers, metrics) for every call. It runs once per call, outside the SDK's
   * retries: `onRequest` before the first attempt, `onResponse` on the final answer. It never sees the tokens:
   * each attempt sends its own copy of the request with the Authorization header, never the one middleware gets.
   */
  middleware?: Middleware[];
  /**
   * Where the SDK logs (an object with debug/info/warn/error: `console`, pino, winston). Default: the `debug`
   * namespaces `yclients:*`. pino and winston loggers are recognised and get fields (method, path, status,
   * durationMs, attempt, requestId, callId, channel…) in their own calling convention; others get readable lines.
   * `{ instance, style: "pino" | "winston" | "console" }` states the convention. Secret-free either way.
   */
  logger?: Logger | LoggerSetting;
  /** Client-side rate limit (default on: 5/s and 200 per rolling minute, in this process); `false` turns it off. */
  rateLimit?: RateLimitOptions | false;
  /**
   * Check answers against the spec the package ships (default `false`: nothing is loaded or checked). `"warn"`
   * logs each mismatch once (channel `yclients:validate`, or `logger.warn`); `"throw"` rejects with a
   * `YclientsResponseValidationError`. Also per call and in `withOptions()`.
   */
  validateResponses?: ValidateResponses;
}

const CLIENT_OPTION_KEYS = /* @__PURE__ */ optionKeys<YclientsClientOptions>({
  partnerToken: true,
  userToken: true,
  companyId: true,
  baseUrl: true,
  accept: true,
  timeoutMs: true,
  raiseClientErrors: true,
  retry: true,
  circuitBreaker: true,
  headers: true,
  fetch: true,
  errorBodyLimit: true,
  middleware: true,
  logger: true,
  rateLimit: true,
  validateResponses: true,
});

/** Shared by a client and every client scoped from it. */
interface Core {
  transport: Transport;
  api: ReturnType<typeof createClient<paths>>;
  raise: boolean;
  companyId?: number | string;
  /** Scheme, host and port of the base URL: where `/api/v2/...` and `/marketplace/...` paths are sent. */
  origin: string;
  /** Checks answers when `validateResponses` is on; remembers what it reported, for the whole client family. */
  checker: SpecChecker;
}

/** What a client adds on top of the shared core; a derived client (`withOptions`) has its own. */
interface Scope {
  core: Core;
  userToken?: string;
  headers: HeaderMap;
  companyId?: number | string;
  timeoutMs?: number;
  retry?: RetrySettings;
  middleware: readonly Middleware[];
  validateResponses: ValidateResponses;
}

const SCOPE = Symbol("yclients.scope");
interface ScopeInit {
  [SCOPE]: Scope;
}

/** What `withOptions()` may change; everything else (breaker, rate limiter, base URL, fetch) stays shared. */
export interface YclientsDerivedOptions {
  /** The user token of every call of the derived client. */
  userToken?: string;
  /** The company id friendly methods use when given none. */
  companyId?: number | string;
  /** Per-attempt timeout in ms. */
  timeoutMs?: number;
  /** Retries, over this client's settings; `false` sends each call once. */
  retry?: RetryOptions | false;
  /** Headers added to this client's (a name given here wins). */
  headers?: Record<string, string>;
  /** Middleware run after this client's. */
  middleware?: Middleware[];
  /** Response validation for this client's calls: `false`, `"warn"` or `"throw"`. */
  validateResponses?: ValidateResponses;
}

const DERIVED_OPTION_KEYS = /* @__PURE__ */ optionKeys<YclientsDerivedOptions>({
  userToken: true,
  companyId: true,
  timeoutMs: true,
  retry: true,
  headers: true,
  middleware: true,
  validateResponses: true,
});

/** What a typed call's init may hold besides the call options: openapi-fetch's own members and RequestInit's. */
const FETCH_INIT_KEYS = [
  "params",
  "body",
  "bodySerializer",
  "querySerializer",
  "parseAs",
  "fetch",
  "baseUrl",
  "cache",
  "credentials",
  "integrity",
  "keepalive",
  "mode",
  "priority",
  "redirect",
  "referrer",
  "referrerPolicy",
] as const;
const TYPED_INIT_KEYS = /* @__PURE__ */ CALL_OPTION_KEYS.concat(FETCH_INIT_KEYS);

export class YclientsTypedClient<Raise extends boolean = true> extends SafeToPrint {
  readonly GET: TypedMethod<paths, "get", Raise>;
  readonly POST: TypedMethod<paths, "post", Raise>;
  readonly PUT: TypedMethod<paths, "put", Raise>;
  readonly PATCH: TypedMethod<paths, "patch", Raise>;
  readonly DELETE: TypedMethod<paths, "delete", Raise>;

  // Private (#), not just `private`: a spread, Object.entries, JSON.stringify or util.inspect (customInspect
  // off) of a client then reaches neither the user token, nor custom header values, nor the transport.
  readonly #core: Core;
  readonly #userToken?: string;
  #globalHeaders: HeaderMap;
  readonly #scoped: Omit<Scope, "core" | "userToken" | "headers">;

  static readonly ALTEGIO_BASE_URL = ALTEGIO_BASE_URL;

  constructor(options: YclientsClientOptions<Raise>) {
    super();
    const scope = (options as unknown as Partial<ScopeInit>)?.[SCOPE];
    if (scope) {
      const { core, userToken, headers, ...scoped } = scope;
      this.#core = core;
      this.#userToken = userToken;
      this.#globalHeaders = headers;
      this.#scoped = scoped;
    } else {
      if (!options || typeof options !== "object") throw new YclientsConfigError("options must be an object");
      refuseUnknownKeys(options, CLIENT_OPTION_KEYS, "new YclientsClient()");
      this.#core = buildCore(options);
      this.#userToken = options.userToken === undefined ? undefined : checkToken(options.userToken, "userToken");
      this.#globalHeaders = checkHeaders(options.headers, "headers");
      this.#scoped = {
        middleware: checkMiddleware(options.middleware, "middleware"),
        validateResponses:
          options.validateResponses === undefined
            ? false
            : checkValidateResponses(options.validateResponses, "validateResponses"),
      };
    }
    this.GET = ((path: string, init?: object) => this.typed("GET", path, init)) as TypedMethod<paths, "get", Raise>;
    this.POST = ((path: string, init?: object) => this.typed("POST", path, init)) as TypedMethod<paths, "post", Raise>;
    this.PUT = ((path: string, init?: object) => this.typed("PUT", path, init)) as TypedMethod<paths, "put", Raise>;
    this.PATCH = ((path: string, init?: object) => this.typed("PATCH", path, init)) as TypedMethod<
      paths,
      "patch",
      Raise
    >;
    this.DELETE = ((path: string, init?: object) => this.typed("DELETE", path, init)) as TypedMethod<
      paths,
      "delete",
      Raise
    >;
  }

  /** A client that sends `userToken` with every call: `withOptions({ userToken })`. */
  withUserToken(userToken: string): this {
    return this.withOptions({ userToken: checkToken(userToken, "userToken") });
  }

  /**
   * A client with some options changed (user token, company id, timeout, retries, headers, middleware). It
   * shares what must be shared: the transport, so the circuit breaker and the rate limiter (the quota is per IP).
   */
  withOptions(options: YclientsDerivedOptions): this {
    if (!options || typeof options !== "object") throw new YclientsConfigError("withOptions() takes an object");
    refuseUnknownKeys(options, DERIVED_OPTION_KEYS, "withOptions()");
    const { userToken, companyId, timeoutMs, retry, headers, middleware, validateResponses } = options;
    const scope: Scope = {
      core: this.#core,
      userToken: userToken === undefined ? this.#userToken : checkToken(userToken, "userToken"),
      headers:
        headers === undefined
          ? { ...this.#globalHeaders }
          : { ...this.#globalHeaders, ...checkHeaders(headers, "headers") },
      companyId: companyId === undefined ? this.#scoped.companyId : checkCompanyId(companyId, "companyId"),
      timeoutMs: timeoutMs === undefined ? this.#scoped.timeoutMs : checkTimeout(timeoutMs, "timeoutMs"),
      retry: retry === undefined ? this.#scoped.retry : refineRetry(this.retrySettings(), retry),
      middleware: [...this.#scoped.middleware, ...checkMiddleware(middleware, "middleware")],
      validateResponses:
        validateResponses === undefined
          ? this.#scoped.validateResponses
          : checkValidateResponses(validateResponses, "validateResponses"),
    };
    // The same class as this one, so a derived YclientsClient keeps its friendly resources.
    const Same = this.constructor as new (options: YclientsClientOptions<Raise>) => this;
    return new Same({ [SCOPE]: scope } as unknown as YclientsClientOptions<Raise>);
  }

  private retrySettings(): RetrySettings {
    return this.#scoped.retry ?? this.#core.transport.retrySettings;
  }

  /** Replaces the custom headers sent with every request by this client (scoped clients keep their own copy). */
  setGlobalHeaders(headers: Record<string, string>): void {
    this.#globalHeaders = checkHeaders(headers, "setGlobalHeaders()");
  }

  /** The company id to use: the argument, else the constructor's; none is a configuration error. */
  resolveCompanyId(companyId?: number | string): number {
    const value = companyId ?? this.#scoped.companyId ?? this.#core.companyId;
    if (value === undefined) {
      throw new YclientsConfigError("No company id: pass one to the method or set companyId in the client options");
    }
    return Number(checkCompanyId(value, "companyId"));
  }

  /** @internal Used by the resources: one call, shaped as a friendly `YclientsResponse`. */
  async request<T>(
    method: string,
    path: string,
    init: Record<string, unknown> = {},
  ): Promise<YclientsResponse<T, Raise>> {
    const outcome = await this.execute(method, path, init);
    if (outcome.ok) return successOf<T>(outcome.body, outcome.response) as YclientsResponse<T, Raise>;
    if (this.#core.raise) throw outcome.error;
    return failureOf(outcome.error, outcome.response) as YclientsResponse<T, Raise>;
  }

  private async typed(method: string, path: string, init: object | undefined): Promise<unknown> {
    if (init !== undefined && init !== null && typeof init === "object") {
      refuseUnknownKeys(init, TYPED_INIT_KEYS, `${method} ${path}`);
    }
    const outcome = await this.execute(method, path, (init ?? {}) as Record<string, unknown>);
    if (outcome.ok) return { data: outcome.body, response: outcome.response };
    if (this.#core.raise) throw outcome.error;
    return { error: outcome.body, response: outcome.response };
  }

  /** @internal Validates, sends through openapi-fetch and the transport, and classifies the answer. */
  async execute(method: string, path: string, init: Record<string, unknown>): Promise<CallOutcome> {
    // openapi-fetch options the SDK sets itself are dropped here (destructuring, not `delete`, keeps `rest` fast).
    const {
      userToken,
      timeoutMs,
      signal,
      headers,
      retry,
      middleware,
      validateResponses,
      parseAs: _parseAs,
      fetch: _fetch,
      baseUrl: _baseUrl,
      ...rest
    } = init as CallOptions & Record<string, unknown>;
    const params = rest.params as { path?: Record<string, unknown> } | undefined;
    checkPathParams(method, path, params?.path);
    const token = userToken === undefined ? this.#userToken : checkToken(userToken, "userToken");
    if (!token && needsUserToken(method, path)) {
      throw new YclientsConfigError(
        `${method} ${path} needs a user token: pass { userToken }, use withUserToken(), or set userToken in the client options`,
      );
    }
    if (signal !== undefined && !(signal instanceof AbortSignal)) {
      throw new YclientsConfigError("signal must be an AbortSignal");
    }
    const call: CallContext = {
      method,
      // What logs, errors and the validator see: a template, never a token or query string written into the path.
      path: this.#core.transport.shownPath(path, token),
      idempotent: isIdempotent(method, path),
      userToken: token,
      timeoutMs: timeoutMs === undefined ? this.#scoped.timeoutMs : checkTimeout(timeoutMs, "timeoutMs"),
      retry: retry === undefined ? this.#scoped.retry : refineRetry(this.retrySettings(), retry),
      signal,
      body: rest.body,
      pathParams: params?.path,
      attempts: 0,
    };
    const validation =
      validateResponses === undefined
        ? this.#scoped.validateResponses
        : checkValidateResponses(validateResponses, "validateResponses");
    const callHeaders = headers === undefined ? undefined : checkHeaders(headers, "headers");
    const result = await this.#core.api.request(
      method.toLowerCase() as "get",
      path as never,
      {
        ...(rest as object),
        headers: callHeaders ? { ...this.#globalHeaders, ...callHeaders } : this.#globalHeaders,
        parseAs: isBinaryAnswer(method, path) ? "blob" : "text",
        middleware:
          middleware === undefined
            ? this.#scoped.middleware
            : [...this.#scoped.middleware, ...checkMiddleware(middleware, "middleware")],
        ...(isHostRooted(path) ? { baseUrl: this.#core.origin } : {}),
        fetch: (request: Request) => this.#core.transport.send(request, call),
      } as never,
    );
    const outcome = this.classify(result as FetchResult, call);
    if (validation && outcome.ok) {
      await this.#core.checker.check(validation, call, outcome.body, outcome.response, this.#core.transport);
    }
    return outcome;
  }

  private classify(result: FetchResult, call: CallContext): CallOutcome {
    return classifyAnswer(result, call, this.#core.transport);
  }

  /** What `JSON.stringify(client)` gives: never a token. */
  toJSON(): Record<string, unknown> {
    return {
      client: this.constructor.name,
      userToken: this.#userToken === undefined ? undefined : REDACTED,
      companyId: this.#scoped.companyId ?? this.#core.companyId,
    };
  }

  /** What printing the client shows (`util.inspect`, and so the console): never a secret. */
  protected printed(): string {
    const { client, ...safe } = this.toJSON();
    return `${String(client)} ${JSON.stringify(safe)}`;
  }
}

function defaultUserAgent(): string | undefined {
  // Browsers refuse to let scripts set User-Agent; everywhere else it names the SDK.
  const isBrowser = typeof (globalThis as { document?: unknown }).document !== "undefined";
  return isBrowser ? undefined : `yclients-client/${VERSION}`;
}

function buildCore<Raise extends boolean>(options: YclientsClientOptions<Raise>): Core {
  const partnerToken = checkToken(options.partnerToken, "partnerToken");
  const baseUrl = checkBaseUrl(options.baseUrl ?? DEFAULT_BASE_URL);
  if (options.accept !== undefined && (typeof options.accept !== "string" || !options.accept.includes("/"))) {
    throw new YclientsConfigError("accept must be a media type such as application/vnd.yclients.v2+json");
  }
  if (options.raiseClientErrors !== undefined && typeof options.raiseClientErrors !== "boolean") {
    throw new YclientsConfigError("raiseClientErrors must be a boolean");
  }
  if (options.fetch !== undefined && typeof options.fetch !== "function") {
    throw new YclientsConfigError("fetch must be a function");
  }
  const fetchImpl: FetchLike | undefined =
    options.fetch ?? (globalThis.fetch ? (req, init) => globalThis.fetch(req, init) : undefined);
  if (!fetchImpl)
    throw new YclientsConfigError("No fetch implementation: pass options.fetch on runtimes without a global fetch");
  const timeoutMs = options.timeoutMs === undefined ? DEFAULT_TIMEOUT_MS : checkTimeout(options.timeoutMs, "timeoutMs");
  const rateLimit = resolveRateLimit(options.rateLimit);
  const log = logFor(checkLogger(options.logger));
  const transport = new Transport({
    partnerToken,
    accept: options.accept ?? DEFAULT_ACCEPT,
    userAgent: defaultUserAgent(),
    timeoutMs,
    retry: resolveRetry(options.retry),
    breaker: resolveBreaker(options.circuitBreaker),
    fetch: fetchImpl,
    errorBodyLimit: checkErrorBodyLimit(options.errorBodyLimit),
    rateLimiter: rateLimit ? new RateLimiter(rateLimit, log) : undefined,
    log,
  });
  return {
    transport,
    api: createClient<paths>({ baseUrl, querySerializer: serializeQuery as never }),
    raise: options.raiseClientErrors ?? true,
    origin: new URL(baseUrl).origin,
    companyId: options.companyId === undefined ? undefined : checkCompanyId(options.companyId, "companyId"),
    checker: new SpecChecker(log),
  };
}

/** A list of openapi-fetch middleware objects (each with onRequest, onResponse or onError). */
function checkMiddleware(value: unknown, label: string): Middleware[] {
  if (value === undefined) return [];
  const valid = (m: unknown) =>
    m !== null &&
    typeof m === "object" &&
    ["onRequest", "onResponse", "onError"].some((hook) => typeof (m as Record<string, unknown>)[hook] === "function");
  if (!Array.isArray(value) || !value.every(valid)) {
    throw new YclientsConfigError(`${label} must be an array of objects with onRequest, onResponse or onError`);
  }
  return value as Middleware[];
}

function checkLogger(logger: Logger | LoggerSetting | undefined): Logger | LoggerSetting | undefined {
  const setting = isLoggerSetting(logger);
  if (setting && !["pino", "winston", "console"].includes(logger.style)) {
    throw new YclientsConfigError(`logger.style must be pino, winston or console, not ${JSON.stringify(logger.style)}`);
  }
  const instance = (setting ? logger.instance : logger) as Record<string, unknown> | null | undefined;
  if (
    logger !== undefined &&
    ["debug", "info", "warn", "error"].some((level) => typeof instance?.[level] !== "function")
  ) {
    throw new YclientsConfigError("logger must have debug, info, warn and error methods (console, pino, winston)");
  }
  return logger;
}
