// Reads the official examples of the API from test/fixtures/reference: the current documentation's answer and
// request examples (yclients-docs-extract.json), the two API Blueprint copies (third-party/*.apib: answers
// and request bodies) and the response samples (yclients-samples/). Each example names the spec operation
// and, for an answer, the status it shows.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

export const REPO_ROOT = join(__dirname, "..", "..");
export const REFERENCE_DIR = join(REPO_ROOT, "test", "fixtures", "reference");

export interface ReferenceExample {
  /** Where it comes from, stable enough to name in a list of known disagreements. */
  source: string;
  /** An answer body, or a request body. */
  kind: "answer" | "request";
  method: string;
  /** The spec's path template (relative to /api/v1, or host-rooted for /api/v2). */
  path: string;
  /** The answer's status; empty for a request. */
  status: string;
  /** The body text as published; not always valid JSON. */
  text: string;
}

/** A documented path as the spec writes it: no `/api/v1`, no query, no Blueprint URI template. */
export function specPath(documented: string): string {
  let path = documented
    .replace(/\{\?[^}]*\}/g, "")
    .split("?")[0]
    .trim();
  path = path.replace(/^\/api\/v1\/api\/v2\//, "/api/v2/"); // the docs scrape prints v2 paths under v1
  if (path.startsWith("/api/v1/")) path = path.slice("/api/v1".length);
  return path;
}

interface Endpoint {
  tag: string;
  method: string;
  path: string;
}

/** `METHOD path` keys of the operations of the given tags, from the endpoint inventory. */
export function operationsOfTags(tags: readonly string[]): Set<string> {
  const endpoints = JSON.parse(readFileSync(join(REFERENCE_DIR, "yclients-endpoints.json"), "utf8")) as Endpoint[];
  return new Set(endpoints.filter((e) => tags.includes(e.tag)).map((e) => `${e.method} ${specPath(e.path)}`));
}

interface DocsEntry {
  method: string;
  path: string;
  example_status: string | null;
  example: unknown;
  request_example: unknown;
}

export function docsExamples(): ReferenceExample[] {
  const entries = JSON.parse(readFileSync(join(REFERENCE_DIR, "yclients-docs-extract.json"), "utf8")) as DocsEntry[];
  const answers = entries
    .filter((e) => e.example !== null && e.example !== undefined && e.example_status)
    .map((e): ReferenceExample => ({
      source: `docs ${e.method} ${specPath(e.path)} ${e.example_status}`,
      kind: "answer",
      method: e.method,
      path: specPath(e.path),
      status: String(e.example_status),
      text: JSON.stringify(e.example),
    }));
  const requests = entries
    .filter((e) => e.request_example !== null && e.request_example !== undefined)
    .map((e): ReferenceExample => ({
      source: `docs ${e.method} ${specPath(e.path)} request`,
      kind: "request",
      method: e.method,
      path: specPath(e.path),
      status: "",
      text: JSON.stringify(e.request_example),
    }));
  return [...answers, ...requests];
}

/**
 * The response bodies of an API Blueprint. Actions are `### Title [METHOD /path]` (or `##Title [...]`), or
 * `### Title [METHOD]` under a `## Title [/path]` resource; a body follows `+ Response NNN`, either under
 * `+ Body` (indented 12) or directly (indented 8).
 */
export function blueprintExamples(file: string): ReferenceExample[] {
  const name = file.replace(/\.apib$/, "");
  const lines = readFileSync(join(REFERENCE_DIR, "third-party", file), "utf8").split("\n");
  const out: ReferenceExample[] = [];
  let resourcePath: string | undefined;
  let action: { method: string; path: string } | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const resource = /^##\s*[^#[]*\[(\/[^\]]*)\]\s*$/.exec(line);
    if (resource) resourcePath = resource[1];
    const act = /^#{2,3}\s*[^[]*\[(GET|POST|PUT|PATCH|DELETE)(?:\s+([^\]]+))?\]\s*$/.exec(line);
    if (act) {
      const path = act[2] ?? resourcePath;
      action = path ? { method: act[1], path: specPath(path) } : undefined;
      continue;
    }
    const response = /^\+\s+Response\s+(\d{3})/.exec(line);
    const request = /^\+\s+Request\b.*\(application\/json\)/.exec(line);
    if ((!response && !request) || !action) continue;
    const body = readBody(lines, i + 1);
    if (body === undefined) continue;
    out.push({
      source: `${name}:${i + 1} ${action.method} ${action.path} ${response ? response[1] : "request"}`,
      kind: response ? "answer" : "request",
      method: action.method,
      path: action.path,
      status: response ? response[1] : "",
      text: body,
    });
  }
  return out;
}

function readBody(lines: string[], from: number): string | undefined {
  for (let j = from; j < lines.length; j++) {
    const line = lines[j];
    if (/^(\+ |#)/.test(line)) return undefined; // next response, request or action: no body
    if (/^\s+\+\s+Body/.test(line)) return indentedBlock(lines, j + 1, 12);
    if (/^ {8}[[{]/.test(line)) return indentedBlock(lines, j, 8); // a bare JSON body, not an attribute list
  }
  return undefined;
}

function indentedBlock(lines: string[], from: number, indent: number): string | undefined {
  const prefix = " ".repeat(indent);
  const block: string[] = [];
  for (let k = from; k < lines.length; k++) {
    const line = lines[k];
    if (line.trim() === "") block.push("");
    else if (line.startsWith(prefix)) block.push(line.slice(indent));
    else break;
  }
  const text = block.join("\n").trim();
  return text ? text : undefined;
}

/** The response samples listed in yclients-samples/INDEX.md as `METHOD /api/v1/path -> status`. */
export function sampleExamples(): ReferenceExample[] {
  const dir = join(REFERENCE_DIR, "yclients-samples");
  const index = readFileSync(join(dir, "INDEX.md"), "utf8");
  const out: ReferenceExample[] = [];
  for (const row of index.split("\n")) {
    const match = /^\|\s*(\S+\.json)\s*\|\s*(GET|POST|PUT|PATCH|DELETE)\s+(\S+)(?:\s*\(\d+\))?\s*->\s*(\d{3})/.exec(
      row,
    );
    if (!match || !existsSync(join(dir, match[1]))) continue;
    out.push({
      source: `sample ${match[1]}`,
      kind: "answer",
      method: match[2],
      path: specPath(match[3]),
      status: match[4],
      text: readFileSync(join(dir, match[1]), "utf8"),
    });
  }
  return out;
}

export function allReferenceExamples(): ReferenceExample[] {
  return [
    ...docsExamples(),
    ...blueprintExamples("mkosinov-yclientsru.apib"),
    ...blueprintExamples("petroff-apiary.apib"),
    ...sampleExamples(),
  ];
}
