// Lookups in the generated operation table, and the path-parameter checks openapi-fetch does not do
// (it would silently leave `{company_id}` in the URL).
import { operations, type OperationInfo } from "../generated/operations.js";
import { YclientsConfigError } from "./errors.js";

const byKey = new Map<string, OperationInfo>(operations.map((op) => [`${op.method} ${op.path}`, op]));

export function findOperation(method: string, path: string): OperationInfo | undefined {
  return byKey.get(`${method} ${path}`);
}

const PARAM = /\{([^}]+)\}/g;

/** Throws when a `{name}` of the template has no usable value. Values are encoded later by openapi-fetch. */
export function checkPathParams(method: string, path: string, params: Record<string, unknown> | undefined): void {
  for (const match of path.matchAll(PARAM)) {
    const name = match[1];
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
