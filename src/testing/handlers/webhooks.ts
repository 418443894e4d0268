// `/hooks_settings/{company_id}`: where the simulator sends its webhooks (see ../webhook-sender.ts).
import { FieldErrors, ok, type SimResponse } from "../reply.js";
import type { HooksSettings } from "../state.js";
import { requireCompany } from "./scope.js";
import type { HandlerContext, HandlerTable } from "./context.js";
import { isObject } from "./input.js";

/** Every flag of the settings, in the documented order. */
export const HOOK_FLAGS = [
  "salon",
  "service_category",
  "service",
  "good",
  "master",
  "client",
  "record",
  "goods_operations_sale",
  "goods_operations_receipt",
  "goods_operations_consumable",
  "goods_operations_stolen",
  "goods_operations_move",
  "finances_operation",
] as const;

function settingsOf(ctx: HandlerContext, companyId: number): HooksSettings {
  const found = ctx.state.hooksSettings.get(companyId);
  if (found) return found;
  return { urls: [], active: 0, ...Object.fromEntries(HOOK_FLAGS.map((f) => [f, 0])) };
}

const view = (settings: HooksSettings) => ({ ...settings, urls: [...settings.urls] });

function getHooksSettings(ctx: HandlerContext): SimResponse {
  const company = requireCompany(ctx.state, ctx.params.company_id);
  return ok(view(settingsOf(ctx, company.id)));
}

/** Replaces the URL list and the flags given; flags left out keep their value. */
function updateHooksSettings(ctx: HandlerContext): SimResponse {
  const company = requireCompany(ctx.state, ctx.params.company_id);
  const body = isObject(ctx.body) ? ctx.body : {};
  const errors = new FieldErrors();
  const urls = body.urls;
  if (!Array.isArray(urls) || urls.some((u) => typeof u !== "string" || !/^https?:\/\/[^\s]+$/i.test(u))) {
    errors.set("urls", "Ожидается список адресов http(s)");
  }
  for (const flag of ["active", ...HOOK_FLAGS]) {
    const value = body[flag];
    if (value !== undefined && value !== 0 && value !== 1 && value !== "0" && value !== "1") {
      errors.set(flag, "Значение должно быть 0 или 1");
    }
  }
  if (errors.any) return errors.response(422);
  const next: HooksSettings = { ...settingsOf(ctx, company.id), urls: [...(urls as string[])] };
  for (const flag of ["active", ...HOOK_FLAGS]) {
    if (body[flag] !== undefined) next[flag] = Number(body[flag]);
  }
  ctx.state.hooksSettings.set(company.id, next);
  return ok(view(next), [], 201);
}

export const webhookSettingsHandlers: HandlerTable = {
  "GET /hooks_settings/{company_id}": getHooksSettings,
  "POST /hooks_settings/{company_id}": updateHooksSettings,
};
