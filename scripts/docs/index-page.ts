// The reference's front page: a search over every method (by name, HTTP path or words of its summary) and the
// list of resources. The search index is a small script (`search-index.js`), so the page works from file:// too.
import { escapeHtml, inline, page } from "./html";
import type { MethodDoc } from "./method-docs";
import { helperAnchor } from "./resource-page";

/** A search entry: `[name, HTTP line, summary, link]`. */
export type SearchEntry = readonly [name: string, http: string, summary: string, href: string];

export function searchEntries(docs: readonly MethodDoc[]): SearchEntry[] {
  const out: SearchEntry[] = [];
  for (const doc of docs) {
    const href = `resources/${doc.resource}.html#${doc.anchor}`;
    out.push([doc.name, doc.http, doc.summary, href]);
    for (const helper of doc.helpers) {
      const anchor = helperAnchor(doc, helper.method);
      out.push([
        `${doc.resource}.${anchor}`,
        doc.http,
        `${doc.summary} (paging helper)`,
        `resources/${doc.resource}.html#${anchor}`,
      ]);
    }
  }
  return out.sort((a, b) => a[0].localeCompare(b[0]));
}

export function renderSearchIndex(entries: readonly SearchEntry[]): string {
  return `window.YC_SEARCH = ${JSON.stringify(entries)};\n`;
}

export function renderIndexPage(
  resources: ReadonlyMap<string, { description: string; count: number }>,
  coreLink: string | undefined,
): string {
  const rows = [...resources]
    .map(
      ([name, r]) =>
        `<tr><td><a href="resources/${escapeHtml(name)}.html"><code>yc.${escapeHtml(name)}</code></a></td>` +
        `<td>${r.count}</td><td>${inline(r.description.replace(/\s*\n\s*/g, " "))}</td></tr>`,
    )
    .join("\n");
  const total = [...resources.values()].reduce((n, r) => n + r.count, 0);
  const core = coreLink
    ? `<p>The hand-written API (client options, errors, webhooks, testing): <a href="${coreLink}">core reference</a>.</p>`
    : "";
  const body = `<h1>yclients-client reference</h1>
<p>${total} friendly methods in ${resources.size} resources, generated from the spec. Search by method name
(<code>booking.times</code>), HTTP path (<code>/book_times</code>, or a real path such as
<code>/record/123/456</code>) or words of the summary.</p>
${core}
<input id="search" type="search" placeholder="Search methods…" autofocus autocomplete="off" aria-label="Search methods">
<ol id="results"></ol>
<h2>Resources</h2>
<table class="resources"><thead><tr><th>resource</th><th>methods</th><th>what it covers</th></tr></thead>
<tbody>
${rows}
</tbody></table>
<script src="search-index.js"></script>
<script src="assets/search.js"></script>`;
  return page("yclients-client reference", "", body);
}
