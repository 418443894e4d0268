// Every official example of the loyalty, deposits, tech_cards and medicine operations (answers and
// request bodies, from the current docs' extract and both API Blueprint copies of the official docs)
// must validate against the spec, or be listed below with the NOTES.md entry that explains why it cannot.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createSpecValidator } from "../../scripts/spec-validator";
import { parseBlueprintExamples, stripQueryTemplate } from "./blueprint";

const repoRoot = join(__dirname, "..", "..");
const reference = join(repoRoot, "test", "fixtures", "reference");
const spec = JSON.parse(readFileSync(join(repoRoot, "generated", "openapi.json"), "utf8"));
const notes = readFileSync(join(repoRoot, "openapi", "NOTES.md"), "utf8");
const validator = createSpecValidator(spec);
const TAGS = new Set(["loyalty", "deposits", "tech_cards", "medicine"]);

/** Examples that do not validate, each with the words of the NOTES.md entry that says why. */
const KNOWN: Record<string, string> = {
  "docs GET /loyalty/cards/{phone}/{group_id}/{company_id} 200": "one bare card where the answer is a list",
  "docs GET /loyalty/client_cards/{client_id} 200": "one bare card where the answer is a list",
  "docs GET /user/loyalty_cards/{group_id} 200": "one bare card where the answer is a list",
  "apib2024 GET /loyalty/cards/{phone}/{group_id}/{company_id} 200": "one bare card where the answer is a list",
  "apib2024 GET /loyalty/client_cards/{client_id} 200": "one bare card where the answer is a list",
  "apib2024 GET /user/loyalty_cards/{group_id} 200": "one bare card where the answer is a list",
  "docs GET /chain/{chain_id}/loyalty/abonements 200": "season ticket answers wrapped in an array",
  "docs POST /chain/{chain_id}/loyalty/abonements/{abonementId}/freeze 200":
    "season ticket answers wrapped in an array",
  "docs POST /chain/{chain_id}/loyalty/abonements/{abonementId}/unfreeze 200":
    "season ticket answers wrapped in an array",
  "docs POST /chain/{chain_id}/loyalty/abonements/{abonementId}/set_period 200":
    "season ticket answers wrapped in an array",
  "docs POST /chain/{chain_id}/loyalty/abonements/{abonementId}/set_balance 400":
    "season ticket answers wrapped in an array",
};

interface Example {
  key: string;
  kind: "request" | "response";
  method: string;
  path: string;
  status: string;
  body?: unknown;
  parseError?: string;
}

const shape = (path: string) =>
  stripQueryTemplate(path)
    .replace(/^\/api\/v1/, "")
    .replace(/^\/loyality\//, "/loyalty/")
    .replace(/\{[^}]+\}/g, "{}")
    .replace(/\/$/, "");

/** Spec paths of these tags by their shape (parameter names and trailing slash ignored). */
const ours = new Map<string, string>();
for (const [path, item] of Object.entries<any>(spec.paths)) {
  for (const op of Object.values<any>(item)) {
    if (op?.tags?.some((t: string) => TAGS.has(t))) ours.set(shape(path), path);
  }
}

function docsExamples(): Example[] {
  const extract: any[] = JSON.parse(readFileSync(join(reference, "yclients-docs-extract.json"), "utf8"));
  const out: Example[] = [];
  for (const o of extract.filter((x) => ours.has(shape(x.path)))) {
    const path = ours.get(shape(o.path))!;
    if (o.example !== null && o.example_status) {
      const key = `docs ${o.method} ${path} ${o.example_status}`;
      out.push({ key, kind: "response", method: o.method, path, status: o.example_status, body: o.example });
    }
    if (o.request_example !== null && o.request_example !== undefined) {
      const key = `docs ${o.method} ${path} request`;
      out.push({ key, kind: "request", method: o.method, path, status: "", body: o.request_example });
    }
  }
  return out;
}

function blueprintExamples(file: string, source: string): Example[] {
  return parseBlueprintExamples(readFileSync(join(reference, "third-party", file), "utf8"))
    .filter((e) => ours.has(shape(e.path)))
    .map((e) => {
      const path = ours.get(shape(e.path))!;
      return { key: `${source} ${e.method} ${path} ${e.kind === "request" ? "request" : e.status}`, ...e, path };
    });
}

/** The docs often show only the inner `data`; NOTES.md explains why the spec keeps the envelope. */
function enveloped(body: unknown): unknown {
  const isEnvelope =
    body && typeof body === "object" && !Array.isArray(body) && ("success" in body || "errors" in body);
  return isEnvelope ? body : { success: true, data: body, meta: [] };
}

const examples = [
  ...docsExamples(),
  ...blueprintExamples("mkosinov-yclientsru.apib", "apib2024"),
  ...blueprintExamples("petroff-apiary.apib", "apib2020"),
];
const parsed = examples.filter((e) => e.parseError === undefined);
const broken = examples.filter((e) => e.parseError !== undefined);

describe("official examples of loyalty, deposits, tech cards and medicine", () => {
  it("finds the examples of every source", () => {
    const count = (source: string) => examples.filter((e) => e.key.startsWith(source + " ")).length;
    expect(count("docs")).toBeGreaterThanOrEqual(50);
    expect(count("apib2024")).toBeGreaterThanOrEqual(35);
    expect(count("apib2020")).toBeGreaterThanOrEqual(12);
    expect(examples.filter((e) => e.kind === "request").length).toBeGreaterThanOrEqual(25);
  });

  it.each(parsed.map((e) => [e.key, e] as const))("%s validates or is a known disagreement", (key, e) => {
    const error =
      e.kind === "request"
        ? validator.requestBody(e.path, e.method, e.body)
        : validator.response(e.path, e.method, e.status, enveloped(e.body));
    if (KNOWN[key]) {
      expect(error).toBeDefined();
      expect(notes).toContain(KNOWN[key]);
    } else {
      expect(error).toBeUndefined();
    }
  });

  it("lists every known disagreement with an example that exists", () => {
    const keys = new Set(parsed.map((e) => e.key));
    expect(Object.keys(KNOWN).filter((k) => !keys.has(k))).toEqual([]);
  });

  it("names the Blueprint bodies that are not JSON in NOTES.md", () => {
    expect(notes).toContain("not valid JSON");
    for (const e of broken) expect(notes).toContain(`\`${e.method} ${e.path}\``);
  });
});
