// Schemas of the spec as short text for the reference: a type in a few words (`array of BookTime`,
// `string (date)`) and the top-level fields of an object (allOf merged), never the whole nested tree — what keeps
// every page small.
type Json = Record<string, any>;

export interface Field {
  readonly name: string;
  readonly type: string;
  readonly required: boolean;
  readonly description: string;
}

/** The schema a `$ref` points to (any depth of refs), or the schema itself. */
export function deref(spec: Json, node: Json | undefined): Json | undefined {
  let current = node;
  for (let depth = 0; current?.$ref && depth < 20; depth++) {
    const parts = String(current.$ref).replace(/^#\//, "").split("/");
    current = parts.reduce<Json | undefined>((at, key) => at?.[key.replace(/~1/g, "/").replace(/~0/g, "~")], spec);
  }
  return current;
}

/** The component name of a `$ref`: `#/components/schemas/BookTime` → `BookTime`. */
function refName(node: Json | undefined): string | undefined {
  return node?.$ref ? String(node.$ref).split("/").pop() : undefined;
}

/** A type in a few words; named schemas keep their name so a reader can look them up in the typed SDK. */
export function typeText(spec: Json, node: Json | undefined, depth = 0): string {
  if (!node) return "any";
  const named = refName(node);
  if (named && depth > 0) return named;
  const schema = deref(spec, node) ?? {};
  if (named && !isScalar(schema)) return named;
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (Array.isArray(schema.enum)) {
    const values = schema.enum.slice(0, 8).map((v: unknown) => JSON.stringify(v));
    return values.join(" | ") + (schema.enum.length > 8 ? " | …" : "");
  }
  const alternatives: Json[] | undefined = schema.oneOf ?? schema.anyOf;
  if (alternatives) {
    return [...new Set(alternatives.map((alt) => typeText(spec, alt, depth + 1)))].join(" | ");
  }
  if (schema.allOf && !schema.properties) {
    return schema.allOf.length === 1 ? typeText(spec, schema.allOf[0], depth + 1) : "object";
  }
  const types: string[] = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  const words = types.map((t) => {
    if (t === "array") return `array of ${typeText(spec, schema.items, depth + 1)}`;
    if (t === "string" && schema.format) return `string (${schema.format})`;
    return t;
  });
  if (!words.length) return schema.properties ? "object" : "any";
  return words.join(" | ");
}

function isScalar(schema: Json): boolean {
  const types: string[] = Array.isArray(schema.type) ? schema.type : [schema.type];
  return !schema.properties && !schema.allOf && types.every((t) => t && t !== "object" && t !== "array");
}

/** The properties and required names of an object schema, allOf parts merged; undefined when it is no object. */
export function objectOf(spec: Json, node: Json | undefined): { properties: Json; required: string[] } | undefined {
  const schema = deref(spec, node);
  if (!schema) return undefined;
  let properties: Json = { ...(schema.properties ?? {}) };
  let required: string[] = [...(schema.required ?? [])];
  for (const part of schema.allOf ?? []) {
    const inner = objectOf(spec, part);
    if (!inner) continue;
    properties = { ...inner.properties, ...properties };
    required = [...required, ...inner.required];
  }
  if (!Object.keys(properties).length) return undefined;
  return { properties, required: [...new Set(required)] };
}

/** The top-level fields of an object schema, for a table. */
export function fieldsOf(spec: Json, node: Json | undefined): Field[] {
  const object = objectOf(spec, node);
  if (!object) return [];
  return Object.entries<Json>(object.properties).map(([name, prop]) => ({
    name,
    type: typeText(spec, prop),
    required: object.required.includes(name),
    description: String(prop.description ?? deref(spec, prop)?.description ?? ""),
  }));
}
