// The error classes, the whole of what the package exports from here (src/index.ts re-exports this module);
// which class a failed exchange becomes is decided in classify-error.ts. Every error is built from
// already-redacted values: nothing here ever sees a token.
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

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), retryAfterMs: this.retryAfterMs };
  }
}

/** 5xx after the retries ran out. */
export class YclientsServerError extends YclientsError {}
/** What a network failure or a timeout adds: whether the server may have read the request. */
interface TransportFailureContext extends ErrorContext {
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
