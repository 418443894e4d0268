// The engine's check of a request body against the operation's request schema: the fields sent are of the
// declared type (the core has already checked the required ones). Loose like the PHP backend: numbers may arrive as numeric strings,
// booleans as 0/1.
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

function fits(type: string | string[] | undefined, value: unknown): boolean {
  if (value === null || type === undefined) return true;
  const types = Array.isArray(type) ? type : [type];
  return types.some((t) => {
    switch (t) {
      case "integer":
        return typeof value === "number" ? Number.isInteger(value) : /^\s*-?\d+\s*$/.test(String(value));
      case "number":
        return typeof value === "number" || (typeof value === "string" && value.trim() !== "" && !isNaN(+value));
      case "string":
        return typeof value === "string" || typeof value === "number";
      case "boolean":
        return typeof value === "boolean" || value === 0 || value === 1 || value === "0" || value === "1";
      case "array":
        return Array.isArray(value);
      case "object":
        return typeof value === "object" && !Array.isArray(value);
      default:
        return true;
    }
  });
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
