// The per-call options every call accepts (typed `yc.GET(…)` and friendly methods alike), checked at run time
// the same way as the constructor's and withOptions()'s: an unknown key is refused with a "did you mean".
import { YclientsConfigError } from "./errors.js";
import { suggest } from "./suggest.js";

/** The keys of `CallOptions` (src/types.ts); a key added there is added here. */
export const CALL_OPTION_KEYS = ["userToken", "timeoutMs", "signal", "headers", "retry", "middleware"] as const;

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
