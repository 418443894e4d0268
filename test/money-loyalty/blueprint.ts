// Reads the answer examples out of an API Blueprint file (the official YCLIENTS docs of 2020 and
// 2024 in ../shared/reference/third-party): for every `+ Response NNN` of an action, the JSON body
// that follows it, with the action's method and path. Many bodies have trailing commas; those are
// read with the commas dropped (`relaxed`). Bodies that are still not JSON come back with
// `parseError` set instead of `body`.

export interface BlueprintExample {
  method: string;
  /** The path as the Blueprint writes it, without the query template. */
  path: string;
  status: string;
  body?: unknown;
  /** True when the body only parsed once trailing commas were dropped. */
  relaxed?: boolean;
  parseError?: string;
  line: number;
}

const RESOURCE = /^##\s+[^[]*\[(\/[^\]]*)\]\s*$/;
const ACTION = /^###\s+[^[]*\[(GET|POST|PUT|PATCH|DELETE)(?:\s+(\/[^\]]*))?\]\s*$/;
const RESPONSE = /^\s*\+\s+Response\s+(\d{3})/;
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
    const response = RESPONSE.exec(lines[i]);
    if (!response || !method) continue;
    let end = i + 1;
    while (end < lines.length && !SECTION_END.test(lines[end])) end++;
    const block = lines.slice(i + 1, end);
    const start = block.findIndex((l) => /^\s*[[{]/.test(l));
    if (start >= 0) {
      const json = block.slice(start).join("\n").trim();
      const example: BlueprintExample = { method, path, status: response[1], line: i + 1 };
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
