// The `fetch` handed to openapi-fetch. For each request it sets the headers, then runs attempts
// through the retry loop, each attempt through the circuit breaker with its own timeout, and turns
// a final 5xx/429 or a failed connection into a typed error.
import { BrokenCircuitError } from "cockatiel";
import type { BreakerSettings, RetrySettings } from "../config.js";
import { reasonOf } from "../classify-error.js";
import {
  YclientsCircuitOpenError,
  YclientsConfigError,
  YclientsNetworkError,
  YclientsRateLimitError,
  YclientsServerError,
  YclientsTimeoutError,
  type ErrorContext,
} from "../errors.js";
import { log as defaultLog, newCallId, type Log } from "../log.js";
import type { RateLimiter } from "../ratelimit/limiter.js";
import { REDACTED, redactBounded, redactText, redactUrl, secretValues, withQuotedForms } from "../redact.js";
import { SafeToPrint } from "../safe-to-print.js";
import { subscribeAbort } from "./abort.js";
import { authorizationValue } from "./authorization-header.js";
import { parseRetryAfter } from "../retry-after.js";
import { CircuitBreaker } from "./breaker.js";
import { isTextual, keepBody, truncationNote } from "./kept-response.js";
import { errorReadLimit, MAX_ANSWER_BYTES, readBody } from "./read-body.js";
import {
  AttemptFailure,
  isNeverSent,
  isRepeatable,
  isSafeToRepeat,
  networkErrorCode,
  shouldRetry,
} from "./decisions.js";
import { RetryRunner } from "./retry.js";

/** A WHATWG fetch: called with the Request and `{ signal }`, the attempt's own abort signal. */
export type FetchLike = (input: Request, init: { signal: AbortSignal }) => Promise<Response>;

export interface TransportSettings {
  partnerToken: string;
  accept: string;
  userAgent?: string;
  timeoutMs: number;
  retry: RetrySettings;
  breaker?: BreakerSettings;
  fetch: FetchLike;
  /** The client's rate limiter (shared with its scoped clients); none when `rateLimit: false`. */
  rateLimiter?: RateLimiter;
  /** Largest error body kept on an error, in characters of JSON (or text); larger ones are cut and marked. */
  errorBodyLimit: number;
  /** Where the transport and its breaker log; the `debug` namespaces by default. */
  log?: Log;
}

/** What one call knows about itself; `attempts` is filled in by the transport. */
export interface CallContext {
  method: string;
  /** Path template, for logs and errors. */
  path: string;
  /**
   * Whether sending the operation twice is harmless (its `x-idempotent`, looked up by the client). Left out, only
   * GET and HEAD count as safe.
   */
  idempotent?: boolean;
  userToken?: string;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** The JSON body sent, kept only so its secret fields can be masked if an answer echoes them. */
  body?: unknown;
  /** The path parameters, read only when an error is built: values named like a token or hash are secrets. */
  pathParams?: Record<string, unknown>;
  /** Retry settings for this call (a per-call `retry` or a derived client's); the transport's own otherwise. */
  retry?: RetrySettings;
  /** The request as openapi-fetch built it; set by the transport, read only to describe a failure. */
  request?: Request;
  attempts: number;
  /** This call's id in log events, made on first use: only when a channel is on. */
  callId?: string;
}

/** Path parameters whose value grants access on its own (`record_hash`, `recordToken`). */
const SECRET_PATH_PARAM = /token|hash|secret|password/i;

const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

/** The abort reason of a timed-out attempt. A shared symbol, not an Error: capturing a stack per call costs ~30 µs. */
const TIMED_OUT = Symbol("yclients.timeout");

/** What an error keeps of a failed answer's body: bounded, with secrets masked. */
export interface ErrorBody {
  body: unknown;
  /** The envelope's `meta`, from the bounded copy. */
  meta?: unknown;
  truncated: boolean;
}

export class Transport extends SafeToPrint {
  readonly breaker?: CircuitBreaker;
  // Private (#) so that util.inspect, console.log and JSON.stringify never reach the partner token.
  readonly #settings: TransportSettings;
  private readonly repeatable: RetryRunner<Response, CallContext>;
  private readonly unrepeatable: RetryRunner<Response, CallContext>;

  private readonly log: Log;

  constructor(settings: TransportSettings) {
    super();
    this.#settings = settings;
    this.log = settings.log ?? defaultLog;
    this.breaker = settings.breaker ? new CircuitBreaker(settings.breaker, this.log) : undefined;
    this.repeatable = this.runner(true, settings.retry);
    this.unrepeatable = settings.retry.unsafe ? this.repeatable : this.runner(false, settings.retry);
  }

  /** The client's own retry settings, which a per-call or derived `retry` refines. */
  get retrySettings(): RetrySettings {
    return this.#settings.retry;
  }

  /** Runners for retry settings other than the client's (per call, or a derived client's), built once each. */
  private readonly otherRunners = new WeakMap<
    RetrySettings,
    { safe: RetryRunner<Response, CallContext>; unsafe: RetryRunner<Response, CallContext> }
  >();

  private runnersFor(retry: RetrySettings): {
    safe: RetryRunner<Response, CallContext>;
    unsafe: RetryRunner<Response, CallContext>;
  } {
    if (retry === this.#settings.retry) return { safe: this.repeatable, unsafe: this.unrepeatable };
    let runners = this.otherRunners.get(retry);
    if (!runners) {
      const safe = this.runner(true, retry);
      runners = { safe, unsafe: retry.unsafe ? safe : this.runner(false, retry) };
      this.otherRunners.set(retry, runners);
    }
    return runners;
  }

  private runner(safe: boolean, retry: RetrySettings): RetryRunner<Response, CallContext> {
    const { maxRetryAfterMs, maxTries } = retry;
    // Once the breaker refuses, another attempt would not be sent: stop and report the last real outcome.
    const breakerAllows = () => !this.breaker?.refusesNow();
    return new RetryRunner<Response, CallContext>(retry, {
      retryError: (error) => shouldRetry(safe, error) && breakerAllows(),
      retryResult: (response) => shouldRetry(safe, response) && breakerAllows(),
      requestedDelay: (outcome) => {
        if (!(outcome instanceof Response) || outcome.status !== 429) return undefined;
        const wait = parseRetryAfter(outcome.headers.get("retry-after"));
        return wait === undefined ? undefined : Math.min(wait, maxRetryAfterMs);
      },
      onRetry: ({ attempt, delayMs, outcome, context: call }) => {
        if (!this.log.retry.enabled) return;
        const why = outcome instanceof Response ? `HTTP ${outcome.status}` : (outcome as AttemptFailure).kind;
        const fields = {
          ...(call && { method: call.method, path: call.path, callId: callIdOf(call) }),
          attempt,
          maxTries,
          reason: why,
          ...(outcome instanceof Response ? { status: outcome.status } : { errorCode: errorCodeOf(outcome) }),
          delayMs: Math.round(delayMs),
        };
        this.log.retry(fields, "attempt %d of %d after %s, waiting %dms", attempt, maxTries, why, fields.delayMs);
      },
    });
  }

  /** Sends `request` as one call; resolves with the final 2xx/3xx/4xx response, its body already read. */
  async send(request: Request, call: CallContext): Promise<Response> {
    call.request = request;
    // The headers every attempt sends. The Request middleware saw (and sees again in onResponse/onError) is never
    // given the Authorization header: each attempt sends its own copy carrying these.
    const headers = new Headers(request.headers);
    try {
      headers.set("Authorization", authorizationValue(this.#settings.partnerToken, call.userToken));
    } catch {
      // The tokens are checked on the way in; this only guards against a TypeError that would quote them.
      throw new YclientsConfigError("partnerToken or userToken cannot be sent in an HTTP header");
    }
    if (!headers.has("Accept")) headers.set("Accept", this.#settings.accept);
    if (this.#settings.userAgent) headers.set("User-Agent", this.#settings.userAgent);

    const retry = call.retry ?? this.#settings.retry;
    const runners = this.runnersFor(retry);
    // The operation's retry class from the spec decides, not the method (a PUT may book a payment).
    const runner = isSafeToRepeat(call, retry.unsafe) ? runners.safe : runners.unsafe;
    // The outcome of the last attempt that was really sent, for when the breaker refuses a later one.
    let last: Response | AttemptFailure | undefined;
    const sendOnce = async () => {
      call.attempts++;
      try {
        // Quota is taken right before each attempt, retries included; the attempt's timeout starts only after.
        const limiter = this.#settings.rateLimiter;
        const timeoutMs = call.timeoutMs ?? this.#settings.timeoutMs;
        return (last = await (limiter
          ? limiter.run(() => this.attempt(request, headers, call), call, timeoutMs)
          : this.attempt(request, headers, call)));
      } catch (error) {
        if (error instanceof AttemptFailure) last = error;
        throw error;
      }
    };
    let response: Response;
    try {
      response = await runner.run(
        () => (this.breaker ? this.breaker.execute(sendOnce) : sendOnce()),
        call.signal,
        call,
      );
    } catch (error) {
      if (error instanceof BrokenCircuitError && last) throw this.logFailure(await this.refusedAfter(last, call), call);
      throw this.logFailure(
        this.translate(error, call, this.stoppedByBreaker(error, call) ? BREAKER_STOPPED : ""),
        call,
      );
    }
    if (response.status === 429 || response.status >= 500) {
      throw this.logFailure(
        await this.finalError(response, call, this.stoppedByBreaker(response, call) ? BREAKER_STOPPED : ""),
        call,
      );
    }
    return response;
  }

  /** Whether retries ended early because the breaker opened (this call's own failures may have opened it). */
  private stoppedByBreaker(outcome: unknown, call: CallContext): boolean {
    const { maxTries, unsafe } = call.retry ?? this.#settings.retry;
    if (!this.breaker?.refusesNow() || call.attempts >= maxTries) return false;
    return shouldRetry(isSafeToRepeat(call, unsafe), outcome);
  }

  /**
   * One attempt: a fresh copy of the request carrying `headers` (the only Request that ever holds the tokens),
   * its own timeout, the body read inside that timeout.
   */
  private async attempt(template: Request, headers: Headers, call: CallContext): Promise<Response> {
    const timeoutMs = call.timeoutMs ?? this.#settings.timeoutMs;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(TIMED_OUT), timeoutMs);
    const outer = call.signal;
    let unsubscribe: (() => void) | undefined;
    if (outer) {
      if (outer.aborted) controller.abort(outer.reason);
      // One listener on the caller's signal however many calls share it (see abort.ts).
      else unsubscribe = subscribeAbort(outer, () => controller.abort(outer.reason));
    }
    const started = Date.now();
    try {
      // A body is cloned first, or the next attempt would find it used. `signal: null`: the copy need not follow
      // the template's signal (that costs more than the copy); fetch gets the attempt's own signal below.
      const input = new Request(template.body === null ? template : template.clone(), { headers, signal: null });
      const raw = await this.#settings.fetch(input, { signal: controller.signal });
      const response = NULL_BODY_STATUSES.has(raw.status) ? raw : await this.readWithin(raw);
      if (this.log.http.enabled) this.logAttempt(call, started, headers, raw);
      return response;
    } catch (error) {
      if (outer?.aborted) throw outer.reason;
      const failure =
        controller.signal.reason === TIMED_OUT
          ? new AttemptFailure("timeout", false, `no response within ${timeoutMs}ms`)
          : networkFailure(error);
      if (this.log.http.enabled) this.logAttempt(call, started, headers, undefined, failure);
      throw failure;
    } finally {
      clearTimeout(timer);
      unsubscribe?.();
    }
  }

  /** `raw` with its body read (at most what an answer of its status may use; see read-body.ts) and kept. */
  private async readWithin(raw: Response): Promise<Response> {
    const limit = raw.status >= 400 ? errorReadLimit(this.#settings.errorBodyLimit) : MAX_ANSWER_BYTES;
    const { body, truncatedAfter } = await readBody(raw, isTextual(raw.headers.get("content-type")), limit);
    return keepBody(raw, body, truncatedAfter);
  }

  /** One attempt's event: its answer's status, or how it failed (kind and network code). */
  private logAttempt(call: CallContext, started: number, sent: Headers, raw?: Response, failure?: AttemptFailure) {
    const fields = {
      method: call.method,
      path: call.path,
      status: raw?.status,
      errorKind: failure?.kind,
      errorCode: failure?.code,
      durationMs: Date.now() - started,
      attempt: call.attempts,
      requestId: redactText(correlationIdOf(raw?.headers, sent, call), this.secretsOf(call)),
      callId: callIdOf(call),
    };
    const { method, path, durationMs, attempt, requestId } = fields;
    const outcome = raw ? raw.status : failure!.message;
    this.log.http(
      fields,
      "%s %s -> %s in %dms (attempt %d, request id %s)",
      method,
      path,
      outcome,
      durationMs,
      attempt,
      requestId,
    );
  }

  /**
   * How a call that ends in an error ended: the error's class and its status or network code, never its message
   * (which may quote the server). Returns the error, for `throw`.
   */
  private logFailure(error: unknown, call: CallContext): unknown {
    if (this.log.http.enabled) {
      const { name } = error as Error;
      const status = (error as { status?: number }).status;
      const errorCode = errorCodeOf((error as { cause?: unknown }).cause);
      const fields = {
        method: call.method,
        path: call.path,
        error: name,
        status,
        errorCode,
        attempts: call.attempts,
        callId: callIdOf(call),
      };
      this.log.http(
        fields,
        "%s %s failed: %s (%s) after %d attempt(s)",
        call.method,
        call.path,
        name,
        status ?? errorCode ?? "-",
        call.attempts,
      );
    }
    return error;
  }

  /**
   * Every secret of a call (tokens, password, SMS code, 2FA uuid), with the forms a server may quote it in (see
   * `withQuotedForms`); worked out only when an error or a log line is being built.
   */
  secretsOf(call: CallContext): string[] {
    return withQuotedForms([
      this.#settings.partnerToken,
      ...(call.userToken ? [call.userToken] : []),
      ...secretValues(call.body),
      // A record hash or a review token in the path acts for its holder, like a password in a URL.
      ...Object.entries(call.pathParams ?? {})
        .filter(
          ([name, value]) => SECRET_PATH_PARAM.test(name) && (typeof value === "string" || typeof value === "number"),
        )
        .map(([, value]) => String(value)),
    ]);
  }

  /**
   * A call's path as its logs and errors show it. The typed methods take any string, so a caller may have written
   * more than the template into it: the query string and fragment are left out, the partner and user tokens masked.
   */
  shownPath(path: string, userToken?: string): string {
    const end = path.search(/[?#]/);
    return redactText(end < 0 ? path : path.slice(0, end), [this.#settings.partnerToken, userToken]);
  }

  /** The URL of a call's request with secrets masked, for errors. */
  urlOf(call: CallContext): string | undefined {
    return call.request ? redactUrl(call.request.url, this.secretsOf(call)) : undefined;
  }

  /** An answer's `x-request-id` for an error, with the call's secrets masked: a server or proxy may echo one there. */
  requestIdOf(response: Response, call: CallContext): string | undefined {
    const id = response.headers.get("x-request-id");
    return id === null ? undefined : redactText(id, this.secretsOf(call));
  }

  /**
   * What an error keeps of an answer's body (parsed JSON, or text that was not JSON): secrets masked, and
   * at most `errorBodyLimit` characters, cut with a `[TRUNCATED]` marker beyond that.
   */
  errorBody(raw: unknown, call: CallContext): ErrorBody {
    const { value: body, truncated } = redactBounded(raw, this.secretsOf(call), this.#settings.errorBodyLimit);
    const meta = body !== null && typeof body === "object" ? (body as { meta?: unknown }).meta : undefined;
    return { body, meta, truncated };
  }

  /** What `console.log(transport)` shows: the settings that are safe to print. */
  protected printed(): string {
    return `Transport { partnerToken: '${REDACTED}', timeoutMs: ${this.#settings.timeoutMs} }`;
  }

  private context(call: CallContext, extra: Partial<ErrorContext> = {}): ErrorContext {
    return { method: call.method, path: call.path, url: this.urlOf(call), attempts: call.attempts, ...extra };
  }

  private translate(error: unknown, call: CallContext, note = ""): unknown {
    const where = `${call.method} ${call.path}`;
    if (error instanceof AttemptFailure) {
      const suffix = call.attempts > 1 ? ` after ${call.attempts} attempts` : "";
      // A reset or a timeout may come after the server read the request: never say "could not reach" for an
      // operation with effects, or the caller repeats a payment by hand.
      const mayHaveReachedServer = !error.neverSent;
      const acted = mayHaveReachedServer && !isRepeatable(call) ? MAY_HAVE_ACTED : "";
      if (error.kind === "timeout") {
        return new YclientsTimeoutError(`${where} timed out: ${error.message}${suffix}${acted}${note}`, {
          ...this.context(call),
          mayHaveReachedServer,
        });
      }
      const message = acted
        ? `${where}: the connection failed after the request was sent (${error.message})${suffix}${acted}`
        : `${where} could not reach the server: ${error.message}${suffix}`;
      return new YclientsNetworkError(`${message}${note}`, {
        ...this.context(call),
        cause: { code: error.code },
        mayHaveReachedServer,
      });
    }
    if (error instanceof BrokenCircuitError) {
      return new YclientsCircuitOpenError(
        `${where} was not sent: the circuit breaker is open after repeated failures`,
        this.context(call),
      );
    }
    return error;
  }

  /**
   * The breaker refused an attempt after earlier ones of this call were sent and failed (another call
   * opened it during our backoff wait): the caller learns what the server really did.
   */
  private refusedAfter(last: Response | AttemptFailure, call: CallContext): Promise<unknown> | unknown {
    return last instanceof Response
      ? this.finalError(last, call, BREAKER_STOPPED)
      : this.translate(last, call, BREAKER_STOPPED);
  }

  private async finalError(response: Response, call: CallContext, note = ""): Promise<Error> {
    const text = await response.text();
    let raw: unknown = undefined;
    if (text) {
      try {
        raw = JSON.parse(text);
      } catch {
        raw = text;
      }
    }
    const { body, meta, truncated } = this.errorBody(raw, call);
    const cut = truncationNote(response);
    const context = this.context(call, {
      status: response.status,
      requestId: this.requestIdOf(response, call),
      body,
      meta,
      bodyTruncated: truncated || cut !== "" || undefined,
    });
    const tries = call.attempts === 1 ? "1 attempt" : `${call.attempts} attempts`;
    const detail = describeBody(body) + cut;
    if (response.status === 429) {
      const retryAfterMs = parseRetryAfter(response.headers.get("retry-after"));
      return new YclientsRateLimitError(
        `${call.method} ${call.path} was rate limited (HTTP 429) after ${tries}${detail}${note}`,
        { ...context, retryAfterMs },
      );
    }
    return new YclientsServerError(
      `${call.method} ${call.path} failed with HTTP ${response.status} after ${tries}${detail}${note}`,
      context,
    );
  }
}

/** ": <the server's message>" when the (already masked) body has one, for the end of an error message. */
function describeBody(body: unknown): string {
  const reason = reasonOf(body);
  return reason ? `: ${reason}` : "";
}

/** Appended when a request with effects failed after it may have reached the server. */
const MAY_HAVE_ACTED = "; the server may have acted on it — check before repeating";

/** Appended to an error's message when the circuit breaker cut a retry series short. */
const BREAKER_STOPPED = "; no more attempts were made because the circuit breaker opened";

/** A call's id in log events, made when first logged. */
function callIdOf(call: CallContext): string {
  return (call.callId ??= newCallId());
}

/**
 * The id to correlate a log event with: the server's `x-request-id`, else a correlation id the caller sent (headers
 * option or middleware), else the SDK's own id for the call. Bounded and printable: it comes from outside.
 */
function correlationIdOf(answer: Headers | undefined, sent: Headers, call: CallContext): string {
  const id = answer?.get("x-request-id") ?? sent.get("x-request-id") ?? sent.get("x-correlation-id");
  return id && /^[\x21-\x7e]{1,128}$/.test(id) ? id : callIdOf(call);
}

/** The network code (ECONNREFUSED…) an attempt failure or an error's cause carries, if any. */
function errorCodeOf(value: unknown): string | undefined {
  const code = (value as { code?: unknown } | undefined)?.code;
  return typeof code === "string" ? code : undefined;
}

function networkFailure(error: unknown): AttemptFailure {
  const code = networkErrorCode(error);
  const message = code ? `network error ${code}` : "network error";
  return new AttemptFailure("network", isNeverSent(code), message, code);
}
