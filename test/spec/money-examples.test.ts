// The money tags (money, stock, payroll, analytics, marketplace): every official answer example of these tags
// must validate against the spec, or be a known disagreement written down in openapi/NOTES.md.
// Sources: the docs extract (current documentation) and both copies of the official API Blueprint.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { createSpecValidator } from "../../scripts/spec-validator";

const repoRoot = join(__dirname, "..", "..");
const reference = join(repoRoot, "test", "fixtures", "reference");
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

interface Example {
  source: string;
  method: string;
  /** The path as the source writes it. */
  path: string;
  status: string;
  body: unknown;
  /** Set when the body is not JSON at all. */
  unparseable?: string;
}

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

// ---- the docs extract ----------------------------------------------------------------------------
function docsExamples(): Example[] {
  const ops = JSON.parse(readFileSync(join(reference, "yclients-docs-extract.json"), "utf8")) as any[];
  return ops
    .filter((op) => op.example !== null && op.example !== undefined)
    .map((op) => ({
      source: "docs",
      method: op.method,
      path: String(op.path).split("?")[0],
      status: String(op.example_status ?? op.first_success_status ?? "200"),
      body: op.example,
    }));
}

// ---- the API Blueprints --------------------------------------------------------------------------
// A small reader for what these two files use: resource headings `## Title [/path{?query}]`, action
// headings `### Title [METHOD]` or `### Title [METHOD /path]`, and `+ Response NNN` followed by
// `+ Body` and an indented JSON block.
function blueprintExamples(file: string, source: string): Example[] {
  const lines = readFileSync(file, "utf8").split(/\r?\n/);
  const out: Example[] = [];
  let resource = "";
  let method = "";
  let actionPath = "";
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const heading = /^#{1,3}\s.*\[(?:(GET|POST|PUT|PATCH|DELETE)\s*)?(\/[^\]]*)?\]\s*$/.exec(line);
    if (!heading && /^#{1,2}[^#]/.test(line)) {
      // A group or resource heading without a path ends the current resource.
      resource = method = actionPath = "";
      continue;
    }
    if (heading) {
      if (heading[1]) {
        method = heading[1];
        actionPath = heading[2] ?? "";
      } else if (heading[2]) {
        resource = heading[2];
        actionPath = "";
        method = "";
      }
      continue;
    }
    const response = /^\+ Response (2\d\d)/.exec(line);
    if (!response || !method) continue;
    // Find the body block: the first `+ Body` after the response, before the next `+ Response` or heading.
    let j = i + 1;
    while (j < lines.length && !/^\s*\+ Body\s*$/.test(lines[j]) && !/^(#|\+ Response|\+ Request)/.test(lines[j])) j++;
    if (j >= lines.length || !/^\s*\+ Body\s*$/.test(lines[j])) continue;
    const block: string[] = [];
    for (j = j + 1; j < lines.length; j++) {
      if (/^(#|\+ )/.test(lines[j])) break;
      block.push(lines[j]);
    }
    const text = block.join("\n").trim();
    if (!text) continue;
    const path = (actionPath || resource).replace(/\{\?[^}]*\}/g, "").split("?")[0];
    const example: Example = { source, method, path, status: response[1], body: undefined };
    try {
      example.body = JSON.parse(text);
    } catch (err) {
      // Trailing commas are the Blueprint's most common slip; anything else is reported as not JSON.
      try {
        example.body = JSON.parse(text.replace(/,(\s*[}\]])/g, "$1"));
      } catch {
        example.unparseable = (err as Error).message;
      }
    }
    out.push(example);
  }
  return out;
}

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

const blueprints = [
  ["mkosinov-yclientsru.apib", "apib2024"],
  ["petroff-apiary.apib", "apib2020"],
] as const;
const all: Example[] = [
  ...docsExamples(),
  ...blueprints.flatMap(([file, source]) => blueprintExamples(join(reference, "third-party", file), source)),
];
const ours = all
  .map((e) => ({ example: e, targets: specPathsFor(e.method, e.path).filter((t) => TAGS.has(t.tag)) }))
  .filter((e) => e.targets.length > 0);

const notes = readFileSync(join(repoRoot, "openapi", "NOTES.md"), "utf8");
const keyOf = (e: Example) => `${e.source} ${e.method} ${e.path} ${e.status}`;

describe("official answer examples of the money tags", () => {
  it("finds the reference material and examples for every source", () => {
    expect(existsSync(reference)).toBe(true);
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
const requestExamples = (JSON.parse(readFileSync(join(reference, "yclients-docs-extract.json"), "utf8")) as any[])
  // GETs are left out: the call list's documented "body" is sent as query parameters (see NOTES.md).
  .filter((op) => op.method !== "GET" && op.request_example && Object.keys(op.request_example).length)
  .map((op) => ({ method: op.method as string, path: String(op.path).split("?")[0], body: op.request_example }))
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
