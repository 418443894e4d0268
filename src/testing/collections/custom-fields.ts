// Custom fields of clients and records, declared and nothing else: the CRUD engine lists, creates, changes and
// deletes them through the `x-sim` bindings of the four operations. Every company starts with the documented
// example field for clients and for records (ids `company × 10 + 1` and `+ 2`, below every created id).
import { collection, table } from "../engine/collection.js";
import { shaped } from "../engine/shape.js";
import { isObject, text } from "../handlers/input.js";
import type { SimulatorState } from "../state.js";

/** A text field of a company's clients or records (`category`, the path's `field_category`), editable and shown. */
function textField(company_id: number, category: string, code: string, title: string) {
  return { company_id, category, code, title, type: "text", user_can_edit: true, show_in_ui: true };
}

export type SimCustomField = { id: number } & ReturnType<typeof textField>;

const TYPE_TITLES: Record<string, string> = { text: "Текст", number: "Число", select: "Список", date: "Дата" };

function seed(state: SimulatorState): SimCustomField[] {
  return state.companies.flatMap((company) =>
    ["client", "record"].map((category, i) => ({
      id: company.id * 10 + 1 + i,
      ...textField(company.id, category, "my_text_field", "поле для теста"),
    })),
  );
}

/** The fields a body sets (all optional on update; the core has checked the create's required ones). */
function fieldsOf(body: unknown): Partial<SimCustomField> {
  const b = isObject(body) ? body : {};
  const out: Partial<SimCustomField> = {};
  for (const key of ["code", "title", "type"] as const) if (b[key] !== undefined) out[key] = text(b[key]);
  for (const key of ["user_can_edit", "show_in_ui"] as const) if (b[key] !== undefined) out[key] = Boolean(b[key]);
  return out;
}

export const customFieldsOf = (state: SimulatorState) => table(state, "customFields", seed);

export const customFields = collection<SimCustomField>({
  rows: customFieldsOf,
  notFound: "Поле не найдено",
  where: (f, ctx) => f.category === ctx.params.field_category,
  view: (f) => ({
    id: f.id,
    salon_id: f.company_id,
    custom_field: shaped("CustomFieldDefinition", f, { type: { code: f.type, title: TYPE_TITLES[f.type] ?? f.type } }),
  }),
  create: (ctx, companyId) => ({ ...textField(companyId, ctx.params.field_category, "", ""), ...fieldsOf(ctx.body) }),
  update: (field, ctx) => void Object.assign(field, fieldsOf(ctx.body)),
});
