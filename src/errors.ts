// The error classes and the one function that decides which of them a failed exchange becomes.
// Every error is built from already-redacted values: nothing here ever sees a token.
import { gistOfText } from "./text-gist.js";
import type { ValidationFinding } from "./validation/finding.js";

/** Where an error happened: enough to find the request in logs, never a header or a body field that is a secret. */
export interface ErrorContext {
  /** HTTP status, when a response arrived. */
  status?: number;
  method?: string;
  /** The path template as written in the spec, e.g. `/book_dates/{company_id}`. */
  path?: string;
  /** The full URL with secret query values masked. */
  url?: string;
  /** The `x-request-id` response header. */
  requestId?: string;
  /** The parsed response body (secret fields masked), or its text when it was not JSON. */
  body?: unknown;
  /** The envelope's `meta`, when there was one. */
  meta?: unknown;
  /**
   * True when `body` was cut to the client's `errorBodyLimit` (the cut is marked `[TRUNCATED]`), or when the
   * answer was longer than the SDK reads (the message then ends with "body truncated after N bytes").
   */
  bodyTruncated?: boolean;
  /** How many attempts were sent (1 when it was not retried; 0 when the circuit breaker refused the call). */
  attempts?: number;
  cause?: unknown;
}

export class YclientsError extends Error {
  // `declare`: each field is set by the constructor, in this order, so it needs no class-field definition of its own.
  declare readonly status?: number;
  declare readonly method?: string;
  declare readonly path?: string;
  declare readonly url?: string;
  declare readonly requestId?: string;
  declare readonly body?: unknown;
  declare readonly meta?: unknown;
  declare readonly bodyTruncated?: boolean;
  declare readonly attempts?: number;

  constructor(message: string, context: ErrorContext = {}) {
    super(message, context.cause === undefined ? undefined : { cause: context.cause });
    this.status = context.status;
    this.method = context.method;
    this.path = context.path;
    this.url = context.url;
    this.requestId = context.requestId;
    this.body = context.body;
    this.meta = context.meta;
    this.bodyTruncated = context.bodyTruncated ? true : undefined;
    this.attempts = context.attempts;
  }

  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      message: this.message,
      status: this.status,
      method: this.method,
      path: this.path,
      url: this.url,
      requestId: this.requestId,
      body: this.body,
      meta: this.meta,
      bodyTruncated: this.bodyTruncated,
      attempts: this.attempts,
    };
  }
}

/** Bad options or arguments, found before any request is sent. */
export class YclientsConfigError extends YclientsError {}

/** A 4xx answer, or a body with `success: false`. */
export class YclientsClientError extends YclientsError {
  /** Field name mapped to messages, when the API sent `meta.errors`. */
  declare readonly fieldErrors?: Record<string, string[]>;
  /** The numeric error code from the body (`errors.code`), when there is one. */
  declare readonly code?: number;

  constructor(message: string, context: ErrorContext & { fieldErrors?: Record<string, string[]>; code?: number } = {}) {
    super(message, context);
    this.fieldErrors = context.fieldErrors;
    this.code = context.code;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), code: this.code, fieldErrors: this.fieldErrors };
  }
}

/** 401 or 403: a token is missing, wrong, or lacks the rights. */
export class YclientsAuthError extends YclientsClientError {}
/** 404. */
export class YclientsNotFoundError extends YclientsClientError {}
/** 400 or 422 with the field errors in `fieldErrors`. */
export class YclientsValidationError extends YclientsClientError {}
/** An online-booking rule failed: codes 431–438 in `code` (433 = the slot is taken). */
export class YclientsBookingError extends YclientsClientError {}

/** 429 after the retries ran out. */
export class YclientsRateLimitError extends YclientsError {
  /** What `Retry-After` asked for, in milliseconds, when it was sent. */
  declare readonly retryAfterMs?: number;
  constructor(message: string, context: ErrorContext & { retryAfterMs?: number } = {}) {
    super(message, context);
    this.retryAfterMs = context.retryAfterMs;
  }
}

/** 5xx after the retries ran out. */
export class YclientsServerError extends YclientsError {}
/** What a network failure or a timeout adds: whether the server may have read the request. */
export interface TransportFailureContext extends ErrorContext {
  mayHaveReachedServer?: boolean;
}

/** The connection failed (refused, reset, DNS). */
export class YclientsNetworkError extends YclientsError {
  /**
   * True unless the request provably never left (connection refused, DNS failure): the server may have read it and
   * acted. For an operation with effects (a payment, a booking, an SMS) check its outcome before repeating it.
   */
  declare readonly mayHaveReachedServer: boolean;
  constructor(message: string, context: TransportFailureContext = {}) {
    super(message, context);
    this.mayHaveReachedServer = context.mayHaveReachedServer ?? false;
  }

  toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), mayHaveReachedServer: this.mayHaveReachedServer };
  }
}
/** An attempt took longer than `timeoutMs`. */
export class YclientsTimeoutError extends YclientsError {
  /** True: the request may have reached the server, which may still act on it after the SDK stopped waiting. */
  declare readonly mayHaveReachedServer: boolean;
  constructor(message: string, context: TransportFailureContext = {}) {
    super(message, context);
    this.mayHaveReachedServer = context.mayHaveReachedServer ?? true;
  }

  toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), mayHaveReachedServer: this.mayHaveReachedServer };
  }
}
/** The circuit breaker is open: the call failed fast and sent nothing. */
export class YclientsCircuitOpenError extends YclientsError {}
/** A body that should be JSON is not (an HTML page, truncated JSON). */
export class YclientsParseError extends YclientsError {}

/**
 * With `validateResponses: "throw"`: a successful answer that does not match the spec. `findings` says where and
 * how (JSON pointer, expected, the JSON type that came); `body` is the answer, masked and bounded like any error's.
 */
export class YclientsResponseValidationError extends YclientsError {
  declare readonly findings: readonly ValidationFinding[];
  constructor(message: string, context: ErrorContext & { findings?: ValidationFinding[] } = {}) {
    super(message, context);
    this.findings = context.findings ?? [];
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), findings: this.findings };
  }
}

/** Online-booking error codes documented for book_check and book_record. */
export const BOOKING_ERROR_CODES = new Set([431, 432, 433, 434, 435, 436, 437, 438]);

function asRecord(value: unknown): Record<string, any> | undefined {
  return value !== null && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, any>)
    : undefined;
}

/** The human message of an error body: `errors.message`, then `meta.message`. */
export function messageOf(body: unknown): string | undefined {
  const record = asRecord(body);
  const message = asRecord(record?.errors)?.message ?? asRecord(record?.meta)?.message ?? record?.message;
  return typeof message === "string" && message ? message : undefined;
}

/** Longest server message quoted in an error's message; the whole body is in `error.body`. */
const MAX_REASON = 300;

/**
 * What an error message should quote of a failed answer's body: the JSON message, or the gist of a text
 * body (an HTML page's title, else its text without tags), whitespace collapsed and cut to 300 characters.
 */
export function reasonOf(body: unknown): string | undefined {
  const raw = typeof body === "string" ? gistOfText(body) : messageOf(body);
  if (!raw) return undefined;
  // Words joined by single spaces, read only until there are enough: a 20 MB text body costs microseconds.
  let text = "";
  const word = /\S+/g;
  for (let found = word.exec(raw); found; found = word.exec(raw)) {
    text = text ? `${text} ${found[0]}` : found[0];
    if (text.length > MAX_REASON) return `${text.slice(0, MAX_REASON)}…`;
  }
  return text || undefined;
}

/** The end of a client error's message: the server's reason, or what was missing. */
function reasonPhrase(body: unknown): string {
  const reason = reasonOf(body);
  if (reason) return `: ${reason}`;
  if (body === undefined || body === "") return " with an empty body";
  return typeof body === "string" ? " with a body that has no text" : " with no message in the body";
}

function codeOf(body: unknown): number | undefined {
  const record = asRecord(body);
  const raw = asRecord(record?.errors)?.code ?? asRecord(record?.meta)?.code ?? record?.code;
  const code = typeof raw === "string" ? Number(raw) : raw;
  return typeof code === "number" && Number.isInteger(code) ? code : undefined;
}

function fieldErrorsOf(body: unknown): Record<string, string[]> | undefined {
  const errors = asRecord(asRecord(asRecord(body)?.meta)?.errors);
  if (!errors) return undefined;
  const out: Record<string, string[]> = {};
  for (const [field, messages] of Object.entries(errors)) {
    out[field] = (Array.isArray(messages) ? messages : [messages]).map(String);
  }
  return out;
}

/** How many field errors a message names, and how long each may be; the rest stay in `error.fieldErrors`. */
const MESSAGE_FIELDS = 3;
const MAX_FIELD_TEXT = 80;

/**
 * The first few field errors for a message (`phone: неверный формат; email: …; 2 more`), from the already
 * redacted body, each cut short, so a 422 says what was wrong without opening `e.fieldErrors`.
 */
function fieldErrorsPhrase(fieldErrors: Record<string, string[]> | undefined): string {
  const entries = Object.entries(fieldErrors ?? {}).filter(([, messages]) => messages.length);
  if (!entries.length) return "";
  const cut = (text: string) => {
    const flat = text.replace(/\s+/g, " ").trim();
    return flat.length > MAX_FIELD_TEXT ? `${flat.slice(0, MAX_FIELD_TEXT)}…` : flat;
  };
  const shown = entries
    .slice(0, MESSAGE_FIELDS)
    .map(([field, messages]) => `${cut(field)}: ${cut(messages.join(", "))}`);
  const more = entries.length - shown.length;
  return ` (${shown.join("; ")}${more > 0 ? `; ${more} more in fieldErrors` : ""})`;
}

/**
 * Turns a client-side failure (a 4xx, or `success: false` with any status) into the most specific error class.
 * The body must already be redacted; `note` ends the message (that the body was cut while reading).
 */
export function classifyClientError(context: ErrorContext & { status: number }, note = ""): YclientsClientError {
  const { status, body } = context;
  const code = codeOf(body);
  const where = `${context.method ?? ""} ${context.path ?? ""}`.trim();
  const reason = reasonPhrase(body) + note;
  const full = { ...context, code, fieldErrors: fieldErrorsOf(body) };
  if (code !== undefined && BOOKING_ERROR_CODES.has(code)) {
    return new YclientsBookingError(`${where} failed with booking error ${code}${reason}`, full);
  }
  const message = `${where} failed with HTTP ${status}${reason}`;
  if (status === 401 || status === 403) return new YclientsAuthError(message, full);
  if (status === 404) return new YclientsNotFoundError(message, full);
  if (status === 400 || status === 422) {
    return new YclientsValidationError(`${message}${fieldErrorsPhrase(full.fieldErrors)}`, full);
  }
  return new YclientsClientError(message, full);
}

// Names are set on the prototypes rather than from `new.target.name`, so minifiers cannot rename them.
for (const [name, errorClass] of Object.entries({
  YclientsError,
  YclientsConfigError,
  YclientsClientError,
  YclientsAuthError,
  YclientsNotFoundError,
  YclientsValidationError,
  YclientsBookingError,
  YclientsRateLimitError,
  YclientsServerError,
  YclientsNetworkError,
  YclientsTimeoutError,
  YclientsCircuitOpenError,
  YclientsParseError,
  YclientsResponseValidationError,
})) {
  Object.defineProperty(errorClass.prototype, "name", { value: name, writable: true, configurable: true });
}
