// Registers one webhook URL in a company's settings without dropping the URLs already there. Written
// against the typed client (`yc.GET`/`yc.POST`), so it works with YclientsClient and YclientsTypedClient.
import type { components } from "../../generated/schema.js";
import type { YclientsTypedClient } from "../typed-client.js";
import { YclientsConfigError } from "../errors.js";
import { RESOURCE_NAMES, type ResourceName } from "./events.js";

export type HooksSettings = components["schemas"]["HooksSettings"];
type Flag = Exclude<keyof HooksSettings, "urls" | "active">;

/** The settings flag of each event resource; two of them differ (`company` → `salon`, `staff` → `master`). */
const FLAG_OF: Record<ResourceName, Flag> = {
  record: "record",
  client: "client",
  staff: "master",
  service: "service",
  service_category: "service_category",
  company: "salon",
  good: "good",
  goods_operations_sale: "goods_operations_sale",
  goods_operations_receipt: "goods_operations_receipt",
  goods_operations_consumable: "goods_operations_consumable",
  goods_operations_stolen: "goods_operations_stolen",
  goods_operations_move: "goods_operations_move",
  finances_operation: "finances_operation",
  // Assumed: these flags share the event's name (no source shows them; see openapi/NOTES.md).
  loyalty_card: "loyalty_card",
  schedule: "schedule",
};

export interface RegisterWebhookOptions {
  /** The URL YCLIENTS should POST events to (put your URL secret in it). */
  url: string;
  /** The event resources to turn on, e.g. `["record", "client"]`. */
  resources: readonly ResourceName[];
  /** Default: the client's `companyId`. */
  companyId?: number | string;
  /** A user token with the right to change the company's settings, when the client has none. */
  userToken?: string;
}

/**
 * Reads the company's webhook settings, adds `url` when it is missing, turns on the flags of
 * `resources` and `active`, and writes the settings back. Other URLs and flags already on are kept:
 * the flags are shared by every URL, so the other URLs get the newly enabled events too.
 * Resolves with the settings after the change.
 */
export async function registerWebhook(
  yc: YclientsTypedClient,
  options: RegisterWebhookOptions,
): Promise<HooksSettings> {
  const companyId = yc.resolveCompanyId(options.companyId);
  if (!/^https?:\/\//i.test(options.url)) throw new YclientsConfigError("registerWebhook needs an http(s) url");
  const unknown = options.resources.filter((r) => !RESOURCE_NAMES.includes(r));
  if (unknown.length || !options.resources.length) {
    throw new YclientsConfigError(`registerWebhook needs resources from: ${RESOURCE_NAMES.join(", ")}`);
  }
  const call = { params: { path: { company_id: companyId } }, userToken: options.userToken };
  const { data: current } = await yc.GET("/hooks_settings/{company_id}", call);
  const next: components["schemas"]["HooksSettingsUpdateRequest"] = { ...current.data, active: 1 };
  next.urls = current.data.urls.includes(options.url) ? [...current.data.urls] : [...current.data.urls, options.url];
  for (const resource of options.resources) next[FLAG_OF[resource]] = 1;
  const { data: updated } = await yc.POST("/hooks_settings/{company_id}", { ...call, body: next });
  return updated.data;
}
