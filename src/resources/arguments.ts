// Argument checks of the friendly methods: they fail before anything is sent, say what they got, and never
// echo a value that may be a secret.
import { formatYclientsDate } from "../dates.js";
import { YclientsConfigError } from "../errors.js";

/** Names whose values are never quoted in an error: tokens, passwords, codes and their kin. */
const SECRET_NAME = /token|password|passwd|secret|code|login|uuid|hash|2fa/i;

/** What an error message says it got: a short quote of the value, or only its kind for a secret. */
export function got(value: unknown, name: string): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (SECRET_NAME.test(name))
    return typeof value === "string" ? `a string of ${value.length} characters` : typeof value;
  if (typeof value === "string") {
    const quoted = JSON.stringify(value);
    return quoted.length > 42 ? `${quoted.slice(0, 39)}…"` : quoted;
  }
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
  if (Array.isArray(value)) return "an array";
  if (value instanceof Date) return "an invalid Date";
  return typeof value === "object" ? "an object" : typeof value;
}

/** A required string argument; a secret's value is never echoed. */
export function requireString(value: unknown, name: string): string {
  if (typeof value !== "string" || value.trim() === "") {
    throw new YclientsConfigError(`${name} must be a non-empty string, got ${got(value, name)}`);
  }
  return value;
}

/** A required positive integer id (numeric strings are accepted, as the API itself sends them). */
export function requireId(value: unknown, name: string): number {
  const n = typeof value === "string" && /^[0-9]+$/.test(value) ? Number(value) : value;
  if (typeof n !== "number" || !Number.isSafeInteger(n) || n <= 0) {
    throw new YclientsConfigError(`${name} must be a positive integer, got ${got(value, name)}`);
  }
  return n;
}

/** A calendar day: any date form the API hands out, written as `YYYY-MM-DD` (see `formatYclientsDate`). */
export function requireDate(value: unknown, name: string, format: "date" | "date-time" = "date"): string {
  const text = formatYclientsDate(value, format);
  if (text === undefined) {
    const forms = format === "date" ? "YYYY-MM-DD" : "an ISO datetime";
    throw new YclientsConfigError(
      `${name} must be a date (${forms}, a Date or Unix seconds, as the API sends them), got ${got(value, name)}`,
    );
  }
  return text;
}

/** An optional plain object argument (params, options). */
export function optionalObject<T extends object>(value: T | undefined, name: string): T | undefined {
  if (value === undefined) return undefined;
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new YclientsConfigError(`${name} must be an object, got ${got(value, name)}`);
  }
  return value;
}

/** A required query parameter of `params`: present and not empty. */
export function requiredParam(value: unknown, name: string): void {
  if (value === undefined || value === null || value === "")
    throw new YclientsConfigError(`params.${name} is required`);
}

/** A credential in `params` (login, password, code): a non-empty string or number, never quoted. */
export function checkCredential(value: unknown, name: string): void {
  if (value === undefined || (typeof value === "string" && value.trim() !== "") || typeof value === "number") return;
  throw new YclientsConfigError(`params.${name} must be a non-empty string, got ${got(value, name)}`);
}

/** A body passed positionally (a JSON array or another non-object JSON value). */
export function requireBodyValue(value: unknown, array: boolean, required = true): unknown {
  if (value === undefined && !required) return undefined;
  if (array ? !Array.isArray(value) : value === undefined) {
    throw new YclientsConfigError(`body must be ${array ? "an array" : "given"}, got ${got(value, "body")}`);
  }
  return value;
}

/** A multipart upload: a FormData sent as it is. */
export function requireForm(value: unknown): FormData {
  if (typeof FormData === "undefined" || !(value instanceof FormData)) {
    throw new YclientsConfigError(`form must be a FormData with the file to upload, got ${got(value, "form")}`);
  }
  return value;
}
