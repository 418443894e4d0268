// `yclients-client/validation`: the response validator and the spec it checks against. Node loads it by itself the
// first time `validateResponses` is on; a bundled app (browser, worker) imports it once, which registers it for
// every client, so that only apps that validate carry the validator and the 1 MB spec.
import { loadSpecValidator } from "./validation/response-validator.js";
import { registerSpecValidator } from "./validation/registry.js";

registerSpecValidator(loadSpecValidator);

export { createSpecValidator, loadSpecValidator, type SpecValidator } from "./validation/response-validator.js";
export type { ValidationFinding } from "./validation/finding.js";
