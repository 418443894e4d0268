// `/hooks_settings/{company_id}`: where the simulator sends its webhooks (see ../webhook-sender.ts).
import { FieldErrors, ok, type SimResponse } from "../reply.js";
import type { HooksSettings } from "../state.js";
import { deref } from "../spec-index.js";
import { requireCompany } from "./scope.js";
import type { HandlerContext, HandlerTable } from "./context.js";
import { isObject } from "./input.js";

/** Every 0/1 flag of the settings (`active` first), in the documented order: read from the spec's schema. */
const flags = (): string[] =>
  Object.entries(deref({ $ref: "#/components/schemas/HooksSettings" }).properties)
    .filter(([, schema]: [string, any]) => schema.$ref === "#/components/schemas/HooksFlag")
    .map(([name]) => name);

function settingsOf(ctx: HandlerContext, companyId: number): HooksSettings {
  const found = ctx.state.hooksSettings.get(companyId);
  return found ?? { urls: [], active: 0, ...Object.fromEntries(flags().map((f) => [f, 0])) };
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
  for (const flag of flags()) {
    if (![undefined, 0, 1, "0", "1"].includes(body[flag])) errors.set(flag, "Значение должно быть 0 или 1");
  }
  if (errors.any) return errors.response(422);
  const next: HooksSettings = { ...settingsOf(ctx, company.id), urls: [...(urls as string[])] };
  for (const flag of flags()) if (body[flag] !== undefined) next[flag] = Number(body[flag]);
  ctx.state.hooksSettings.set(company.id, next);
  return ok(view(next), [], 201);
}

export const webhookSettingsHandlers: HandlerTable = {
  "GET /hooks_settings/{company_id}": getHooksSettings,
  "POST /hooks_settings/{company_id}": updateHooksSettings,
};
