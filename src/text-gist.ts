// The gist of a text answer (an HTML error page from a proxy, a plain-text message) for an error's message:
// an HTML page's title, else its text without tags. Every step is one forward scan, so a hostile page (an
// unclosed `<title`, thousands of `<` with no `>`) costs time in proportion to its length, never its square.

/** What an error message should quote of a text body; HTML is reduced to its title or its bare text. */
export function gistOfText(text: string): string {
  if (!looksLikeHtml(text)) return text;
  const title = titleOf(text);
  if (title?.trim()) return title;
  return stripTags(dropBlocks(text)).replace(/&nbsp;/g, " ");
}

/** Whether some `<` followed by a letter, `!` or `/` has a `>` after it. The first such `<` decides. */
function looksLikeHtml(text: string): boolean {
  const start = /<[a-z!/]/i.exec(text);
  return start !== null && text.indexOf(">", start.index + 2) >= 0;
}

/** The text of the first `<title …>…</title>`; only the first `<title` can match, later ones see less text. */
function titleOf(text: string): string | undefined {
  const open = /<title/gi;
  if (!open.exec(text)) return undefined;
  const contentStart = text.indexOf(">", open.lastIndex);
  if (contentStart < 0) return undefined;
  const close = /<\/title>/gi;
  close.lastIndex = contentStart + 1;
  const end = close.exec(text);
  return end ? text.slice(contentStart + 1, end.index) : undefined;
}

/**
 * `text` with each `<script …>…</script>` and `<style …>…</style>` block replaced by a space, left to right.
 * Once a kind has no closing tag after some point it has none after any later one either: it is not looked
 * for again, so no part of the text is scanned more than once per kind.
 */
function dropBlocks(text: string): string {
  let kinds = ["script", "style"];
  let out = "";
  let from = 0;
  let at = 0;
  while (kinds.length) {
    const open = new RegExp(`<(${kinds.join("|")})`, "gi");
    open.lastIndex = at;
    const found = open.exec(text);
    if (!found) break;
    const contentStart = text.indexOf(">", open.lastIndex);
    if (contentStart < 0) break;
    const close = new RegExp(`</${found[1]}>`, "gi");
    close.lastIndex = contentStart + 1;
    if (!close.exec(text)) {
      kinds = kinds.filter((kind) => kind !== found[1].toLowerCase());
      at = found.index + 1;
      continue;
    }
    out += `${text.slice(from, found.index)} `;
    from = at = close.lastIndex;
  }
  return out + text.slice(from);
}

/** Every `<…>` replaced by a space; a `<` with no `>` after it (so none after it either) ends the scan. */
function stripTags(text: string): string {
  let out = "";
  let from = 0;
  for (let open = text.indexOf("<"); open >= 0; open = text.indexOf("<", from)) {
    const close = text.indexOf(">", open + 1);
    if (close < 0) break;
    out += `${text.slice(from, open)} `;
    from = close + 1;
  }
  return out + text.slice(from);
}
