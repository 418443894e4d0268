// The `validateResponses` option: its values and their check. Kept apart from the validator itself, which is
// loaded only when the option is on, so a client that never turns it on carries none of it.
import { YclientsConfigError } from "../errors.js";

/**
 * Whether answers are checked against the spec the package ships: `false` (the default) does nothing, `"warn"`
 * logs each mismatch once per operation, status and location, `"throw"` rejects with a
 * `YclientsResponseValidationError`.
 */
export type ValidateResponses = false | "warn" | "throw";

export function checkValidateResponses(value: unknown, label: string): ValidateResponses {
  if (value === false || value === "warn" || value === "throw") return value;
  throw new YclientsConfigError(`${label} must be false, "warn" or "throw"`);
}
