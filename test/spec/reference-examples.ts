// Reads the official answer and request examples out of test/fixtures/reference (copies of the docs extract,
// the response samples and both copies of the API Blueprint) and maps each to the spec
// operations its documented path stands for.
import { readFileSync } from "node:fs";
import { join } from "node:path";

export const repoRoot = join(__dirname, "..", "..");
export const referenceDir = join(repoRoot, "test", "fixtures", "reference");

export interface ReferenceExample {
  /** `docs`, `docs-request`, `sample`, `apib2024`, `apib2020`. */
  source: string;
  method: string;
  /** The path as the source writes it (query templates removed). */
  path: string;
  /** The answer status, or `request` for a request body. */
  status: string;
  body: unknown;
  /** Set when the source's text is not JSON. */
  unparseable?: string;
  /** For a Blueprint body that is not JSON only because of trailing commas: the body read past them. */
  relaxedBody?: unknown;
  /** For a Blueprint example: the line of its `+ Response` or `+ Request`, to find it in the file. */
  line?: number;
}

export function docsExamples(): ReferenceExample[] {
  const ops = JSON.parse(readFileSync(join(referenceDir, "yclients-docs-extract.json"), "utf8")) as any[];
  const out: ReferenceExample[] = [];
  for (const op of ops) {
    const path = String(op.path).split("?")[0];
    if (op.example !== null && op.example !== undefined)
      out.push({
        source: "docs",
        method: op.method,
        path,
        status: String(op.example_status ?? "200"),
        body: op.example,
      });
    if (op.request_example !== null && op.request_example !== undefined)
      out.push({ source: "docs-request", method: op.method, path, status: "request", body: op.request_example });
  }
  return out;
}

/** The samples folder: its INDEX.md table names each file's `METHOD path -> status`. */
export function sampleExamples(): ReferenceExample[] {
  const dir = join(referenceDir, "yclients-samples");
  const index = readFileSync(join(dir, "INDEX.md"), "utf8");
  const out: ReferenceExample[] = [];
  for (const m of index.matchAll(/^\| (\S+\.json) \| (GET|POST|PUT|DELETE|PATCH) (\/\S+)[^|]*-> (\d{3}) \|/gm)) {
    const [, file, method, path, status] = m;
    const text = readFileSync(join(dir, file), "utf8");
    out.push({ source: `sample ${file}`, method, path, status, body: JSON.parse(text) });
  }
  return out;
}

/**
 * The API Blueprint's examples: resource headings `## Title [/path{?query}]`, action headings
 * `### Title [METHOD]` or `### Title [METHOD /path]`, then `+ Response NNN` (an answer) or `+ Request` (a
 * request body, status `request`) with a `+ Body` block or a body of its own (see `bodyStart`).
 */
export function blueprintExamples(file: string, source: string): ReferenceExample[] {
  const lines = readFileSync(join(referenceDir, "third-party", file), "utf8").split(/\r?\n/);
  const out: ReferenceExample[] = [];
  let resource = "";
  let method = "";
  let actionPath = "";
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    // `##Title [POST /path]` (no space after the hashes) is a heading too: the copies write six headings so;
    // a path may hold `[]` (`/goods_categories/multiple/{company_id}?ids[]={id}`).
    const heading = /^#{1,3}\s*[^#].*\[(?:(GET|POST|PUT|PATCH|DELETE)\s*)?(\/(?:[^\]]|\[\])*)?\]\s*$/.exec(line);
    if (heading) {
      if (heading[1]) [method, actionPath] = [heading[1], heading[2] ?? ""];
      else if (heading[2]) [resource, method, actionPath] = [heading[2], "", ""];
      continue;
    }
    if (/^#{1,2}[^#]/.test(line)) {
      resource = method = actionPath = "";
      continue;
    }
    const response = /^\+ (?:Response (\d{3})|Request\b)/.exec(line);
    if (!response || !method) continue;
    const start = bodyStart(lines, i + 1);
    if (start === undefined) continue;
    const block: string[] = [];
    // The body ends at the next section: a nested `+ Attributes` or the next payload, action or heading.
    for (let j = start; j < lines.length && !/^(#|\s*\+ )/.test(lines[j]); j++) block.push(lines[j]);
    const text = block.join("\n").trim();
    if (!text) continue;
    const path = (actionPath || resource)
      .replace(/\{\?[^}]*\}/g, "")
      .split("?")[0]
      // The 2024 copy misspells one loyalty path; the docs write `/loyalty/card_types/client/…`.
      .replace(/^\/loyality\//, "/loyalty/");
    const example: ReferenceExample = response[1]
      ? { source, method, path, status: response[1], body: undefined, line: i + 1 }
      : { source: `${source}-request`, method, path, status: "request", body: undefined, line: i + 1 };
    try {
      example.body = JSON.parse(text);
    } catch (err) {
      example.unparseable = (err as Error).message;
      try {
        example.relaxedBody = JSON.parse(text.replace(/,(\s*[}\]])/g, "$1"));
      } catch {
        // not JSON even without them
      }
    }
    out.push(example);
  }
  return out;
}

/**
 * Where the body of the `+ Response` or `+ Request` above `from` begins: after its `+ Body` line, or, when the
 * payload has no nested sections (no `+ Headers`, `+ Attributes`), at its first line if that opens a JSON
 * value: the Blueprint lets such a payload hold its body directly.
 */
function bodyStart(lines: string[], from: number): number | undefined {
  let j = from;
  while (j < lines.length && lines[j].trim() === "") j++;
  if (j < lines.length && /^\s*[[{]/.test(lines[j])) return j;
  for (; j < lines.length && !/^(#|\+ Response|\+ Request)/.test(lines[j]); j++)
    if (/^\s*\+ Body\s*$/.test(lines[j])) return j + 1;
  return undefined;
}

/** Every official example: the docs extract's, the response samples' and both API Blueprint copies'. */
export function officialExamples(): ReferenceExample[] {
  return [
    ...docsExamples(),
    ...sampleExamples(),
    ...blueprintExamples("mkosinov-yclientsru.apib", "apib2024"),
    ...blueprintExamples("petroff-apiary.apib", "apib2020"),
  ];
}

export interface SpecOperation {
  path: string;
  method: string;
  tag: string;
}

const shape = (p: string) => p.replace(/\{[^}]*\}/g, "{}").replace(/\/+$/, "");

/** Spec operations a documented `METHOD path` stands for: same method and the same path shape. */
export function operationsFor(spec: any, method: string, sourcePath: string): SpecOperation[] {
  const relative = sourcePath.startsWith("/api/v1/") ? sourcePath.slice("/api/v1".length) : sourcePath;
  const wanted = shape(relative);
  const out: SpecOperation[] = [];
  for (const [path, item] of Object.entries<any>(spec.paths)) {
    const op = item[method.toLowerCase()];
    if (op && shape(path) === wanted) out.push({ path, method, tag: op.tags?.[0] });
  }
  return out;
}

/**
 * Docs pages titled as a list whose path ends in an optional id ("Получить список услуг / конкретную услугу"
 * on `/company/{company_id}/services/{service_id}`): one page covers the list (id left empty) and the get-one
 * path, which the spec models as two operations ("Optional trailing ids" in openapi/NOTES.md).
 */
export function listOrOnePages(): Set<string> {
  const ops = JSON.parse(readFileSync(join(referenceDir, "yclients-docs-extract.json"), "utf8")) as any[];
  return new Set(
    ops
      .filter((op) => op.method === "GET" && /список/i.test(String(op.doc_title_ru)))
      .map((op) => String(op.path).split("?")[0])
      .filter((path) => /\/\{[^}]+\}\/?$/.test(path)),
  );
}

/**
 * Spec operations an example stands for: those of its documented path, and for a list-or-one page also the
 * list operation the spec has at the path without the trailing id (the page's example may show either answer).
 */
export function operationsForExample(spec: any, e: ReferenceExample, pages: Set<string>): SpecOperation[] {
  const own = operationsFor(spec, e.method, e.path);
  // The Blueprints write the docs' paths without `/api/v1`.
  if (!pages.has(e.path) && !pages.has(`/api/v1${e.path}`)) return own;
  const listPath = e.path.replace(/\/\{[^}]+\}\/?$/, "/");
  const lists = operationsFor(spec, e.method, listPath).filter((op) => op.path.endsWith("/"));
  return [...own, ...lists.filter((l) => !own.some((o) => o.path === l.path))];
}
