// The one reader of the spec's local `$ref`s (`#/components/schemas/Record`), for the generators, the CLI, the
// response validator, the drift report and the tests. A leaf: it imports nothing, so any bundle may take it.

/** The segments of a local JSON pointer (`#/a/b~1c` → `["a", "b/c"]`); undefined for a ref outside the document. */
export function refSegments(ref: string): string[] | undefined {
  if (!ref.startsWith("#/")) return undefined;
  return ref
    .slice(2)
    .split("/")
    .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/** The node one `$ref` points at, one hop only; undefined when it dangles or points outside the document. */
export function refTarget(root: unknown, ref: string): any {
  const segments = refSegments(ref);
  if (!segments) return undefined;
  let node: any = root;
  for (const part of segments) {
    node = node && typeof node === "object" ? node[part] : undefined;
  }
  return node;
}

/**
 * `value` with its `$ref`s followed until a node without one (at most `maxHops`, so a cycle ends); undefined
 * when a ref dangles. A value without `$ref` (or undefined) comes back as it is.
 */
export function resolveRef<T = any>(root: unknown, value: T, maxHops = 10): T | undefined {
  let current: any = value;
  for (
    let hop = 0;
    hop < maxHops && current && typeof current === "object" && typeof current.$ref === "string";
    hop++
  ) {
    current = refTarget(root, current.$ref);
  }
  return current;
}
