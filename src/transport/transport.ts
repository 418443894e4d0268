// The `fetch` handed to openapi-fetch. For each request it sets the headers, then runs attempts
// through the retry loop, each attempt through the circuit breaker with its own timeout, and turns
// a final 5xx/429 or a failed connection into a typed error.
import { BrokenCircuitError, IsolatedCircuitError, type CircuitBreakerPolicy } from "cockatiel";
import type { BreakerSettings, RetrySettings } from "../config.js";
import {
  YclientsCircuitOpenError,
  YclientsNetworkError,
  YclientsRateLimitError,
  YclientsServerError,
  YclientsTimeoutError,
  type ErrorContext,
} from "../errors.js";
import { log } from "../log.js";
import type { RateLimiter } from "../ratelimit/limiter.js";
import { redactBody, redactText, redactUrl, secretValues } from "../redact.js";
import { authorizationValue } from "./auth.js";
import { parseRetryAfter } from "./backoff.js";
import { createBreaker } from "./breaker.js";
import { AttemptFailure, isNeverSent, isSafeToRepeat, networkErrorCode, shouldRetry } from "./decisions.js";
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
}

/** What one call knows about itself; `attempts` is filled in by the transport. */
export interface CallContext {
  method: string;
  /** Path template, for logs and errors. */
  path: string;
  userToken?: string;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** The JSON body sent, kept only so its secret fields can be masked if an answer echoes them. */
  body?: unknown;
  /** The request as openapi-fetch built it; set by the transport, read only to describe a failure. */
  request?: Request;
  attempts: number;
}

const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

/** The abort reason of a timed-out attempt. A shared symbol, not an Error: capturing a stack per call costs ~30 µs. */
const TIMED_OUT = Symbol("yclients.timeout");

/**
 * Lets the answer's body, already read inside the attempt, be read again by openapi-fetch and by the caller.
 * Wrapping the text in a new Response would cost a stream round trip per request (most of the SDK's
 * overhead on a 50-record page, measured in BENCHMARKS.md); shadowing the readers costs nothing.
 */
function keepBody(response: Response, text: string): Response {
  Object.defineProperty(response, "text", { value: () => Promise.resolve(text) });
  Object.defineProperty(response, "json", { value: () => Promise.resolve(text).then(JSON.parse) });
  return response;
}
const MAX_TEXT_IN_ERROR = 2000;

/** The URL of a call's request with secret query values masked, for errors. */
export function requestUrl(call: CallContext): string | undefined {
  return call.request ? redactUrl(call.request.url) : undefined;
}

export class Transport {
  readonly breaker?: CircuitBreakerPolicy;
  private readonly repeatable: RetryRunner<Response>;
  private readonly unrepeatable: RetryRunner<Response>;

  constructor(private readonly settings: TransportSettings) {
    this.breaker = settings.breaker ? createBreaker(settings.breaker) : undefined;
    this.repeatable = this.runner(true);
    this.unrepeatable = settings.retry.nonIdempotent ? this.repeatable : this.runner(false);
  }

  private runner(safe: boolean): RetryRunner<Response> {
    const maxRetryAfter = this.settings.retry.maxRetryAfterMs;
    return new RetryRunner<Response>(this.settings.retry, {
      retryError: (error) => shouldRetry(safe, error),
      retryResult: (response) => shouldRetry(safe, response),
      requestedDelay: (outcome) => {
        if (!(outcome instanceof Response) || outcome.status !== 429) return undefined;
        const wait = parseRetryAfter(outcome.headers.get("retry-after"));
        return wait === undefined ? undefined : Math.min(wait, maxRetryAfter);
      },
      onRetry: ({ attempt, delayMs, outcome }) => {
        if (!log.retry.enabled) return;
        const why = outcome instanceof Response ? `HTTP ${outcome.status}` : (outcome as AttemptFailure).kind;
        log.retry(
          "attempt %d of %d after %s, waiting %dms",
          attempt,
          this.settings.retry.maxTries,
          why,
          Math.round(delayMs),
        );
      },
    });
  }

  /** Sends `request` as one call; resolves with the final 2xx/3xx/4xx response, its body already read. */
  async send(request: Request, call: CallContext): Promise<Response> {
    call.request = request;
    request.headers.set("Authorization", authorizationValue(this.settings.partnerToken, call.userToken));
    if (!request.headers.has("Accept")) request.headers.set("Accept", this.settings.accept);
    if (this.settings.userAgent) request.headers.set("User-Agent", this.settings.userAgent);

    const runner = isSafeToRepeat(call.method, this.settings.retry.nonIdempotent) ? this.repeatable : this.unrepeatable;
    let response: Response;
    try {
      response = await runner.run((attempt) => {
        call.attempts = attempt;
        // Quota is taken right before each attempt, retries included; the attempt's timeout starts only after.
        const limiter = this.settings.rateLimiter;
        const send = limiter
          ? () => limiter.run(() => this.attempt(request, call), call, call.timeoutMs ?? this.settings.timeoutMs)
          : () => this.attempt(request, call);
        return this.breaker ? this.breaker.execute(send) : send();
      }, call.signal);
    } catch (error) {
      throw this.translate(error, call);
    }
    if (response.status === 429 || response.status >= 500) throw await this.finalError(response, call);
    return response;
  }

  /** One attempt: a fresh copy of the request, its own timeout, the whole body read inside that timeout. */
  private async attempt(template: Request, call: CallContext): Promise<Response> {
    const timeoutMs = call.timeoutMs ?? this.settings.timeoutMs;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(TIMED_OUT), timeoutMs);
    const outer = call.signal;
    const onOuterAbort = () => controller.abort(outer!.reason);
    if (outer) {
      if (outer.aborted) controller.abort(outer.reason);
      else outer.addEventListener("abort", onOuterAbort, { once: true });
    }
    const started = Date.now();
    try {
      // fetch copies the Request anyway; only a body must be cloned, or the next attempt would find it used.
      const input = template.body === null ? template : template.clone();
      const raw = await this.settings.fetch(input, { signal: controller.signal });
      const response = NULL_BODY_STATUSES.has(raw.status) ? raw : keepBody(raw, await raw.text());
      if (log.http.enabled) {
        log.http(
          "%s %s -> %d in %dms (attempt %d, request id %s)",
          call.method,
          call.path,
          raw.status,
          Date.now() - started,
          call.attempts,
          raw.headers.get("x-request-id") ?? "-",
        );
      }
      return response;
    } catch (error) {
      if (outer?.aborted) throw outer.reason;
      const failure =
        controller.signal.reason === TIMED_OUT
          ? new AttemptFailure("timeout", false, `no response within ${timeoutMs}ms`)
          : networkFailure(error);
      if (log.http.enabled) {
        log.http(
          "%s %s -> %s after %dms (attempt %d)",
          call.method,
          call.path,
          failure.message,
          Date.now() - started,
          call.attempts,
        );
      }
      throw failure;
    } finally {
      clearTimeout(timer);
      outer?.removeEventListener("abort", onOuterAbort);
    }
  }

  /** Every secret of a call (tokens, password, SMS code); worked out only when an error is being built. */
  secretsOf(call: CallContext): string[] {
    return [this.settings.partnerToken, ...(call.userToken ? [call.userToken] : []), ...secretValues(call.body)];
  }

  private context(call: CallContext, extra: Partial<ErrorContext> = {}): ErrorContext {
    return { method: call.method, path: call.path, url: requestUrl(call), attempts: call.attempts, ...extra };
  }

  private translate(error: unknown, call: CallContext): unknown {
    const where = `${call.method} ${call.path}`;
    if (error instanceof AttemptFailure) {
      const suffix = call.attempts > 1 ? ` after ${call.attempts} attempts` : "";
      if (error.kind === "timeout") {
        return new YclientsTimeoutError(`${where} timed out: ${error.message}${suffix}`, this.context(call));
      }
      return new YclientsNetworkError(`${where} could not reach the server: ${error.message}${suffix}`, {
        ...this.context(call),
        cause: { code: error.code },
      });
    }
    if (error instanceof BrokenCircuitError || error instanceof IsolatedCircuitError) {
      return new YclientsCircuitOpenError(
        `${where} was not sent: the circuit breaker is open after repeated failures`,
        this.context(call),
      );
    }
    return error;
  }

  private async finalError(response: Response, call: CallContext): Promise<Error> {
    const text = await response.text();
    let body: unknown = undefined;
    if (text) {
      try {
        body = redactBody(JSON.parse(text), this.secretsOf(call));
      } catch {
        body = redactText(text.slice(0, MAX_TEXT_IN_ERROR), this.secretsOf(call));
      }
    }
    const meta = body && typeof body === "object" ? (body as { meta?: unknown }).meta : undefined;
    const context = this.context(call, {
      status: response.status,
      requestId: response.headers.get("x-request-id") ?? undefined,
      body,
      meta,
    });
    const tries = call.attempts === 1 ? "1 attempt" : `${call.attempts} attempts`;
    if (response.status === 429) {
      const retryAfterMs = parseRetryAfter(response.headers.get("retry-after"));
      return new YclientsRateLimitError(`${call.method} ${call.path} was rate limited (HTTP 429) after ${tries}`, {
        ...context,
        retryAfterMs,
      });
    }
    return new YclientsServerError(
      `${call.method} ${call.path} failed with HTTP ${response.status} after ${tries}`,
      context,
    );
  }
}

function networkFailure(error: unknown): AttemptFailure {
  const code = networkErrorCode(error);
  const message = code ? `network error ${code}` : "network error";
  return new AttemptFailure("network", isNeverSent(code), message, code);
}
