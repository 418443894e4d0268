// HTML helpers for the reference: escaping, the little Markdown the spec's descriptions use (code spans, links,
// paragraphs), and the page shell every page shares.

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** One line of Markdown: `code`, [text](https://…) and **bold**; everything else escaped. */
export function inline(text: string): string {
  return escapeHtml(text)
    .replace(/`([^`]+)`/g, "<code>$1</code>")
    .replace(/\*\*([^*]+)\*\*/g, "<strong>$1</strong>")
    .replace(/\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)/g, '<a href="$2">$1</a>');
}

/** A description: blank lines split paragraphs, lines inside one are joined. */
export function paragraphs(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((block) => block.trim().replace(/\s*\n\s*/g, " "))
    .filter(Boolean)
    .map((block) => `<p>${inline(block)}</p>`)
    .join("\n");
}

/** A page: `root` is the relative path back to docs/api/ (for the stylesheet and the search). */
export function page(title: string, root: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="${root}assets/style.css">
</head>
<body>
<header><a href="${root}index.html">yclients-client reference</a></header>
<main>
${body}
</main>
</body>
</html>
`;
}
