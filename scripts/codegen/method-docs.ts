// The JSDoc of a friendly method (and of its paging helpers): summary, description, HTTP line, deprecation, link.
import { needsUserToken } from "./operation-facts";
import { pagingText } from "./paging-rule";

type Json = Record<string, any>;

/** JSDoc text: never closes the comment early. */
function docLines(text: string): string[] {
  return text
    .replace(/\*\//g, "*\\/")
    .trim()
    .split("\n")
    .map((line) => line.trimEnd());
}

export function docOf(spec: Json, method: string, path: string, op: Json, paging?: "iterate" | "all"): string {
  const lines: string[] = [];
  const summary = String(op.summary ?? "").trim();
  if (paging === "iterate") {
    lines.push(`Every item of \`${op["x-sdk-method"]}\`, fetched page by page only as the loop asks for more.`);
    lines.push("", `Pages: ${pagingText(op["x-pagination"])}. ${summary}`);
  } else if (paging === "all") {
    lines.push(
      `Every item of \`${op["x-sdk-method"]}\` in one array; fails with YclientsPaginationLimitError past \`options.limit\`.`,
    );
    lines.push("", `Pages: ${pagingText(op["x-pagination"])}. ${summary}`);
  } else {
    if (summary) lines.push(summary.endsWith(".") ? summary : `${summary}.`);
    if (op.description) lines.push("", ...docLines(String(op.description)));
  }
  lines.push("", `\`${method} ${path}\`${needsUserToken(spec, op) ? " (needs a user token)" : ""}.`);
  if (op.deprecated) {
    const replacement = op["x-sdk-replacement"];
    lines.push(`@deprecated ${replacement ? `Use \`yc.${replacement}()\` instead.` : "The API marks it deprecated."}`);
  }
  const docs = op.externalDocs;
  if (docs?.url) lines.push(`@see {@link ${docs.url} | ${String(docs.description ?? "Official documentation")}}`);
  return ["/**", ...lines.map((l) => (l ? ` * ${l}` : " *")), " */"].join("\n");
}
