// A short fingerprint of one page of a list, so paging can tell a page that brings nothing new (a server that
// ignores the page number and sends the same page again) from real progress. Items with ids are fingerprinted
// by their ids, others by their JSON; the fingerprint is a 64-bit hash, so pages are compared without keeping them.

/** The fingerprint of a page's items: equal for pages with the same items in the same order. */
export function pageFingerprint(items: readonly unknown[]): string {
  return hash64(idsOf(items) ?? `json:${JSON.stringify(items)}`);
}

/** `ids:1,2,3` when every item is an object with a string or number `id`, else undefined. */
function idsOf(items: readonly unknown[]): string | undefined {
  const ids: string[] = [];
  for (const item of items) {
    const id = item !== null && typeof item === "object" ? (item as { id?: unknown }).id : undefined;
    if (typeof id !== "number" && typeof id !== "string") return undefined;
    ids.push(typeof id === "number" ? String(id) : JSON.stringify(id));
  }
  return `ids:${ids.join(",")}`;
}

/** Two independent 32-bit FNV-1a hashes of the UTF-16 code units (different offset bases), side by side. */
function hash64(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    a = Math.imul(a ^ unit, 0x01000193);
    b = Math.imul(b ^ unit, 0x01000193) ^ (b >>> 15);
  }
  return `${(a >>> 0).toString(16)}-${(b >>> 0).toString(16)}-${text.length}`;
}
