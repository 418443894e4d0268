// Answers shaped by the spec: a view names the component schema it answers with, passes its row and adds what
// the row does not hold under the API's name. Every documented field comes, in the schema's order, from the
// additions, else from the row's field of that name, else empty: null where the schema allows it, `[]` for a
// relation the API sends as an empty list, else 0, "" or false; the row's undocumented fields (its company, its
// deleted mark, …) stay out. So a view is as short as what it knows, and its answer carries every field.
import { deref } from "../spec-index.js";

type Schema = Record<string, any>;

/** The JSON types a schema allows, through nested `oneOf` / `anyOf`. */
function typesOf(schema: Schema | undefined): string[] {
  const node = deref(schema) ?? {};
  const parts: Schema[] | undefined = node.oneOf ?? node.anyOf;
  if (parts) return parts.flatMap(typesOf);
  return [node.type ?? [], node.nullable ? "null" : []].flat();
}

const EMPTY: Record<string, unknown> = { integer: 0, number: 0, string: "", boolean: false };

function emptyOf(schema: Schema | undefined): unknown {
  const types = typesOf(schema);
  if (types.includes("null")) return null;
  if (types.includes("array")) return [];
  return types[0] === "object" ? {} : (EMPTY[types[0]] ?? null);
}

const properties = new Map<string, [string, Schema][]>();

function propertiesOf(name: string): [string, Schema][] {
  let found = properties.get(name);
  if (!found) {
    const schema = deref({ $ref: `#/components/schemas/${name}` });
    if (!schema?.properties) throw new Error(`no schema with properties named ${name}`);
    properties.set(name, (found = Object.entries(schema.properties)));
  }
  return found;
}

/** An object of the `#/components/schemas/<name>` schema, from `known`, then `row`, then empty values. */
export function shaped(name: string, row: object, known: Record<string, unknown> = {}): Record<string, unknown> {
  const answer: Record<string, unknown> = {};
  const fields = row as Record<string, unknown>;
  for (const [field, schema] of propertiesOf(name)) {
    answer[field] = field in known ? known[field] : field in fields ? fields[field] : emptyOf(schema);
  }
  return Object.assign(answer, known);
}
