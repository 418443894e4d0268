// The `{ success, data, meta }` envelope turned into what friendly methods resolve with.
import type { YclientsClientError } from "./errors.js";

/**
 * Envelope metadata; the API's empty `[]` is normalised to `{}`, and a list of meta objects (documented for
 * the staff positions list) to the one object they make together.
 */
export interface YclientsMeta {
  message?: string;
  total_count?: number;
  count?: number;
  page?: number;
  [key: string]: unknown;
}

interface ResponseFacts {
  /** HTTP status. */
  status: number;
  headers: Headers;
  /** The `x-request-id` response header, for support requests. */
  requestId?: string;
}

export interface YclientsSuccess<T> extends ResponseFacts {
  success: true;
  data: T;
  meta: YclientsMeta;
  error?: undefined;
}

/** What a client with `raiseClientErrors: false` resolves with instead of throwing a client error. */
export interface YclientsFailure extends ResponseFacts {
  success: false;
  data: null;
  meta: YclientsMeta;
  /** The classified error, as it would have been thrown. */
  error: YclientsClientError;
}

/** A friendly method's result. With `raiseClientErrors` (the default) it is always a success. */
export type YclientsResponse<T, Raise extends boolean = true> = Raise extends true
  ? YclientsSuccess<T>
  : YclientsSuccess<T> | YclientsFailure;

const isMetaObject = (value: unknown): value is YclientsMeta =>
  value !== null && typeof value === "object" && !Array.isArray(value);

export function normaliseMeta(meta: unknown): YclientsMeta {
  if (isMetaObject(meta)) return meta;
  // fromEntries defines each key, so a "__proto__" key in an answer stays a plain field.
  return Array.isArray(meta) ? Object.fromEntries(meta.filter(isMetaObject).flatMap(Object.entries)) : {};
}

export function successOf<T>(body: unknown, response: Response): YclientsSuccess<T> {
  // A file answer (PDF receipt…) has no envelope: the Blob is the data.
  if (typeof Blob !== "undefined" && body instanceof Blob) {
    return { success: true, data: body as T, meta: {}, status: response.status, headers: response.headers };
  }
  const envelope = (body ?? {}) as { data?: T; meta?: unknown };
  return {
    success: true,
    data: (envelope.data ?? null) as T,
    meta: normaliseMeta(envelope.meta),
    status: response.status,
    headers: response.headers,
    requestId: response.headers.get("x-request-id") ?? undefined,
  };
}

export function failureOf(error: YclientsClientError, response: Response): YclientsFailure {
  return {
    success: false,
    data: null,
    meta: normaliseMeta(error.meta),
    error,
    status: response.status,
    headers: response.headers,
    requestId: error.requestId,
  };
}
