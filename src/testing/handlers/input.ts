// Reading loosely typed request input the way a PHP backend does: numbers may arrive as
// strings, lists as `ids[]=1&ids[]=2`, `ids=1&ids=2` or `ids=1,2`.
import { normalizePhone } from "../state.js";

export function toInt(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isInteger(value) ? value : undefined;
  if (typeof value === "string" && /^\s*-?\d+\s*$/.test(value)) return Number(value);
  return undefined;
}

/** All integer ids under `name` in the query; undefined when there are none. */
export function queryIds(query: URLSearchParams, name: string): number[] | undefined {
  const raw = [...query.getAll(name), ...query.getAll(`${name}[]`)].flatMap((v) => v.split(","));
  const ids = raw.map(toInt).filter((n): n is number => n !== undefined);
  return raw.length ? ids : undefined;
}

export function queryInt(query: URLSearchParams, name: string): number | undefined {
  const value = query.get(name);
  return value === null || value === "" ? undefined : toInt(value);
}

/** Phone numbers are digits with optional `+`, spaces, dashes and brackets; 10–15 digits. */
export function validPhone(value: unknown): string | undefined {
  if (typeof value !== "string" && typeof value !== "number") return undefined;
  if (!/^\+?[\d\s()-]+$/.test(String(value).trim())) return undefined;
  const digits = normalizePhone(value);
  return digits.length >= 10 && digits.length <= 15 ? digits : undefined;
}

export const isObject = (value: unknown): value is Record<string, any> =>
  value !== null && typeof value === "object" && !Array.isArray(value);

export const text = (value: unknown): string =>
  typeof value === "string" ? value.trim() : typeof value === "number" ? String(value) : "";
