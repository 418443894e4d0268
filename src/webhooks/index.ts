// `yclients-client/webhooks`: typed YCLIENTS webhook events, a parser, receivers for every runtime,
// origin checks, de-duplication, and registering a URL in the company's webhook settings.
export type {
  ClientEvent,
  CompanyEvent,
  EventOf,
  FinanceOperationEvent,
  GoodEvent,
  GoodsOperationEvent,
  KnownWebhookStatus,
  LoyaltyCardEvent,
  MarketplaceEvent,
  RecordEvent,
  ResourceEvent,
  ResourceName,
  ScheduleEvent,
  ServiceCategoryEvent,
  ServiceEvent,
  StaffEvent,
  UnknownResourceEvent,
  WebhookEvent,
  WebhookStatus,
} from "./events.js";
export { RESOURCE_NAMES, WEBHOOK_STATUSES, isMarketplaceEvent, isUnknownResourceEvent } from "./events.js";
export { YclientsWebhookError, type WebhookRejection } from "./webhook-error.js";
export { parseWebhook, type WebhookBody } from "./parse-webhook.js";
export { constantTimeEqual, urlCarriesSecret, type UrlSecretOptions } from "./origin.js";
export {
  DEFAULT_DEDUPE_TTL_MS,
  MemoryDedupeStore,
  webhookDeliveryKey,
  type DedupeClaim,
  type DedupeOptions,
  type DeliveryIdentity,
  type WebhookDedupeStore,
} from "./dedupe.js";
export {
  DEFAULT_DEDUPE_STORE_TIMEOUT_MS,
  RedisDedupeStore,
  YclientsDedupeStoreError,
  type RedisDedupeClient,
  type RedisDedupeStoreOptions,
} from "./redis-dedupe.js";
export {
  DEFAULT_MAX_BODY_BYTES,
  WebhookReceiver,
  type Delivery,
  type DeliveryAnswer,
  type WebhookCallbacks,
  type WebhookReceiverOptions,
} from "./receiver.js";
export { createWebhookHandler, type WebhookHandler } from "./handler.js";
export {
  createNodeWebhookHandler,
  type NodeWebhookHandler,
  type NodeWebhookRequest,
  type NodeWebhookResponse,
} from "./node.js";
export { registerWebhook, type RegisterWebhookOptions, type HooksSettings } from "./register.js";
