// What the client needs to know per operation, from the compact generated facts (not the full table, so the
// typed-only bundle stays the same size as the API grows), and the path-parameter checks openapi-fetch does not
// do (it would silently leave `{company_id}` in the URL).
import { FACT, hostRootedPrefixes, operationFacts } from "../generated/operations.js";
import { YclientsConfigError } from "./errors.js";

const PARAM = /\{([^}]+)\}/g;

/** Path template → its key in `operationFacts` (parameter names left out), kept: it is read several times per call. */
const factKeys = new Map<string, string>();

/** The operation's facts as bits of `FACT`; 0 (every default) for an operation the spec does not have. */
export function factsOf(method: string, path: string): number {
  let key = factKeys.get(path);
  if (key === undefined) {
    key = path.replace(PARAM, "{}");
    // Typed paths are a fixed set; only a caller inventing paths could grow this, so cap it anyway.
    if (factKeys.size < 1000) factKeys.set(path, key);
  }
  const facts = Object.hasOwn(operationFacts, key) ? operationFacts[key] : undefined;
  return facts && Object.hasOwn(facts, method) ? facts[method] : 0;
}

/** True unless the spec says the operation works with the partner token alone (unknown paths need one too). */
export function needsUserToken(method: string, path: string): boolean {
  return (factsOf(method, path) & FACT.userTokenFree) === 0;
}

/**
 * Whether sending the operation twice is harmless, from its `x-idempotent` in the spec. The generated facts list
 * only the operations that differ from "GET and HEAD are safe, every other method is not", which is also the
 * answer for a path the spec does not have: a PUT outside the spec is not retried.
 */
export function isIdempotent(method: string, path: string): boolean {
  const upper = method.toUpperCase();
  const byMethod = upper === "GET" || upper === "HEAD";
  return factsOf(upper, path) & FACT.retryClassException ? !byMethod : byMethod;
}

/** True when the operation answers with a file (PDF, image…) rather than JSON. */
export function isBinaryAnswer(method: string, path: string): boolean {
  return (factsOf(method, path) & FACT.binaryAnswer) !== 0;
}

/** True for `/api/v2/...` and `/marketplace/...`: sent to the origin of the base URL, not under `/api/v1`. */
export function isHostRooted(path: string): boolean {
  return hostRootedPrefixes.some((prefix) => path.startsWith(prefix));
}

const paramNamesByPath = new Map<string, string[]>();

function paramNames(path: string): string[] {
  let names = paramNamesByPath.get(path);
  if (!names) {
    names = Array.from(path.matchAll(PARAM), (match) => match[1]);
    // Typed paths are a fixed set; only a caller inventing paths could grow this, so cap it anyway.
    if (paramNamesByPath.size < 1000) paramNamesByPath.set(path, names);
  }
  return names;
}

/** Throws when a `{name}` of the template has no usable value. Values are encoded later by openapi-fetch. */
export function checkPathParams(method: string, path: string, params: Record<string, unknown> | undefined): void {
  for (const name of paramNames(path)) {
    const value = params?.[name];
    const where = `${method} ${path}`;
    if (value === undefined || value === null) {
      throw new YclientsConfigError(`${where}: path parameter "${name}" is missing`);
    }
    if (typeof value === "number") {
      if (!Number.isFinite(value))
        throw new YclientsConfigError(`${where}: path parameter "${name}" must be a finite number`);
      continue;
    }
    if (typeof value !== "string") {
      throw new YclientsConfigError(`${where}: path parameter "${name}" must be a string or a number`);
    }
    // "." and ".." survive percent-encoding and URL parsers resolve them as directory steps.
    if (value === "" || value === "." || value === "..") {
      throw new YclientsConfigError(`${where}: path parameter "${name}" must not be empty, "." or ".."`);
    }
  }
}
