// One page per resource (`resources/booking.html`): each method under an anchor of its name after the resource
// (`#times`, `#cards.manualTransaction`), with its signature, HTTP line, description, parameters and answer.
import { escapeHtml, inline, page, paragraphs } from "./html";
import type { MethodDoc } from "./method-docs";
import type { Field } from "./schema-text";

function fieldRows(fields: readonly Field[], withIn: boolean, ins?: readonly string[]): string {
  return fields
    .map(
      (f, i) =>
        `<tr><td><code>${escapeHtml(f.name)}</code></td>${withIn ? `<td>${ins![i]}</td>` : ""}` +
        `<td><code>${escapeHtml(f.type)}</code></td><td>${f.required ? "yes" : ""}</td>` +
        `<td>${inline(f.description.replace(/\s*\n\s*/g, " "))}</td></tr>`,
    )
    .join("\n");
}

function methodSection(doc: MethodDoc): string {
  const facts = [
    doc.userToken ? "needs a user token" : "partner token only",
    doc.idempotent ? "retried after a lost answer (idempotent)" : "not retried after a lost answer (not idempotent)",
    ...(doc.paging ? [doc.paging] : []),
  ];
  const params =
    `<table class="params"><thead><tr><th>name</th><th>in</th><th>type</th><th>required</th><th>description</th>` +
    `</tr></thead>\n<tbody>\n${fieldRows(
      doc.params,
      true,
      doc.params.map((p) => p.in),
    )}\n</tbody></table>`;
  const answerFields = doc.answer.fields.length
    ? `<table class="fields"><thead><tr><th>field</th><th>type</th><th>always</th><th>description</th></tr></thead>\n` +
      `<tbody>\n${fieldRows(doc.answer.fields, false)}\n</tbody></table>`
    : "";
  const helpers = doc.helpers
    .map(
      (h) =>
        `<li id="${escapeHtml(helperAnchor(doc, h.method))}"><code>${escapeHtml(h.signature)}</code>: ${inline(h.what)}</li>`,
    )
    .join("\n");
  const official = doc.officialDocs
    ? `<p class="see">Official documentation: <a href="${escapeHtml(doc.officialDocs.url)}">${escapeHtml(doc.officialDocs.title)}</a></p>`
    : "";
  return `<section class="method${doc.deprecated ? " deprecated" : ""}" id="${escapeHtml(doc.anchor)}">
<h2><a href="#${escapeHtml(doc.anchor)}">${escapeHtml(doc.name)}</a></h2>
<pre class="signature"><code>${escapeHtml(doc.signature)}</code></pre>
<p class="http"><code>${escapeHtml(doc.http)}</code> · ${facts.map(inline).join(" · ")}</p>
${doc.deprecated ? `<p class="warning">Deprecated. ${inline(doc.deprecated)}</p>` : ""}
<p class="summary">${inline(doc.summary)}</p>
${paragraphs(doc.description)}
<h3>Parameters</h3>
${params}
<h3>Answer</h3>
<p><code>${escapeHtml(doc.answer.type)}</code>${doc.answer.description ? ` — ${inline(doc.answer.description)}` : ""}</p>
${answerFields}
${helpers ? `<h3>Paging helpers</h3>\n<ul>\n${helpers}\n</ul>` : ""}
${official}
</section>`;
}

/** The anchor of a paging helper: beside its method's (`#iterate`, `#cards.listAll`). */
export function helperAnchor(doc: MethodDoc, helper: string): string {
  const parts = doc.anchor.split(".");
  return [...parts.slice(0, -1), helper].join(".");
}

export function renderResourcePage(resource: string, description: string, docs: readonly MethodDoc[]): string {
  const sorted = [...docs].sort((a, b) => a.anchor.localeCompare(b.anchor));
  const contents = sorted
    .map(
      (d) =>
        `<li><a href="#${escapeHtml(d.anchor)}"><code>${escapeHtml(d.anchor)}</code></a> ${inline(d.summary)}</li>`,
    )
    .join("\n");
  const body = `<h1><code>yc.${escapeHtml(resource)}</code></h1>
${paragraphs(description)}
<p>${docs.length} method${docs.length === 1 ? "" : "s"}. Every method has the shape
<code>method(…pathIds, params?, options?)</code>; see the README's "Resources and methods".</p>
<nav class="contents"><ul>
${contents}
</ul></nav>
${sorted.map(methodSection).join("\n")}`;
  return page(`yc.${resource} — yclients-client`, "../", body);
}
