// Query strings the way YCLIENTS (a PHP backend) reads them: arrays as `ids[]=1&ids[]=2`, objects as
// `filter[key]=v`, booleans as 1/0 (PHP treats the string "false" as true).

export function serializeQuery(query: Record<string, unknown> | undefined): string {
  const parts: string[] = [];
  if (query) for (const [name, value] of Object.entries(query)) append(parts, encodeURIComponent(name), value, 0);
  return parts.join("&");
}

function append(parts: string[], name: string, value: unknown, depth: number): void {
  if (value === undefined || value === null || depth > 8) return;
  if (Array.isArray(value)) {
    for (const item of value) append(parts, `${name}[]`, item, depth + 1);
    return;
  }
  if (value instanceof Date) {
    parts.push(`${name}=${encodeURIComponent(value.toISOString())}`);
    return;
  }
  if (typeof value === "object") {
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
      append(parts, `${name}[${encodeURIComponent(key)}]`, item, depth + 1);
    }
    return;
  }
  const text = typeof value === "boolean" ? (value ? "1" : "0") : String(value);
  parts.push(`${name}=${encodeURIComponent(text)}`);
}
