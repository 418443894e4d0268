// Loads `yclients-client/validation` on first use where the runtime can (Node, Bun, Deno). In dist/ the build
// replaces this module with an import of the sibling file that bundlers do not follow (scripts/lazy-validator.ts),
// so a browser or worker bundle never carries the validator or the spec unless the app imports the entry itself.
import type { SpecValidator } from "./response-validator.js";

export function importSpecValidator(): Promise<SpecValidator> {
  return import("../validation.js").then((module) =>
    // A CommonJS build imports the .cjs sibling, whose exports Node may put under `default`.
    (module.loadSpecValidator ?? (module as { default?: typeof module }).default!.loadSpecValidator)(),
  );
}
