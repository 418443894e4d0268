// The money tags (money, stock, payroll, analytics, marketplace): every official answer example of these tags
// must validate against the spec, or be a known disagreement written down in openapi/NOTES.md.
// Sources: the docs extract (current documentation) and both copies of the official API Blueprint.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { createSpecValidator } from "../../scripts/spec-validator";
import { blueprintExamples, docsExamples, referenceDir, repoRoot, type ReferenceExample } from "./reference-examples";

const spec = JSON.parse(readFileSync(join(repoRoot, "generated", "openapi.json"), "utf8"));
const validator = createSpecValidator(spec);

const TAGS = new Set([
  "finance",
  "storage",
  "goods",
  "salary",
  "fiscalization",
  "analytics",
  "reports",
  "telephony",
  "sms_provider",
  "marketplace",
]);

/**
 * Known disagreements: `source METHOD sourcePath status` → the NOTES.md heading that explains it.
 * Each heading must exist in NOTES.md (checked below), so an entry cannot point nowhere.
 */
const KNOWN: Record<string, string> = {
  "apib2024 POST /finance_transactions/{company_id} 200": "Blueprint examples that are not JSON",
  "apib2024 GET /finance_transactions/{company_id}/{transaction_id} 200": "Blueprint examples that are not JSON",
  "apib2024 PUT /finance_transactions/{company_id}/{transaction_id} 200": "Blueprint examples that are not JSON",
  "apib2024 GET /goods/{company_id}/{good_id} 200": "Blueprint examples that are not JSON",
  "apib2024 GET /storages/transactions/{company_id} 200": "Blueprint examples that are not JSON",
  "apib2020 GET /goods/{company_id}/{good_id} 200": "Blueprint examples that are not JSON",
  "apib2020 GET /goods_categories/{company_id}/{parent_category_id} 200": "Bare data in the 2020 blueprint",
  "apib2020 GET /storages/transactions/{company_id} 200": "Blueprint examples that are not JSON",
  "apib2020 GET /accounts/{company_id} 200": "Bare data in the 2020 blueprint",
  "apib2020 GET /storages/{company_id} 200": "Bare data in the 2020 blueprint",
  "apib2020 GET /company/{salon_id}/sale/{document_id} 200": "Bare data in the 2020 blueprint",
  "apib2020 POST /company/{salon_id}/sale/{document_id}/payment 200": "Bare data in the 2020 blueprint",
  "apib2020 DELETE /company/{salon_id}/sale/{document_id}/payment/payment_transaction/{payment_transaction_id} 200":
    "Bare data in the 2020 blueprint",
  "apib2020 DELETE /company/{salon_id}/sale/{document_id}/payment/loyalty_transaction/{payment_transaction_id} 200":
    "Bare data in the 2020 blueprint",
  "apib2020 GET /transactions/{company_id} 200": "Bare data in the 2020 blueprint",
  "apib2020 GET /timetable/transactions/{company_id} 200": "Bare data in the 2020 blueprint",
};

// ---- mapping a source path to the spec ------------------------------------------------------------
const shape = (p: string) => p.replace(/\{[^}]*\}/g, "{}").replace(/\/+$/, "");
const specOps: Array<{ path: string; method: string; tag: string; shape: string }> = [];
for (const [path, item] of Object.entries<any>(spec.paths)) {
  for (const method of ["get", "post", "put", "patch", "delete"]) {
    const op = item[method];
    if (op) specOps.push({ path, method: method.toUpperCase(), tag: op.tags?.[0], shape: shape(path) });
  }
}

/** Spec paths a source path may mean (a list path and a get-one path share one documented path). */
function specPathsFor(method: string, sourcePath: string): Array<{ path: string; tag: string }> {
  const relative = sourcePath.startsWith("/api/v1/") ? sourcePath.slice("/api/v1".length) : sourcePath;
  const wanted = shape(relative);
  const exact = specOps.filter((o) => o.method === method && o.shape === wanted);
  if (exact.length) return exact;
  // `/goods/{company_id}/{good_id}` also documents the list `/goods/{company_id}/`.
  const parent = wanted.replace(/\/\{\}$/, "");
  return specOps.filter((o) => o.method === method && o.shape === parent);
}

// The docs' answers and both Blueprints' success answers; a Blueprint body with trailing commas is read past them.
const successes = (examples: ReferenceExample[]) => examples.filter((e) => /^2\d\d$/.test(e.status));
const all: ReferenceExample[] = [
  ...docsExamples().filter((e) => e.source === "docs"),
  ...successes(blueprintExamples("mkosinov-yclientsru.apib", "apib2024")),
  ...successes(blueprintExamples("petroff-apiary.apib", "apib2020")),
].map((e) => (e.relaxedBody === undefined ? e : { ...e, body: e.relaxedBody, unparseable: undefined }));
const ours = all
  .map((e) => ({ example: e, targets: specPathsFor(e.method, e.path).filter((t) => TAGS.has(t.tag)) }))
  .filter((e) => e.targets.length > 0);

const notes = readFileSync(join(repoRoot, "openapi", "NOTES.md"), "utf8");
const keyOf = (e: ReferenceExample) => `${e.source} ${e.method} ${e.path} ${e.status}`;

describe("official answer examples of the money tags", () => {
  it("finds the reference material and examples for every source", () => {
    expect(existsSync(referenceDir)).toBe(true);
    const sources = new Set(ours.map((o) => o.example.source));
    expect([...sources].sort()).toEqual(["apib2020", "apib2024", "docs"]);
    expect(ours.length).toBeGreaterThan(60);
  });

  it("points every known disagreement at a NOTES.md heading that exists", () => {
    for (const heading of new Set(Object.values(KNOWN))) expect(notes).toContain(`### ${heading}`);
  });

  it.each(ours.map((o) => [keyOf(o.example), o] as const))("%s", (key, { example, targets }) => {
    const errors = targets.map(({ path }) =>
      example.unparseable
        ? `not JSON: ${example.unparseable}`
        : validator.response(path, example.method, example.status, example.body),
    );
    // Valid against one of the spec operations the source path stands for.
    const valid = errors.some((e) => e === undefined);
    if (KNOWN[key]) {
      // A known disagreement must still disagree; once it validates, its entry is stale.
      expect({ key, valid }).toEqual({ key, valid: false });
    } else {
      expect({ key, errors: valid ? [] : errors }).toEqual({ key, errors: [] });
    }
  });
});

// Request bodies of the docs extract: what the documentation sends must be accepted by the request schemas.
const requestExamples = docsExamples()
  // GETs are left out: the call list's documented "body" is sent as query parameters (see NOTES.md).
  .filter((e) => e.source === "docs-request" && e.method !== "GET" && e.body && Object.keys(e.body).length)
  .map((e) => ({ method: e.method, path: e.path, body: e.body }))
  .map((e) => ({ ...e, targets: specPathsFor(e.method, e.path).filter((t) => TAGS.has(t.tag)) }))
  .filter((e) => e.targets.length > 0);

describe("official request examples of the money tags", () => {
  it("finds them", () => {
    expect(requestExamples.length).toBeGreaterThanOrEqual(15);
  });

  it.each(requestExamples.map((e) => [`${e.method} ${e.path}`, e] as const))("%s", (key, e) => {
    const errors = e.targets.map(({ path }) => validator.requestBody(path, e.method, e.body));
    expect({ key, errors: errors.some((x) => x === undefined) ? [] : errors }).toEqual({ key, errors: [] });
  });
});

// The spec's own examples of the calls YCLIENTS makes to partners (`webhooks`), which `check-examples`
// does not reach: each must match the schema beside it.
describe("examples of the SMS provider and fiscalisation webhooks", () => {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ $id: "spec", ...spec });
  const cases: Array<[string, string]> = [];
  const collect = (node: any, pointer: string): void => {
    if (!node || typeof node !== "object") return;
    if (node.schema && node.example !== undefined) cases.push([pointer, pointer + "/schema"]);
    for (const [key, value] of Object.entries(node)) {
      if (key !== "example" && key !== "schema")
        collect(value, `${pointer}/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`);
    }
  };
  for (const name of ["sms_provider_send", "fiscalization_document"])
    collect(spec.webhooks[name], `#/webhooks/${name}`);

  it("finds the request, answer and callback examples", () => {
    expect(cases.length).toBeGreaterThanOrEqual(7);
  });

  it.each(cases)("%s", (pointer, schemaPointer) => {
    const example = pointer
      .slice(2)
      .split("/")
      .map((k) => k.replace(/~1/g, "/").replace(/~0/g, "~"))
      .reduce((n: any, k) => n[k], spec).example;
    const validate = ajv.compile({ $ref: `spec${schemaPointer}` });
    expect(validate(example) ? [] : validate.errors).toEqual([]);
  });
});
