// Lookups in the generated operation table, and the path-parameter checks openapi-fetch does not do
// (it would silently leave `{company_id}` in the URL).
import { operations, type OperationInfo } from "../generated/operations.js";
import { YclientsConfigError } from "./errors.js";

const byKey = new Map<string, OperationInfo>(operations.map((op) => [`${op.method} ${op.path}`, op]));

export function findOperation(method: string, path: string): OperationInfo | undefined {
  return byKey.get(`${method} ${path}`);
}

const PARAM = /\{([^}]+)\}/g;
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
