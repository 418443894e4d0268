// Every operation of the endpoint inventory (test/fixtures/reference/yclients-endpoints.json, gathered from the
// docs, both Blueprints and the public clients) is in the spec: same method, same path up to parameter names.
// The inventory's calls to a partner's own URL (`{url_operator}`…) are the spec's webhooks, not paths.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { operationsFor, referenceDir, repoRoot } from "./reference-examples";

const spec = JSON.parse(readFileSync(join(repoRoot, "generated", "openapi.json"), "utf8"));
const inventory = JSON.parse(readFileSync(join(referenceDir, "yclients-endpoints.json"), "utf8")) as Array<{
  method: string;
  path: string;
}>;
const apiPaths = inventory.filter((e) => e.path.startsWith("/"));

it("every operation of the endpoint inventory is in the spec", () => {
  expect(apiPaths.length).toBeGreaterThan(300);
  const path = (p: string) =>
    p
      .replace(/\{\?[^}]*\}/g, "")
      .split("?")[0]
      .replace(/^\/api\/v1\/api\/v2\//, "/api/v2/");
  const missing = apiPaths.filter((e) => operationsFor(spec, e.method, path(e.path)).length === 0);
  expect(missing.map((e) => `${e.method} ${e.path}`)).toEqual([]);
});
