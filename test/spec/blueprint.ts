// Reads the examples out of an API Blueprint file (the official YCLIENTS docs of 2020 and 2024 in
// test/fixtures/reference/third-party): for every `+ Response NNN` and `+ Request` of an action, the JSON
// body that follows it, with the action's method and path. Many bodies have trailing commas; those are
// read with the commas dropped (`relaxed`). Bodies that are still not JSON come back with
// `parseError` set instead of `body`.

export interface BlueprintExample {
  kind: "request" | "response";
  method: string;
  /** The path as the Blueprint writes it, without the query template. */
  path: string;
  /** The answer's status; empty for a request. */
  status: string;
  body?: unknown;
  /** True when the body only parsed once trailing commas were dropped. */
  relaxed?: boolean;
  parseError?: string;
  line: number;
}

const RESOURCE = /^##\s+[^[]*\[(\/[^\]]*)\]\s*$/;
const ACTION = /^###\s+[^[]*\[(GET|POST|PUT|PATCH|DELETE)(?:\s+(\/[^\]]*))?\]\s*$/;
const EXAMPLE = /^\s*\+\s+(?:Response\s+(\d{3})|Request\b)/;
const SECTION_END = /^\s*\+\s+(Response|Request)\b|^#/;

/** `/loyalty/certificates/?{phone}&{company_id}` and `/x/{id}/{?a,b}` become `/loyalty/certificates/` and `/x/{id}/`. */
export function stripQueryTemplate(path: string): string {
  return path.replace(/\{\?[^}]*\}$/, "").replace(/\?.*$/, "");
}

export function parseBlueprintExamples(text: string): BlueprintExample[] {
  const lines = text.split("\n");
  const out: BlueprintExample[] = [];
  let resourcePath = "";
  let method = "";
  let path = "";
  for (let i = 0; i < lines.length; i++) {
    const resource = RESOURCE.exec(lines[i]);
    if (resource) {
      resourcePath = stripQueryTemplate(resource[1]);
      method = "";
      continue;
    }
    const action = ACTION.exec(lines[i]);
    if (action) {
      method = action[1];
      path = action[2] ? stripQueryTemplate(action[2]) : resourcePath;
      continue;
    }
    const found = EXAMPLE.exec(lines[i]);
    if (!found || !method) continue;
    let end = i + 1;
    while (end < lines.length && !SECTION_END.test(lines[end])) end++;
    const block = lines.slice(i + 1, end);
    const start = block.findIndex((l) => /^\s*[[{]/.test(l));
    if (start >= 0) {
      // The body ends where the next Blueprint list item (`+ Attributes`, `+ Headers`...) begins.
      const rest = block.slice(start + 1);
      const stop = rest.findIndex((l) => /^\s*\+\s/.test(l));
      const json = [block[start], ...(stop < 0 ? rest : rest.slice(0, stop))].join("\n").trim();
      const example: BlueprintExample = {
        kind: found[1] ? "response" : "request",
        method,
        path,
        status: found[1] ?? "",
        line: i + 1,
      };
      try {
        example.body = JSON.parse(json);
      } catch (err) {
        try {
          example.body = JSON.parse(json.replace(/,(\s*[\]}])/g, "$1"));
          example.relaxed = true;
        } catch {
          example.parseError = (err as Error).message;
        }
      }
      out.push(example);
    }
    i = end - 1;
  }
  return out;
}
