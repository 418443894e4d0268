// Where a client finds the response validator. The validator and the spec ship as their own entry
// (`yclients-client/validation`), never inside the client's bundle. Importing that entry registers its loader here;
// the key lives on `globalThis` because the client and the entry are separate bundles with separate module scopes.
import type { SpecValidator } from "./response-validator.js";

export type SpecValidatorLoader = () => Promise<SpecValidator>;

const KEY = Symbol.for("yclients-client.specValidator");

export function registerSpecValidator(load: SpecValidatorLoader): void {
  (globalThis as Record<symbol, unknown>)[KEY] = load;
}

export function registeredSpecValidator(): SpecValidatorLoader | undefined {
  return (globalThis as Record<symbol, unknown>)[KEY] as SpecValidatorLoader | undefined;
}
