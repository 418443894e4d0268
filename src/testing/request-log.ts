// The record of what reached the simulator, for tests to assert on. Secrets never enter it:
// the Authorization value keeps only its scheme words and secret body fields are masked.
// Masking rules are the SDK's own (src/redact.ts), so the SDK and its simulator agree on what a secret is.
import { REDACTED, isSecretField, redactAuthorization } from "../redact.js";
import { maskWebhookUrl } from "./url-mask.js";

export interface RecordedRequest {
  /** The `x-request-id` the answer carried. */
  id: string;
  /** Arrival time, ms since the epoch. */
  time: number;
  method: string;
  /** Path relative to `/api/v1` (the raw path when the request was outside it). */
  path: string;
  /** The matched operation as `"METHOD /template"`, when the path is in the spec. */
  route?: string;
  operationId?: string;
  query: Record<string, string | string[]>;
  headers: Record<string, string>;
  /** Parsed JSON or form body with secrets masked; a note instead of large or unparsable bodies. */
  body: unknown;
  /** Status of the answer; undefined until it is sent, or when the socket was reset. */
  status?: number;
}

const SECRET_HEADER = /^(authorization|cookie|proxy-authorization|x-partner-token)$/;
/** Bodies larger than this are summarised, so 10,000 kept requests stay small. */
const MAX_LOGGED_BODY = 8 * 1024;
const MAX_DEPTH = 16;
const WEBHOOK_URL_FIELD = /^(urls|webhook_urls|webhook_url)$/;

const maskUrls = (value: unknown): unknown =>
  typeof value === "string" ? maskWebhookUrl(value) : Array.isArray(value) ? value.map(maskUrls) : value;

export function redactBody(value: unknown, depth = 0): unknown {
  if (value === null || typeof value !== "object") return value;
  if (depth >= MAX_DEPTH) return "[TOO DEEP]";
  if (Array.isArray(value)) return value.map((v) => redactBody(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    // What was sent: a `code` of any type is the SMS code.
    const secret = v !== null && typeof v !== "object" && isSecretField(key, String(v));
    // Webhook URLs (`/hooks_settings`, marketplace callbacks) carry the partner's secret.
    if (WEBHOOK_URL_FIELD.test(key)) out[key] = maskUrls(v);
    else out[key] = secret ? REDACTED : redactBody(v, depth + 1);
  }
  return out;
}

export function redactHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, raw] of Object.entries(headers)) {
    if (raw === undefined) continue;
    const value = Array.isArray(raw) ? raw.join(", ") : raw;
    if (name === "authorization") out[name] = redactAuthorization(value);
    else out[name] = SECRET_HEADER.test(name) ? REDACTED : value;
  }
  return out;
}

export function loggedBody(rawLength: number, parsed: unknown, parseFailed: boolean): unknown {
  if (rawLength === 0) return undefined;
  if (parseFailed) return `[unparsable body of ${rawLength} bytes]`;
  if (rawLength > MAX_LOGGED_BODY) return `[body of ${rawLength} bytes]`;
  return redactBody(parsed);
}

export function queryObject(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const all = isSecretField(key, "") ? [REDACTED] : params.getAll(key);
    out[key] = all.length === 1 ? all[0] : all;
  }
  return out;
}

/**
 * Appends to a bounded log (the requests, the webhook deliveries): the newest `max` entries, oldest first. The
 * array is changed in place, so the one a test holds stays the log.
 */
export function keepNewest<T>(log: T[], entry: T, max: number): void {
  log.push(entry);
  if (log.length > max) log.splice(0, log.length - max);
}
