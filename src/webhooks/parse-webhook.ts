// Raw body → typed events. Accepts a string, bytes or already-parsed JSON; one event or an array of
// them. Only the envelope is checked here: `data` is passed through as sent (the spec types it).
import { YclientsWebhookError } from "./webhook-error.js";
import {
  RESOURCE_NAMES,
  type MarketplaceEvent,
  type ResourceEvent,
  type UnknownResourceEvent,
  type WebhookEvent,
} from "./events.js";

export type WebhookBody = string | Uint8Array | ArrayBuffer | unknown;

const KNOWN_RESOURCES = new Set<string>(RESOURCE_NAMES);
/** Other names of known resources: Altegio's docs name the company (location) event `salon`. */
const ALIASES: Readonly<Record<string, string>> = { salon: "company" };

/**
 * Parses a webhook body into its events (a single event becomes a one-item array). Throws
 * `YclientsWebhookError` (`not-json` or `not-an-event`, status 400) when the body is not JSON or an item
 * is not an event; the whole body is refused then, so a retry can deliver it again unchanged.
 */
export function parseWebhook(body: WebhookBody): WebhookEvent[] {
  const value = toJson(body);
  const items = Array.isArray(value) ? value : [value];
  return items.map((item, index) => toEvent(item, Array.isArray(value) ? `item ${index}` : "the body"));
}

function toJson(body: WebhookBody): unknown {
  let text: string;
  if (typeof body === "string") text = body;
  else if (body instanceof Uint8Array || body instanceof ArrayBuffer) {
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(body);
    } catch {
      throw new YclientsWebhookError("not-json", "The webhook body is not UTF-8 text");
    }
  } else if (body === undefined || body === null) {
    throw new YclientsWebhookError("not-json", "The webhook body is empty");
  } else return body; // parsed already (a framework's JSON body parser)
  if (!text.trim()) throw new YclientsWebhookError("not-json", "The webhook body is empty");
  try {
    return JSON.parse(text);
  } catch {
    // The text may be anything (an HTML page, half a document); it is not echoed.
    throw new YclientsWebhookError("not-json", `The webhook body is not JSON (${text.length} characters)`);
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const isId = (value: unknown) =>
  (typeof value === "number" && Number.isInteger(value) && value >= 0) ||
  (typeof value === "string" && /^\d+$/.test(value));

function toEvent(item: unknown, where: string): WebhookEvent {
  if (!isObject(item)) throw new YclientsWebhookError("not-an-event", `${where} is not a JSON object`);
  if ("resource" in item) return toResourceEvent(item, where);
  if ("event" in item && "salon_id" in item) return toMarketplaceEvent(item, where);
  throw new YclientsWebhookError("not-an-event", `${where} has neither "resource" nor a marketplace "event"`);
}

function toResourceEvent(item: Record<string, unknown>, where: string): ResourceEvent | UnknownResourceEvent {
  const problems: string[] = [];
  if (!isId(item.company_id)) problems.push("company_id must be an integer");
  if (typeof item.resource !== "string" || !item.resource) problems.push("resource must be a non-empty string");
  if (!isId(item.resource_id)) problems.push("resource_id must be an integer");
  if (typeof item.status !== "string" || !item.status) problems.push("status must be a non-empty string");
  if (!isObject(item.data)) problems.push("data must be an object");
  if (problems.length) throw new YclientsWebhookError("not-an-event", `${where}: ${problems.join("; ")}`);
  const sent = item.resource as string;
  const resource = Object.hasOwn(ALIASES, sent) ? ALIASES[sent] : sent;
  const status = item.status as string;
  // A number sent as a digit string is made a number, as the spec types it.
  const companyId = Number(item.company_id);
  // A known resource stays its resource whatever its status: a newer status must not hide a record event.
  if (KNOWN_RESOURCES.has(resource)) {
    if (typeof item.company_id === "number" && resource === sent) return item as ResourceEvent;
    return { ...item, resource, company_id: companyId } as ResourceEvent;
  }
  return {
    resource: "unknown",
    sentResource: sent,
    company_id: companyId,
    resource_id: item.resource_id as number | string,
    status,
    data: item.data,
  };
}

function toMarketplaceEvent(item: Record<string, unknown>, where: string): MarketplaceEvent {
  const problems: string[] = [];
  if (!isId(item.salon_id)) problems.push("salon_id must be an integer");
  if (!isId(item.application_id)) problems.push("application_id must be an integer");
  if (typeof item.event !== "string" || !item.event) problems.push("event must be a non-empty string");
  if (typeof item.partner_token !== "string") problems.push("partner_token must be a string");
  if (problems.length) throw new YclientsWebhookError("not-an-event", `${where}: ${problems.join("; ")}`);
  const { partner_token: token, ...rest } = item;
  const event = { ...rest, salon_id: Number(item.salon_id), application_id: Number(item.application_id) };
  // Readable, but left out of JSON.stringify, util.inspect and object spreads, so logging an event
  // cannot print the partner token.
  Object.defineProperty(event, "partner_token", { value: token, enumerable: false });
  return event as MarketplaceEvent;
}
