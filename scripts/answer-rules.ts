// Merge-time rules about what YCLIENTS really sends, applied once to the whole spec instead of field by field
// (openapi/README.md, "Answer rules"):
//   - `[]` for an absent object: every optional object-typed property of a v1 answer also accepts an empty array,
//     unless the property or the schema it points to says `x-empty-array: false`;
//   - `x-envelope: optional` on an operation: its success answer comes bare (the `data` alone) or wrapped, so the
//     merged spec accepts both; the types (typesView) keep the envelope, which is what the SDK hands back.
import { refTarget, resolveRef } from "../src/resolve-ref";

type Json = Record<string, any>;

const EMPTY_ARRAY: Json = { type: "array", maxItems: 0 };
const COMPONENT = "#/components/schemas/";

/** True when the schema already lets an array through (then `[]` needs no extra branch). */
function acceptsArray(schema: Json, spec: Json, seen = new Set<string>()): boolean {
  if (!schema || typeof schema !== "object") return false;
  if (schema.$ref) {
    const name = String(schema.$ref).slice(COMPONENT.length);
    if (seen.has(name)) return false;
    seen.add(name);
    return acceptsArray(refTarget(spec, String(schema.$ref)), spec, seen);
  }
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  if (types.includes("array")) return true;
  return [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])].some((s: Json) => acceptsArray(s, spec, seen));
}

/**
 * True when the schema describes an object (a `type: object`, or a `$ref` to one), or an object that may be
 * `null` (`anyOf`/`oneOf` of objects and `null`): a nullable object arrives as `[]` too (a staff member's `user`).
 */
function isObject(schema: Json, spec: Json): boolean {
  if (!schema || typeof schema !== "object") return false;
  if (schema.$ref) {
    if (!String(schema.$ref).startsWith(COMPONENT)) return false;
    const target = refTarget(spec, String(schema.$ref));
    return Boolean(target) && target["x-empty-array"] !== false && isObject(target, spec);
  }
  const branches: Json[] = schema.anyOf ?? schema.oneOf ?? [];
  if (branches.length > 0 && schema.type === undefined) {
    const objects = branches.filter((b) => b?.type !== "null");
    return objects.length > 0 && objects.every((b) => isObject(b, spec));
  }
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  return types.includes("object") || (schema.type === undefined && Boolean(schema.properties));
}

/** Lets every object-typed property of every answer (responses, webhook bodies) also be `[]`. */
export function allowEmptyArrays(spec: Json): Json {
  const doneComponents = new Set<string>();
  const visit = (schema: Json | undefined, depth: number): void => {
    if (!schema || typeof schema !== "object" || depth > 64) return;
    if (schema.$ref) {
      const ref = String(schema.$ref);
      if (!ref.startsWith(COMPONENT)) return;
      const name = ref.slice(COMPONENT.length);
      if (doneComponents.has(name)) return;
      doneComponents.add(name);
      visit(refTarget(spec, ref), depth + 1);
      return;
    }
    for (const [key, property] of Object.entries<Json>(schema.properties ?? {})) {
      // A required property is always there (the entity itself): only an optional one can be "absent".
      const optional = !(schema.required ?? []).includes(key);
      if (
        optional &&
        property?.["x-empty-array"] !== false &&
        isObject(property, spec) &&
        !acceptsArray(property, spec)
      ) {
        const { description, ...rest } = property;
        schema.properties[key] = {
          ...(description === undefined ? {} : { description }),
          anyOf: [rest, EMPTY_ARRAY],
        };
      }
      visit(property, depth + 1);
    }
    for (const key of ["items", "additionalProperties", "not"]) {
      if (schema[key] && typeof schema[key] === "object") visit(schema[key], depth + 1);
    }
    for (const key of ["allOf", "anyOf", "oneOf", "prefixItems"])
      for (const part of schema[key] ?? []) visit(part, depth + 1);
  };
  // The envelope itself (`data`, `meta`) is left alone: the rule is about objects inside the answer.
  const visitAnswer = (schema: Json | undefined): void => {
    if (!schema || typeof schema !== "object") return;
    // An envelope may be a component (`LabelCreated`): look through the `$ref` to find its `data`.
    const envelope = schema.$ref && String(schema.$ref).startsWith(COMPONENT) ? refTarget(spec, schema.$ref) : schema;
    if (envelope?.properties?.success && envelope.properties.data) visit(envelope.properties.data, 0);
    else visit(schema, 0);
  };
  const responseOf = (r: Json): Json | undefined => resolveRef(spec, r);
  for (const item of Object.values<Json>(spec.paths ?? {})) {
    // `/api/v2` (JSON:API) and `/marketplace` answers come from other serialisers: no evidence of the quirk there.
    if (item.servers?.length) continue;
    for (const op of Object.values<Json>(item)) {
      if (!op || typeof op !== "object" || !op.responses) continue;
      for (const response of Object.values<Json>(op.responses)) {
        for (const media of Object.values<Json>(responseOf(response)?.content ?? {})) visitAnswer(media.schema);
      }
    }
  }
  return spec;
}

/**
 * `x-required: [names]` on a request body: the request requires exactly these fields, whatever the shared schema
 * (often the create body) requires. Updates carry `x-required: []` or the few fields a source marks required, so
 * a typed caller can send a partial update. The schema is inlined as a copy; nested `$ref`s stay.
 */
export function applyRequestRequired(spec: Json): Json {
  const withRequired = (schema: Json, required: string[]): Json => {
    const target: Json = schema?.$ref ? refTarget(spec, String(schema.$ref)) : schema;
    const { required: _dropped, allOf, ...rest } = target;
    const copy: Json = { ...rest };
    if (allOf) copy.allOf = allOf.map((part: Json) => withRequired(part, []));
    if (required.length) copy.required = required;
    return copy;
  };
  // On a component schema (an update-only body built from the create body): rewritten in place.
  for (const [name, schema] of Object.entries<Json>(spec.components?.schemas ?? {})) {
    const required = schema?.["x-required"];
    if (required === undefined) continue;
    if (!Array.isArray(required)) throw new Error(`components.schemas.${name}: x-required must be a list`);
    spec.components.schemas[name] = { ...withRequired(schema, required), "x-required": required };
  }
  // On a request body whose schema is shared with another operation: an inlined copy for this operation.
  for (const [path, item] of Object.entries<Json>(spec.paths ?? {})) {
    for (const [method, op] of Object.entries<Json>(item)) {
      const body = op?.requestBody;
      if (!body || body["x-required"] === undefined) continue;
      const required = body["x-required"];
      if (!Array.isArray(required)) throw new Error(`${method} ${path}: x-required must be a list of field names`);
      for (const media of Object.values<Json>(body.content ?? {})) {
        if (media.schema) media.schema = withRequired(media.schema, required);
      }
    }
  }
  return spec;
}

/** Operations whose success answer may come without the envelope (`x-envelope: optional`). */
export function optionalEnvelopeOps(spec: Json): Array<{ method: string; path: string; op: Json }> {
  const out: Array<{ method: string; path: string; op: Json }> = [];
  for (const [path, item] of Object.entries<Json>(spec.paths ?? {})) {
    for (const [method, op] of Object.entries<Json>(item)) {
      if (op?.["x-envelope"] === undefined) continue;
      if (op["x-envelope"] !== "optional") throw new Error(`${method} ${path}: x-envelope must be "optional"`);
      out.push({ method: method.toUpperCase(), path, op });
    }
  }
  return out;
}

/** For `x-envelope: optional` operations, a 2xx answer is the envelope or its bare `data`. */
export function allowBareAnswers(spec: Json): Json {
  for (const { method, path, op } of optionalEnvelopeOps(spec)) {
    for (const [status, response] of Object.entries<Json>(op.responses ?? {})) {
      const media = /^2/.test(status) ? response?.content?.["application/json"] : undefined;
      if (!media) continue;
      const envelope = media.schema?.$ref ? refTarget(spec, String(media.schema.$ref)) : media.schema;
      const data = envelope?.properties?.data;
      if (!data) throw new Error(`${method} ${path}: x-envelope needs a {success, data, meta} schema`);
      media.schema = { "x-sdk-envelope": media.schema, anyOf: [media.schema, data] };
    }
  }
  return spec;
}

/** The spec as the SDK's types see it: a bare-or-wrapped answer is the envelope, which is what callers get. */
export function typesView(spec: Json): Json {
  const copy = structuredClone(spec);
  for (const { op } of optionalEnvelopeOps(copy)) {
    for (const response of Object.values<Json>(op.responses ?? {})) {
      const media = response?.content?.["application/json"];
      if (media?.schema?.["x-sdk-envelope"]) media.schema = media.schema["x-sdk-envelope"];
    }
  }
  return copy;
}
