// "Should this be retried?" and "does this count against the breaker?" as small pure functions,
// kept apart from the loop that acts on them so tests can call them directly.

/** Why an attempt produced no response. */
export type AttemptFailureKind = "timeout" | "network";

/** An attempt that ended without a response: a timeout or a connection failure. Internal to the transport. */
export class AttemptFailure extends Error {
  constructor(
    readonly kind: AttemptFailureKind,
    /** True when the request certainly never reached the server (connection refused, DNS failure). */
    readonly neverSent: boolean,
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

/** Error codes that prove the request never left this machine. */
const NEVER_SENT_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ENETUNREACH",
  "EHOSTUNREACH",
  "UND_ERR_CONNECT_TIMEOUT",
]);

/** The system error code of a fetch failure (undici nests it in `cause`). */
export function networkErrorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === "object"; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

export function isNeverSent(code: string | undefined): boolean {
  return code !== undefined && NEVER_SENT_CODES.has(code);
}

/** The retry class of a call: its operation's `x-idempotent` as the client found it, else the method rule. */
export function isRepeatable(call: { method: string; idempotent?: boolean }): boolean {
  if (call.idempotent !== undefined) return call.idempotent;
  const method = call.method.toUpperCase();
  return method === "GET" || method === "HEAD";
}

/**
 * Whether sending the request twice is harmless: the operation's retry class from the spec (`x-idempotent`), not
 * its method (a PUT that books a payment is not), or any operation when the caller opted in with `retry.unsafe`.
 */
export function isSafeToRepeat(call: { method: string; idempotent?: boolean }, unsafeOptIn: boolean): boolean {
  return unsafeOptIn || isRepeatable(call);
}

/**
 * Whether an attempt's outcome should be retried. A 429 is always retried (the server refused before doing
 * anything); 5xx, timeouts and resets only when repeating is safe; a connection that never opened always.
 */
export function shouldRetry(safe: boolean, outcome: Response | unknown): boolean {
  if (outcome instanceof Response) {
    if (outcome.status === 429) return true;
    return safe && outcome.status >= 500;
  }
  if (outcome instanceof AttemptFailure) return safe || outcome.neverSent;
  return false;
}

/** Whether an attempt's outcome counts as a failure for the circuit breaker: 5xx, timeouts, network errors. */
export function isBreakerFailure(outcome: Response | unknown): boolean {
  if (outcome instanceof Response) return outcome.status >= 500;
  return outcome instanceof AttemptFailure;
}
