// The engine's check of a request body against the operation's request schema: every field sent is of its
// declared type (the core has already checked the required ones).
import { FieldErrors } from "../reply.js";
import { deref } from "../spec-index.js";

type Schema = Record<string, any>;

/** The schema's properties and required names, `allOf` parts merged. */
function propertiesOf(schema: Schema | undefined): Record<string, Schema> {
  const properties: Record<string, Schema> = {};
  const node = deref(schema);
  if (!node || typeof node !== "object") return properties;
  for (const part of [node, ...(node.allOf ?? []).map(deref)]) Object.assign(properties, part?.properties ?? {});
  return properties;
}

/** Whether a value fits a JSON type, as loosely as the PHP backend reads it. */
const FITS: Record<string, (value: unknown) => boolean> = {
  integer: (v) => (typeof v === "number" ? Number.isInteger(v) : /^\s*-?\d+\s*$/.test(String(v))),
  number: (v) => typeof v === "number" || (typeof v === "string" && v.trim() !== "" && !isNaN(+v)),
  string: (v) => typeof v === "string" || typeof v === "number",
  boolean: (v) => typeof v === "boolean" || v === 0 || v === 1 || v === "0" || v === "1",
  array: (v) => Array.isArray(v),
  object: (v) => typeof v === "object" && !Array.isArray(v),
};

function fits(type: string | string[] | undefined, value: unknown): boolean {
  return value === null || type === undefined || [type].flat().some((t) => FITS[t]?.(value) ?? true);
}

/** Every field the body sends with the wrong type; empty when the body fits the schema. */
export function checkBody(schema: unknown, body: unknown): FieldErrors {
  const errors = new FieldErrors();
  const properties = propertiesOf(schema as Schema | undefined);
  const object = body && typeof body === "object" && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  for (const [name, value] of Object.entries(object)) {
    const type = deref(properties[name])?.type;
    if (value !== undefined && !fits(type, value)) errors.add(name, "Неверный тип значения");
  }
  return errors;
}
