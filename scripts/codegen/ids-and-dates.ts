// Where ids and dates sit inside a request body, so the runtime can convert what a caller chained from an answer.
import { resolveRef } from "../../src/resolve-ref";
import { isInteger, objectView, typesOf } from "./schema-view";

type Json = Record<string, any>;

const ID_NAME = /^(id|.+_id)$/;
const IDS_NAME = /^(ids|.+_ids)$/;

/**
 * Where ids and dates sit inside a params object (`appointments[].staff_id`), read from the schema: integer fields
 * named `id`/`*_id`, and `format: date`/`date-time` fields. The runtime converts what a caller chained from an
 * answer (a digit string, a Date, Unix seconds) into the form the schema asks for.
 */
export function idsAndDates(spec: Json, schema: Json | undefined): { ids: string[]; dates: Record<string, string> } {
  const ids: string[] = [];
  const dates: Record<string, string> = {};
  const seen = new Set<Json>();
  const visit = (node: Json | undefined, prefix: string, depth: number) => {
    const s = resolveRef(spec, node);
    if (!s || depth > 6 || seen.has(s)) return;
    seen.add(s);
    const view = objectView(spec, s);
    for (const [name, raw] of Object.entries(view?.properties ?? {})) {
      const field = resolveRef(spec, raw);
      const at = `${prefix}${name}`;
      // A plain string named `datetime` is ISO 8601 by the API's own convention, even where the spec has no format.
      const named = /^(.+_)?datetime$/.test(name) && typesOf(field).join() === "string" ? "date-time" : undefined;
      const format =
        field?.format ?? (field?.oneOf ?? field?.anyOf ?? []).map((a: Json) => resolveRef(spec, a)?.format)[0] ?? named;
      if (ID_NAME.test(name) && isInteger(spec, field) && !typesOf(field).includes("string")) ids.push(at);
      else if (IDS_NAME.test(name) && typesOf(field).includes("array") && isInteger(spec, field.items)) {
        if (!typesOf(resolveRef(spec, field.items)).includes("string")) ids.push(`${at}[]`);
      } else if (format === "date" || format === "date-time") dates[at] = format;
      else if (typesOf(field).includes("array")) visit(field.items, `${at}[].`, depth + 1);
      else visit(field, `${at}.`, depth + 1);
    }
    seen.delete(s);
  };
  visit(schema, "", 0);
  return { ids, dates };
}
