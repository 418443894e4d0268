// The typed webhook events. Every shape comes from the spec (openapi/webhooks/*.yaml, generated into
// `webhooks` of generated/schema.ts); this file only names them and joins them into one union.
import type { webhooks } from "../../generated/schema.js";

type Body<Name extends keyof webhooks> = NonNullable<webhooks[Name]["post"]>["requestBody"] extends infer B
  ? B extends { content: { "application/json": infer J } }
    ? J
    : never
  : never;

/** What happened to the entity. */
export type WebhookStatus = "create" | "update" | "delete";

export type RecordEvent = Body<"record">;
export type ClientEvent = Body<"client">;
export type StaffEvent = Body<"staff">;
export type ServiceEvent = Body<"service">;
export type ServiceCategoryEvent = Body<"service_category">;
export type CompanyEvent = Body<"company">;
export type GoodEvent = Body<"good">;
/** A goods operation: one resource name per kind (`goods_operations_sale`, `…_receipt`, `…_move`…). */
export type GoodsOperationEvent = Body<"goods_operations">;
export type FinanceOperationEvent = Body<"finances_operation">;

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
  | FinanceOperationEvent;

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
 * An event whose `resource` (or `status`) this SDK version does not know. Its `resource` is the literal
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
];

export const WEBHOOK_STATUSES: readonly WebhookStatus[] = ["create", "update", "delete"];

export function isMarketplaceEvent(event: WebhookEvent): event is MarketplaceEvent {
  return event.resource === undefined;
}

export function isUnknownResourceEvent(event: WebhookEvent): event is UnknownResourceEvent {
  return event.resource === "unknown";
}
