// Products as a collection of the CRUD engine: list (by name, article or barcode, and category), get, create,
// update, delete (marked deleted, so documents that name it still read). Stock moves through storage documents.
import { collection, inArea } from "../engine/collection.js";
import { finiteNumber, goodView } from "../handlers/money/common.js";
import { isObject, text, toInt } from "../handlers/input.js";
import { moneyState, roundMoney } from "../money-state.js";
import { FieldErrors } from "../reply.js";
import type { HandlerContext } from "../handlers/context.js";

function readGoodBody(ctx: HandlerContext) {
  const body = isObject(ctx.body) ? ctx.body : {};
  const errors = new FieldErrors();
  const title = text(body.title);
  if (!title) errors.add("title", "Название обязательно");
  const numbers: Record<string, number> = {};
  for (const field of ["cost", "actual_cost", "unit_equals"]) {
    const value = body[field] === undefined ? (field === "unit_equals" ? 1 : 0) : finiteNumber(body[field]);
    if (value === undefined || value < 0 || (field === "unit_equals" && value === 0))
      errors.add(field, "Должно быть положительным числом");
    else numbers[field] = value;
  }
  errors.check();
  return {
    title,
    article: text(body.article),
    barcode: text(body.barcode),
    category_id: toInt(body.category_id) ?? 0,
    cost: roundMoney(numbers.cost),
    actual_cost: roundMoney(numbers.actual_cost),
    unit_equals: numbers.unit_equals,
    unit_id: toInt(body.sale_unit_id) ?? 1,
    service_unit_id: toInt(body.service_unit_id) ?? 2,
  };
}

export const goods = collection({
  ...inArea(moneyState, "goods", "money"),
  notFound: "Товар не найден",
  live: (g) => !g.deleted,
  filters: {
    term: (g, v) => [g.title, g.article, g.barcode].some((f) => f.toLowerCase().includes(v.toLowerCase())),
    category_id: (g, v) => g.category_id === toInt(v),
  },
  view: (g, ctx) => goodView(ctx, g),
  create: (ctx, companyId) => ({
    company_id: companyId,
    stock: {},
    deleted: false,
    updated_at: ctx.now,
    ...readGoodBody(ctx),
  }),
  update: (good, ctx) => void Object.assign(good, readGoodBody(ctx), { updated_at: ctx.now }),
});
