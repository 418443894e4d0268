// How the generators read a JSON schema: its types, whether it is an integer, and its fields as one object.
import { resolveRef } from "../../src/resolve-ref";

type Json = Record<string, any>;

export function typesOf(schema: Json | undefined): string[] {
  if (!schema) return [];
  return Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
}

export function isInteger(spec: Json, schema: Json | undefined): boolean {
  const s = resolveRef(spec, schema);
  if (!s) return false;
  if (typesOf(s).includes("integer")) return true;
  return Array.isArray(s.oneOf ?? s.anyOf) && (s.oneOf ?? s.anyOf).some((alt: Json) => isInteger(spec, alt));
}

/** An object schema with `allOf` merged and the object alternatives of `oneOf`/`anyOf` joined (fields only). */
export function objectView(
  spec: Json,
  schema: Json | undefined,
  depth = 0,
): { properties: Json; required: string[] } | null {
  const s = resolveRef(spec, schema);
  if (!s || depth > 8) return null;
  const out = { properties: { ...(s.properties ?? {}) } as Json, required: [...(s.required ?? [])] as string[] };
  let isObject = typesOf(s).includes("object") || Boolean(s.properties);
  for (const part of s.allOf ?? []) {
    const view = objectView(spec, part, depth + 1);
    if (!view) continue;
    isObject = true;
    Object.assign(out.properties, view.properties);
    out.required.push(...view.required);
  }
  for (const alt of s.oneOf ?? s.anyOf ?? []) {
    const view = objectView(spec, alt, depth + 1);
    if (!view) continue;
    isObject = true;
    for (const [k, v] of Object.entries(view.properties)) out.properties[k] ??= v;
  }
  return isObject ? out : null;
}
