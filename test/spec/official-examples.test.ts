// The one test of the official examples: each example of every operation (the docs extract's answers and
// request examples, the response samples, both API Blueprint copies' answers and request bodies, read by
// ./reference-examples) validates against the spec, or fails for a reason argued in openapi/NOTES.md. The
// figures are floors (raise them when the spec improves). A Blueprint body that is not JSON only because of
// trailing commas is read past them; one that is not JSON at all cannot be measured, and NOTES.md says how many.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createSpecValidator } from "../../scripts/spec-validator";
import {
  listOrOnePages,
  officialExamples,
  operationsForExample,
  repoRoot,
  type ReferenceExample,
} from "./reference-examples";

const spec = JSON.parse(readFileSync(join(repoRoot, "generated", "openapi.json"), "utf8"));
const validator = createSpecValidator(spec);
const notes = readFileSync(join(repoRoot, "openapi", "NOTES.md"), "utf8");
const pages = listOrOnePages();

const mapped = officialExamples()
  .map((e) => (e.relaxedBody === undefined ? e : { ...e, body: e.relaxedBody, unparseable: undefined }))
  .filter((e) => operationsForExample(spec, e, pages).length > 0);
const examples: ReferenceExample[] = mapped.filter((e) => !e.unparseable);
const unreadable = mapped.filter((e) => e.unparseable);
const keyOf = (e: ReferenceExample) => `${e.source} ${e.method} ${e.path} ${e.status}`;

function problem(e: ReferenceExample): string | undefined {
  const errors = operationsForExample(spec, e, pages).map(({ path }) =>
    e.status === "request"
      ? validator.requestBody(path, e.method, e.body)
      : validator.response(path, e.method, e.status, e.body),
  );
  return errors.some((x) => x === undefined) ? undefined : errors[0];
}

/** Why an example may still fail: a test on it and its error, and the NOTES.md text that argues it. */
const REASONS: Array<{ notes: string; matches: (e: ReferenceExample, error: string) => boolean }> = [
  { notes: "### Bodies shown with 204", matches: (e) => e.status === "204" },
  {
    notes: "### Bare data in the 2020 blueprint",
    matches: (e, error) => e.source === "apib2020" && /required property 'success'|body must be object/.test(error),
  },
  {
    // The docs type a get-one `data` as a one-item list; answers and clients get the object.
    notes: "Get-one answers are modelled as one object",
    matches: (e, error) => e.method === "GET" && /^body\/data must be object/.test(error),
  },
  {
    notes: "### Examples that still disagree (issue 23)",
    matches: (e) => STILL.has(keyOf(e)),
  },
];

/** Single examples argued one by one in NOTES.md under "Examples that still disagree (issue 23)". */
const STILL = new Set([
  "docs GET /api/v1/loyalty/cards/{phone}/{group_id}/{company_id} 200",
  "docs GET /api/v1/loyalty/client_cards/{client_id} 200",
  "docs GET /api/v1/user/loyalty_cards/{group_id} 200",
  "docs GET /api/v1/chain/{chain_id}/loyalty/abonements 200",
  "docs POST /api/v1/chain/{chain_id}/loyalty/abonements/{abonementId}/freeze 200",
  "docs POST /api/v1/chain/{chain_id}/loyalty/abonements/{abonementId}/unfreeze 200",
  "docs POST /api/v1/chain/{chain_id}/loyalty/abonements/{abonementId}/set_period 200",
  "docs POST /api/v1/chain/{chain_id}/loyalty/abonements/{abonementId}/set_balance 400",
  "docs-request POST /api/v1/activity/{company_id}/{activity_id}/duplicate/ request",
  "docs-request POST /api/v1/integration/kkm/callback/ request",
  "docs-request POST /api/v1/user/auth request",
  "apib2024 GET /loyalty/cards/{phone}/{group_id}/{company_id} 200",
  "apib2024 GET /loyalty/client_cards/{client_id} 200",
  "apib2024 GET /user/loyalty_cards/{group_id} 200",
  "apib2024 PUT /company/{id}/ 200",
  "apib2024-request POST /user/auth request",
  "apib2020-request POST /user/auth request",
  "apib2024-request POST /storage_operations/operation/{company_id} request",
  "apib2020-request POST /storage_operations/operation/{company_id} request",
]);

const ratio = (list: ReferenceExample[]) => list.filter((e) => problem(e) === undefined).length / list.length;
const answers = examples.filter((e) => e.status !== "request");
const requests = examples.filter((e) => e.status === "request");

describe("the official examples against the spec (figures over every operation)", () => {
  it("reads as many examples of each source as the figures in NOTES.md count", () => {
    const expected = {
      docs: 275,
      "docs-request": 92,
      sample: 28,
      apib2024: 170,
      "apib2024-request": 52,
      apib2020: 143,
      "apib2020-request": 43,
    };
    const sourceOf = (e: ReferenceExample) => e.source.split(" ")[0];
    const found = Object.fromEntries(
      Object.keys(expected).map((source) => [source, examples.filter((e) => sourceOf(e) === source).length]),
    );
    expect(found).toEqual(expected);
  });

  it("the docs' answer examples: at least 95 %", () => {
    expect(ratio(answers.filter((e) => e.source === "docs"))).toBeGreaterThanOrEqual(0.95);
  });

  it("the docs' request examples: at least 96.7 %", () => {
    expect(ratio(requests.filter((e) => e.source === "docs-request"))).toBeGreaterThanOrEqual(0.967);
  });

  it("every documented request body (docs and both Blueprints): at least 96.2 %", () => {
    expect(ratio(requests)).toBeGreaterThanOrEqual(0.962);
  });

  it("every answer example of every source: at least 86.6 %", () => {
    expect(ratio(answers)).toBeGreaterThanOrEqual(0.866);
  });

  it("every example that fails falls under a reason NOTES.md argues", () => {
    for (const reason of REASONS) expect(notes).toContain(reason.notes);
    const unargued = examples
      .map((e) => ({ e, error: problem(e) }))
      .filter(({ e, error }) => error !== undefined && !REASONS.some((r) => r.matches(e, error)))
      .map(({ e, error }) => `${keyOf(e)}${e.line ? ` (line ${e.line})` : ""}: ${error}`);
    expect(unargued).toEqual([]);
  });

  it("every example argued one by one still disagrees (a stale entry is removed)", () => {
    const failing = new Set(examples.filter((e) => problem(e) !== undefined).map(keyOf));
    expect([...STILL].filter((key) => !failing.has(key))).toEqual([]);
  });

  it("NOTES.md counts the Blueprint bodies that cannot be read as JSON", () => {
    expect(unreadable.every((e) => e.source.startsWith("apib"))).toBe(true);
    expect(notes).toContain(`${unreadable.length} Blueprint bodies that are not JSON`);
  });
});
