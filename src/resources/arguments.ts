// Argument checks of the friendly methods: they fail before anything is sent, and never echo a value
// that may be a secret.
import { YclientsConfigError } from "../errors.js";

/** A required string argument; the value is never echoed because it may be a secret. */
export function requireString(value: unknown, name: string): string {
  if (typeof value !== "string" || value.trim() === "") {
    throw new YclientsConfigError(`${name} must be a non-empty string`);
  }
  return value;
}

/** A required positive integer id (numeric strings are accepted, as the API itself sends them). */
export function requireId(value: unknown, name: string): number {
  const n = typeof value === "string" && /^[0-9]+$/.test(value) ? Number(value) : value;
  if (typeof n !== "number" || !Number.isInteger(n) || n <= 0) {
    throw new YclientsConfigError(`${name} must be a positive integer`);
  }
  return n;
}

/** A calendar date argument: a `YYYY-MM-DD` string or a Date (its local calendar day). */
export function requireDate(value: unknown, name: string): string {
  if (value instanceof Date && !Number.isNaN(value.getTime())) {
    const pad = (n: number) => String(n).padStart(2, "0");
    return `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`;
  }
  if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value))) return value;
  throw new YclientsConfigError(`${name} must be a YYYY-MM-DD string or a Date`);
}

/** An optional plain object argument (query or body). */
export function optionalObject<T extends object>(value: T | undefined, name: string): T | undefined {
  if (value === undefined) return undefined;
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new YclientsConfigError(`${name} must be an object`);
  }
  return value;
}

/** A required JSON body object. */
export function requireBody<T>(body: T): T {
  if (body === null || typeof body !== "object") throw new YclientsConfigError("body must be an object");
  return body;
}
