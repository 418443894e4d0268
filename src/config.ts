// Client options, their defaults, and the YCLIENTS_BACKOFF_* environment variables the Python
// predecessor used. Everything is validated here, once, when a client is constructed.
import { YclientsConfigError } from "./errors.js";
import { optionKeys, refuseUnknownKeys } from "./call-options.js";
import { redactConfigUrl } from "./redact.js";

export const DEFAULT_BASE_URL = "https://api.yclients.com/api/v1";
export const ALTEGIO_BASE_URL = "https://api.alteg.io/api/v1";
export const DEFAULT_ACCEPT = "application/vnd.yclients.v2+json";
export const DEFAULT_TIMEOUT_MS = 5000;
/** Largest error body kept on an error by default, in characters of JSON or text (64 KiB). */
export const DEFAULT_ERROR_BODY_LIMIT = 65_536;

export type HeaderMap = Record<string, string>;

export interface RetryOptions {
  /** Total attempts including the first (env YCLIENTS_BACKOFF_MAX_TRIES, default 3). 1 turns retries off. */
  maxTries?: number;
  /** Delay before the first retry, in seconds (env YCLIENTS_BACKOFF_BASE_DELAY, default 0.5). */
  baseDelay?: number;
  /** Each further retry waits this many times longer (env YCLIENTS_BACKOFF_EXPO_FACTOR, default 2.1). */
  expoFactor?: number;
  /** Randomise each delay within ±50 % so clients do not retry in lockstep (env YCLIENTS_BACKOFF_JITTER, default true). */
  jitter?: boolean;
  /**
   * Also retry operations the spec marks unsafe to repeat (bookings, payments, messages, creation) after a 5xx, a
   * timeout or a reset. Off by default: a payment must never be booked twice. Set it only for a call you know is
   * harmless to send again (the server de-duplicates it, or you check before repeating).
   */
  unsafe?: boolean;
  /** @deprecated Use `unsafe`; still accepted, with the same meaning. */
  nonIdempotent?: boolean;
  /** Longest wait a `Retry-After` header may impose, in ms (default 60 000). */
  maxRetryAfterMs?: number;
}

export interface CircuitBreakerOptions {
  /** Consecutive failures (5xx, network errors, timeouts) that open the circuit (default 5). */
  failures?: number;
  /** How long the circuit stays open before one trial request is let through, in ms (default 10 000). */
  halfOpenAfterMs?: number;
}

export interface BackoffSettings {
  maxTries: number;
  baseDelay: number;
  expoFactor: number;
  jitter: boolean;
}

export interface RetrySettings extends BackoffSettings {
  /** Retry operations that are unsafe to repeat too (`retry.unsafe`, or its old name `nonIdempotent`). */
  unsafe: boolean;
  maxRetryAfterMs: number;
}

export interface BreakerSettings {
  failures: number;
  halfOpenAfterMs: number;
}

export const BACKOFF_DEFAULTS: BackoffSettings = { maxTries: 3, baseDelay: 0.5, expoFactor: 2.1, jitter: true };

type Env = Record<string, string | undefined>;

/** `process.env` where there is one (Node, Bun, Deno with compat); an empty object in browsers and workers. */
export function readEnv(): Env {
  try {
    const candidate = (globalThis as { process?: { env?: Env } }).process;
    return candidate && typeof candidate.env === "object" && candidate.env ? candidate.env : {};
  } catch {
    return {};
  }
}

/** One variable; none where the runtime refuses to show it (Deno without --allow-env throws on each read). */
function envValue(env: Env, name: string): string | undefined {
  try {
    return env[name];
  } catch {
    return undefined;
  }
}

function envNumber(env: Env, name: string, check: (n: number) => boolean, rule: string): number | undefined {
  const raw = envValue(env, name);
  if (raw === undefined || raw.trim() === "") return undefined;
  const value = Number(raw.trim());
  if (!Number.isFinite(value) || !check(value)) {
    throw new YclientsConfigError(`Environment variable ${name} must be ${rule}; got ${JSON.stringify(raw)}`);
  }
  return value;
}

function envBoolean(env: Env, name: string): boolean | undefined {
  const raw = envValue(env, name);
  if (raw === undefined || raw.trim() === "") return undefined;
  const value = raw.trim().toLowerCase();
  if (["1", "true", "yes", "on"].includes(value)) return true;
  if (["0", "false", "no", "off"].includes(value)) return false;
  throw new YclientsConfigError(`Environment variable ${name} must be true or false; got ${JSON.stringify(raw)}`);
}

/** Backoff settings from YCLIENTS_BACKOFF_*, falling back to the defaults. Throws on an unusable value. */
export function backoffFromEnv(env: Env = readEnv()): BackoffSettings {
  return {
    maxTries:
      envNumber(
        env,
        "YCLIENTS_BACKOFF_MAX_TRIES",
        (n) => Number.isInteger(n) && n >= 1 && n <= 20,
        "an integer from 1 to 20",
      ) ?? BACKOFF_DEFAULTS.maxTries,
    baseDelay:
      envNumber(env, "YCLIENTS_BACKOFF_BASE_DELAY", (n) => n >= 0 && n <= 60, "a number of seconds from 0 to 60") ??
      BACKOFF_DEFAULTS.baseDelay,
    expoFactor:
      envNumber(env, "YCLIENTS_BACKOFF_EXPO_FACTOR", (n) => n >= 1 && n <= 10, "a number from 1 to 10") ??
      BACKOFF_DEFAULTS.expoFactor,
    jitter: envBoolean(env, "YCLIENTS_BACKOFF_JITTER") ?? BACKOFF_DEFAULTS.jitter,
  };
}

/** Checks explicit backoff knobs (from options) and lays them over `base`. */
export function mergeBackoff(base: BackoffSettings, options: Partial<BackoffSettings>, label: string): BackoffSettings {
  const out = { ...base };
  if (options.maxTries !== undefined) {
    if (!Number.isInteger(options.maxTries) || options.maxTries < 1 || options.maxTries > 20) {
      throw new YclientsConfigError(`${label}.maxTries must be an integer from 1 to 20`);
    }
    out.maxTries = options.maxTries;
  }
  if (options.baseDelay !== undefined) {
    if (typeof options.baseDelay !== "number" || !(options.baseDelay >= 0 && options.baseDelay <= 60)) {
      throw new YclientsConfigError(`${label}.baseDelay must be a number of seconds from 0 to 60`);
    }
    out.baseDelay = options.baseDelay;
  }
  if (options.expoFactor !== undefined) {
    if (typeof options.expoFactor !== "number" || !(options.expoFactor >= 1 && options.expoFactor <= 10)) {
      throw new YclientsConfigError(`${label}.expoFactor must be a number from 1 to 10`);
    }
    out.expoFactor = options.expoFactor;
  }
  if (options.jitter !== undefined) {
    if (typeof options.jitter !== "boolean") throw new YclientsConfigError(`${label}.jitter must be a boolean`);
    out.jitter = options.jitter;
  }
  return out;
}

/** The keys `retry` takes, checked at run time too (`maxTry` is refused, with "did you mean maxTries"). */
const RETRY_KEYS = /* @__PURE__ */ optionKeys<RetryOptions>({
  maxTries: true,
  baseDelay: true,
  expoFactor: true,
  jitter: true,
  nonIdempotent: true,
  maxRetryAfterMs: true,
  unsafe: true,
});

export function resolveRetry(option: RetryOptions | false | undefined, env: Env = readEnv()): RetrySettings {
  const fromEnv = backoffFromEnv(env);
  if (option === false) return { ...fromEnv, maxTries: 1, unsafe: false, maxRetryAfterMs: 60_000 };
  if (option !== undefined && (option === null || typeof option !== "object")) {
    throw new YclientsConfigError("retry must be an object or false");
  }
  if (option) refuseUnknownKeys(option, RETRY_KEYS, "retry");
  const merged = mergeBackoff(fromEnv, option ?? {}, "retry");
  const maxRetryAfterMs = option?.maxRetryAfterMs ?? 60_000;
  if (!Number.isFinite(maxRetryAfterMs) || maxRetryAfterMs < 0) {
    throw new YclientsConfigError("retry.maxRetryAfterMs must be a non-negative number");
  }
  return { ...merged, unsafe: unsafeOptIn(option ?? {}) ?? false, maxRetryAfterMs };
}

/** `retry.unsafe`, or its deprecated name `nonIdempotent`; undefined when neither is given. */
function unsafeOptIn(option: RetryOptions): boolean | undefined {
  for (const name of ["unsafe", "nonIdempotent"] as const) {
    const value = option[name];
    if (value !== undefined && typeof value !== "boolean") {
      throw new YclientsConfigError(`retry.${name} must be a boolean`);
    }
  }
  if (option.unsafe !== undefined && option.nonIdempotent !== undefined && option.unsafe !== option.nonIdempotent) {
    throw new YclientsConfigError("retry.unsafe and retry.nonIdempotent (its old name) disagree: pass only unsafe");
  }
  return option.unsafe ?? option.nonIdempotent;
}

/** A per-call or derived client's `retry`, applied over the settings it refines (not over the defaults). */
export function refineRetry(base: RetrySettings, option: RetryOptions | false): RetrySettings {
  if (option === false) return { ...base, maxTries: 1 };
  if (option === null || typeof option !== "object") throw new YclientsConfigError("retry must be an object or false");
  refuseUnknownKeys(option, RETRY_KEYS, "retry");
  const maxRetryAfterMs = option.maxRetryAfterMs ?? base.maxRetryAfterMs;
  if (!Number.isFinite(maxRetryAfterMs) || maxRetryAfterMs < 0) {
    throw new YclientsConfigError("retry.maxRetryAfterMs must be a non-negative number");
  }
  return {
    ...mergeBackoff(base, option, "retry"),
    unsafe: unsafeOptIn(option) ?? base.unsafe,
    maxRetryAfterMs,
  };
}

export function resolveBreaker(option: CircuitBreakerOptions | false | undefined): BreakerSettings | undefined {
  if (option === false) return undefined;
  if (option !== undefined && (option === null || typeof option !== "object")) {
    throw new YclientsConfigError("circuitBreaker must be an object or false");
  }
  if (option)
    refuseUnknownKeys(
      option,
      optionKeys<CircuitBreakerOptions>({ failures: true, halfOpenAfterMs: true }),
      "circuitBreaker",
    );
  const failures = option?.failures ?? 5;
  const halfOpenAfterMs = option?.halfOpenAfterMs ?? 10_000;
  if (!Number.isInteger(failures) || failures < 1) {
    throw new YclientsConfigError("circuitBreaker.failures must be a positive integer");
  }
  if (!Number.isFinite(halfOpenAfterMs) || halfOpenAfterMs < 0) {
    throw new YclientsConfigError("circuitBreaker.halfOpenAfterMs must be a non-negative number of milliseconds");
  }
  return { failures, halfOpenAfterMs };
}

export function checkTimeout(value: unknown, label: string): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0 || value > 600_000) {
    throw new YclientsConfigError(`${label} must be a number of milliseconds from 1 to 600000`);
  }
  return value;
}

export function checkErrorBodyLimit(value: unknown): number {
  if (value === undefined) return DEFAULT_ERROR_BODY_LIMIT;
  if (value === Infinity || (typeof value === "number" && Number.isInteger(value) && value >= 256)) return value;
  throw new YclientsConfigError("errorBodyLimit must be an integer of at least 256 (characters), or Infinity");
}

export function checkToken(value: unknown, label: string): string {
  // The value itself is never echoed: it may be a real token with a typo.
  if (typeof value !== "string" || value.trim() === "") {
    throw new YclientsConfigError(`${label} must be a non-empty string`);
  }
  // Spaces and commas would change how the Authorization value splits; a header cannot carry control or
  // non-Latin-1 characters at all (fetch would throw a TypeError quoting the whole value, both tokens included).
  if (/[\s,]/.test(value) || HEADER_UNSAFE.test(value)) {
    throw new YclientsConfigError(
      `${label} must not contain spaces, commas, control characters or characters outside Latin-1`,
    );
  }
  return value;
}

/** Control characters (C0, DEL, C1) and anything above U+00FF: not allowed in (or not meant for) a header value. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const HEADER_UNSAFE = /[\u0000-\u001f\u007f-\u009f\u0100-\uffff]/;

export function checkCompanyId(value: unknown, label: string): number | string {
  if (typeof value === "number" && Number.isInteger(value) && value > 0) return value;
  if (typeof value === "string" && /^[1-9][0-9]*$/.test(value)) return value;
  throw new YclientsConfigError(`${label} must be a positive integer`);
}

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

export function checkHeaders(value: unknown, label: string): HeaderMap {
  if (value === undefined) return {};
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new YclientsConfigError(`${label} must be an object of header names to string values`);
  }
  // A Headers or a Map has no own keys to read: taken as an object, everything it holds would be dropped unsent.
  if ((typeof Headers !== "undefined" && value instanceof Headers) || value instanceof Map) {
    throw new YclientsConfigError(
      `${label} must be a plain object of header names to string values: Object.fromEntries() turns a Headers or a Map into one`,
    );
  }
  const out: HeaderMap = {};
  for (const [name, raw] of Object.entries(value as Record<string, unknown>)) {
    if (!HEADER_NAME.test(name)) {
      // Only the part before the first bad character is quoted: `"X-Key: <secret>"` given as a name stops at ":".
      const valid = /^[!#$%&'*+.^_`|~0-9A-Za-z-]*/.exec(name)![0];
      throw new YclientsConfigError(`${label}: "${valid}…" is not a valid header name`);
    }
    if (name.toLowerCase() === "authorization") {
      throw new YclientsConfigError(`${label} must not set Authorization: use partnerToken and userToken`);
    }
    if (typeof raw !== "string" && typeof raw !== "number" && typeof raw !== "boolean") {
      throw new YclientsConfigError(`${label}.${name} must be a string`);
    }
    // Tab is allowed inside a header value; other control characters and non-Latin-1 text are not.
    if (HEADER_UNSAFE.test(String(raw).replace(/\t/g, ""))) {
      throw new YclientsConfigError(
        `${label}.${name} must not contain control characters or characters outside Latin-1`,
      );
    }
    out[name] = String(raw);
  }
  return out;
}

export function checkBaseUrl(value: unknown): string {
  if (typeof value !== "string") throw new YclientsConfigError("baseUrl must be a string URL");
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    // Quoted to show the mistake, but with credentials and query values masked: they may be tokens.
    throw new YclientsConfigError(`baseUrl is not a valid URL: ${JSON.stringify(redactConfigUrl(value))}`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new YclientsConfigError("baseUrl must be http(s)");
  if (url.username || url.password) throw new YclientsConfigError("baseUrl must not contain credentials");
  return value.replace(/\/+$/, "");
}
