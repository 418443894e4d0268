// The one function that decides which error class a failed answer becomes, and the readers of an answer's
// message, reason and field errors it uses. Every value it sees is already redacted: never a token.
import { gistOfText } from "./text-gist.js";
import {
  YclientsAuthError,
  YclientsBookingError,
  YclientsClientError,
  YclientsNotFoundError,
  YclientsValidationError,
  type ErrorContext,
} from "./errors.js";

/** Online-booking error codes documented for book_check and book_record. */
const BOOKING_ERROR_CODES = new Set([431, 432, 433, 434, 435, 436, 437, 438]);

function asRecord(value: unknown): Record<string, any> | undefined {
  return value !== null && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, any>)
    : undefined;
}

/** The human message of an error body: `errors.message`, then `meta.message`. */
function messageOf(body: unknown): string | undefined {
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
