// The CRM tags (clients, chain_clients, records, visits, comments, labels, custom_fields,
// validation, privacy, tips): every official example of these tags, answers and request bodies,
// validates against the spec, or is a known disagreement explained in openapi/NOTES.md.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createSpecValidator } from "../../scripts/spec-validator";
import { officialExamples, operationsFor, referenceDir, repoRoot, type ReferenceExample } from "./reference-examples";

const spec = JSON.parse(readFileSync(join(repoRoot, "generated", "openapi.json"), "utf8"));
const validator = createSpecValidator(spec);
const notes = readFileSync(join(repoRoot, "openapi", "NOTES.md"), "utf8");

const TAGS = new Set([
  "clients",
  "chain_clients",
  "records",
  "visits",
  "comments",
  "labels",
  "custom_fields",
  "validation",
  "privacy",
  "tips",
]);

/** `source METHOD path status` → the NOTES.md heading (under "CRM") that explains the disagreement. */
const KNOWN: Record<string, string> = {
  "docs DELETE /api/v1/company/{company_id}/clients/{client_id}/comments/{comment_id} 204": "Bodies shown with 204",
  ...Object.fromEntries(
    ["apib2024", "apib2020"].flatMap((source) =>
      [
        "POST /company/{company_id}/clients/search 200",
        "POST /records/{company_id} 201",
        "PUT /record/{company_id}/{record_id} 201",
        "GET /labels/{company_id}/clients 200",
      ].map((op) => [`${source} ${op}`, "Blueprint CRM examples that are not JSON"]),
    ),
  ),
  ...Object.fromEntries(
    [
      "GET /visits/{visit_id} 200",
      "GET /visit/details/{salon_id}/{record_id}/{visit_id} 200",
      "GET /comments/{company_id}/ 200",
      "POST /comments/{company_id}/{staff_id} 201",
      "PUT /comments/{company_id}/ 200",
      "POST /labels/{company_id} 200",
      "PUT /labels/{company_id}/{label_id} 200",
      "DELETE /labels/{company_id}/{label_id} 200",
    ].map((op) => [`apib2020 ${op}`, "Bare data in the 2020 CRM blueprint"]),
  ),
};

const examples = officialExamples();
const ours = examples
  .map((example) => ({
    example,
    targets: operationsFor(spec, example.method, example.path).filter((o) => TAGS.has(o.tag)),
  }))
  .filter((o) => o.targets.length > 0);
const keyOf = (e: ReferenceExample) => `${e.source} ${e.method} ${e.path} ${e.status}`;

function problems(example: ReferenceExample, path: string): string | undefined {
  if (example.unparseable) return `not JSON: ${example.unparseable}`;
  if (example.status === "request") return validator.requestBody(path, example.method, example.body);
  return validator.response(path, example.method, example.status, example.body);
}

describe("official examples of the CRM tags (clients, records, visits, labels…)", () => {
  it("finds the reference material and examples from every source", () => {
    expect(existsSync(referenceDir)).toBe(true);
    const sources = new Set(ours.map((o) => o.example.source.split(" ")[0]));
    expect([...sources].sort()).toEqual([
      "apib2020",
      "apib2020-request",
      "apib2024",
      "apib2024-request",
      "docs",
      "docs-request",
      "sample",
    ]);
    expect(ours.length).toBeGreaterThan(60);
  });

  it("covers every operation of these tags that the docs give an example for", () => {
    const covered = new Set(ours.flatMap((o) => o.targets.map((t) => `${t.method} ${t.path}`)));
    expect(covered.size).toBeGreaterThanOrEqual(35);
  });

  it("points every known disagreement at a NOTES.md heading that exists", () => {
    for (const heading of new Set(Object.values(KNOWN))) expect(notes).toContain(`### ${heading}`);
  });

  it.each(ours.map((o) => [keyOf(o.example), o] as const))("%s", (key, { example, targets }) => {
    const errors = targets.map(({ path }) => problems(example, path));
    const valid = errors.some((e) => e === undefined);
    if (KNOWN[key]) expect({ key, valid }).toEqual({ key, valid: false });
    else expect({ key, errors: valid ? [] : errors }).toEqual({ key, errors: [] });
  });
});
