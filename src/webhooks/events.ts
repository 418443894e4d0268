// The typed webhook events. Every shape comes from the spec (openapi/webhooks/*.yaml, generated into
// `webhooks` of generated/schema.ts); this file only names them and joins them into one union.
import type { webhooks } from "../../generated/schema.js";

type Body<Name extends keyof webhooks> = NonNullable<webhooks[Name]["post"]>["requestBody"] extends infer B
  ? B extends { content: { "application/json": infer J } }
    ? J
    : never
  : never;

/** The statuses the docs name. */
export type KnownWebhookStatus = "create" | "update" | "delete";

/**
 * What happened to the entity: one of the documented statuses, or a newer one as sent (the `string & {}`
 * keeps the three known ones offered by autocompletion). A known resource with a newer status is still its
 * resource's event, so `on.record` receives it.
 */
export type WebhookStatus = KnownWebhookStatus | (string & {});

/** The spec's body with `status` open (the spec types it as any string). */
type Event<Name extends keyof webhooks> = Omit<Body<Name>, "status"> & { status: WebhookStatus };

export type RecordEvent = Event<"record">;
export type ClientEvent = Event<"client">;
export type StaffEvent = Event<"staff">;
export type ServiceEvent = Event<"service">;
export type ServiceCategoryEvent = Event<"service_category">;
/** The company (location) changed. Altegio names it `salon`; the parser hands both names to you as `company`. */
export type CompanyEvent = Omit<Event<"company">, "resource"> & { resource: "company" };
export type GoodEvent = Event<"good">;
/** A goods operation: one resource name per kind (`goods_operations_sale`, `…_receipt`, `…_move`…). */
export type GoodsOperationEvent = Event<"goods_operations">;
export type FinanceOperationEvent = Event<"finances_operation">;
/** A loyalty card changed (documented by Altegio only; `data` is not typed yet, see openapi/NOTES.md). */
export type LoyaltyCardEvent = Event<"loyalty_card">;
/** A work schedule changed (documented by Altegio only; `data` is not typed yet, see openapi/NOTES.md). */
export type ScheduleEvent = Event<"schedule">;

/** An event about an entity this SDK knows, discriminated by `resource` (and `status`). */
export type ResourceEvent =
  | RecordEvent
  | ClientEvent
  | StaffEvent
  | ServiceEvent
  | ServiceCategoryEvent
  | CompanyEvent
  | GoodEvent
  | GoodsOperationEvent
  | FinanceOperationEvent
  | LoyaltyCardEvent
  | ScheduleEvent;

/** The `resource` values this SDK types. */
export type ResourceName = ResourceEvent["resource"];

/**
 * The event type of one resource name: `EventOf<"record">` is `RecordEvent`. The goods operations share one
 * schema whose `resource` is a union, so theirs is narrowed to the one name.
 */
export type EventOf<R extends ResourceName> = ResourceEvent extends infer E
  ? E extends { resource: infer N }
    ? R extends N
      ? [N] extends [R]
        ? E
        : Omit<E, "resource"> & { resource: R }
      : never
    : never
  : never;

/**
 * An event whose `resource` this SDK version does not know. Its `resource` is the literal
 * `"unknown"` so that `event.resource === "record"` narrows the union; the name as sent is `sentResource`.
 */
export interface UnknownResourceEvent {
  readonly resource: "unknown";
  /** The `resource` value as YCLIENTS sent it. */
  readonly sentResource: string;
  readonly company_id: number;
  readonly resource_id: number | string;
  /** The `status` as sent (`create`, `update`, `delete` or something newer). */
  readonly status: string;
  readonly data: unknown;
}

/**
 * A marketplace application lifecycle event (`uninstall`, `freeze`). It has no `resource`; the
 * `resource?: undefined` member only lets `event.resource` be read on the whole union.
 */
export type MarketplaceEvent = Omit<Body<"marketplace_application">, "event"> & {
  /** `uninstall` or `freeze`; a newer kind arrives as its own string. */
  event: Body<"marketplace_application">["event"] | (string & {});
  resource?: undefined;
};

/** Anything `parseWebhook()` returns. */
export type WebhookEvent = ResourceEvent | UnknownResourceEvent | MarketplaceEvent;

/** Every resource name the union above types, for runtime checks. */
export const RESOURCE_NAMES: readonly ResourceName[] = [
  "record",
  "client",
  "staff",
  "service",
  "service_category",
  "company",
  "good",
  "goods_operations_sale",
  "goods_operations_receipt",
  "goods_operations_consumable",
  "goods_operations_stolen",
  "goods_operations_move",
  "finances_operation",
  "loyalty_card",
  "schedule",
];

/** The statuses the docs name; any other arrives as sent. */
export const WEBHOOK_STATUSES: readonly KnownWebhookStatus[] = ["create", "update", "delete"];

export function isMarketplaceEvent(event: WebhookEvent): event is MarketplaceEvent {
  return event.resource === undefined;
}

export function isUnknownResourceEvent(event: WebhookEvent): event is UnknownResourceEvent {
  return event.resource === "unknown";
}
