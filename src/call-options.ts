// Option objects are checked the same way everywhere (constructor, withOptions(), every call, typed or friendly,
// and the nested retry / circuitBreaker / rateLimit objects): an unknown key is refused with a "did you mean",
// so a JavaScript caller's `timeout: 5` fails loudly instead of being ignored.
import { YclientsConfigError } from "./errors.js";
import { suggest } from "./suggest.js";
import type { CallOptions } from "./types.js";

/**
 * The keys of an options type, from a literal that must name every one of them: a key added to the type and
 * not here is a compile error, so the run-time check never falls behind the type. Its top-level calls are marked
 * `@__PURE__`, like the package's other top-level calls: a bundle that never checks those options drops them.
 */
export function optionKeys<T>(keys: { readonly [K in keyof Required<T>]: true }): readonly string[] {
  return Object.keys(keys);
}

/** The keys of `CallOptions` (src/types.ts). */
export const CALL_OPTION_KEYS = /* @__PURE__ */ optionKeys<CallOptions>({
  userToken: true,
  timeoutMs: true,
  signal: true,
  headers: true,
  retry: true,
  middleware: true,
  validateResponses: true,
});

/** Refuses keys outside `allowed`, naming the nearest allowed one. */
export function refuseUnknownKeys(value: object, allowed: readonly string[], where: string): void {
  for (const key of Object.keys(value)) {
    if (allowed.includes(key)) continue;
    const near = suggest(key, allowed);
    throw new YclientsConfigError(
      `${where} does not take "${key}"${near ? `; did you mean "${near}"?` : ""} (it takes ${allowed.join(", ")})`,
    );
  }
}

/** A friendly method's options object (`extra` are its own keys: `companyId`, paging options), checked. */
export function checkCallOptions(
  value: unknown,
  where: string,
  extra: readonly string[] = [],
): Record<string, unknown> {
  if (value === undefined) return {};
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new YclientsConfigError(`options of ${where} must be an object`);
  }
  refuseUnknownKeys(value, [...CALL_OPTION_KEYS, ...extra], `options of ${where}`);
  return value as Record<string, unknown>;
}
