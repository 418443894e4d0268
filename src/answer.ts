// What openapi-fetch handed back, sorted into a success or a client error: JSON parsed once, the envelope
// checked against what the spec promises, `success: false` and 4xx classified into typed errors.
import { FACT } from "../generated/operations.js";
import { factsOf, isHostRooted } from "./operations.js";
import { classifyClientError } from "./classify-error.js";
import { YclientsParseError, type ErrorContext, type YclientsClientError } from "./errors.js";
import { truncationNote } from "./transport/kept-response.js";
import { MAX_ANSWER_BYTES } from "./transport/read-body.js";
import type { CallContext, Transport } from "./transport/transport.js";

/** The outcome of one call before it is shaped for the typed or the friendly API. */
export type CallOutcome =
  | { ok: true; body: unknown; response: Response }
  | { ok: false; error: YclientsClientError; body: unknown; response: Response };

/** openapi-fetch's result with `parseAs: "text"`: the text of a 2xx, or the (JSON-parsed if possible) error. */
export interface FetchResult {
  /** Text, or a Blob for operations that answer with a file. */
  data?: string | Blob;
  error?: unknown;
  response: Response;
}

/** What an error about this answer carries: where it came from and its body, masked and bounded. */
export function answerErrorContext(
  transport: Transport,
  call: CallContext,
  response: Response,
  raw: unknown,
  cut = false,
): ErrorContext {
  const { body, meta, truncated } = transport.errorBody(raw, call);
  return {
    status: response.status,
    method: call.method,
    path: call.path,
    url: transport.urlOf(call),
    requestId: transport.requestIdOf(response, call),
    attempts: call.attempts,
    body,
    meta,
    bodyTruncated: truncated || cut || undefined,
  };
}

export function classifyAnswer(result: FetchResult, call: CallContext, transport: Transport): CallOutcome {
  const { response } = result;
  // "; body truncated after N bytes" when the transport stopped reading a body over its bound.
  const cut = truncationNote(response);
  // Only failures need the error context; a success should not pay for it.
  const context = (raw: unknown): ErrorContext => answerErrorContext(transport, call, response, raw, cut !== "");
  if (response.ok) {
    if (cut) {
      // Half a body is no answer: a cut JSON page or file must not pass for the whole.
      const limit = `${MAX_ANSWER_BYTES / 1024 / 1024} MiB`;
      const where = `${call.method} ${call.path} answered HTTP ${response.status}`;
      throw new YclientsParseError(`${where} with a body larger than the ${limit} the SDK reads${cut}`, context(""));
    }
    if (typeof result.data === "object" && result.data !== null) return { ok: true, body: result.data, response };
    const text = result.data;
    const where = `${call.method} ${call.path} answered HTTP ${response.status}`;
    if (!text) {
      // 204, or an empty body where the spec documents one with no content: nothing to read.
      if (response.status === 204 || factsOf(call.method, call.path) & FACT.emptyAnswer) {
        return { ok: true, body: undefined, response };
      }
      throw new YclientsParseError(`${where} with an empty body where the API sends a JSON envelope`, context(""));
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new YclientsParseError(`${where} with a body that is not valid JSON`, context(text));
    }
    // `/api/v2` (JSON:API `{data, meta}`) and `/marketplace` answers have no v1 `success` flag: 2xx is success.
    if (isHostRooted(call.path)) return { ok: true, body, response };
    // `x-envelope: optional` (the analytics charts, operations the docs show bare): an answer without the
    // envelope is the `data` of the envelope callers get.
    if (!hasSuccessFlag(body) && factsOf(call.method, call.path) & FACT.bareAnswer) {
      return { ok: true, body: { success: true, data: body, meta: [] }, response };
    }
    const success = isEnvelope(body) ? (body as { success: unknown }).success : undefined;
    if (success === true) return { ok: true, body, response };
    if (success === false) {
      const error = classifyClientError(context(body) as ErrorContext & { status: number }, cut);
      return { ok: false, error, body, response };
    }
    throw new YclientsParseError(
      `${where} with JSON that is not the {success, data, meta} envelope (${shapeOf(body)})`,
      context(body),
    );
  }
  const error = classifyClientError(context(result.error) as ErrorContext & { status: number }, cut);
  return { ok: false, error, body: result.error, response };
}

function hasSuccessFlag(body: unknown): boolean {
  return isEnvelope(body) && typeof (body as { success?: unknown }).success === "boolean";
}

function isEnvelope(body: unknown): boolean {
  return body !== null && typeof body === "object" && !Array.isArray(body);
}

/** A short name for what arrived instead of the envelope, for the error message. */
function shapeOf(body: unknown): string {
  if (body === null) return "null";
  if (Array.isArray(body)) return "an array";
  if (typeof body === "object") return "an object without a boolean success";
  return `a ${typeof body}`;
}
