// The public surface of yclients-client.
export { YclientsClient } from "./client.js";
export { YclientsTypedClient, type YclientsClientOptions } from "./typed-client.js";
export type { CallOptions, MethodOptions, TypedMethod, TypedResult, EnvelopeData } from "./types.js";
export type { Id, DateArg, Params } from "./resources/signatures.js";
export type { YclientsResponse, YclientsSuccess, YclientsFailure, YclientsMeta } from "./envelope.js";
export type { RetryOptions, CircuitBreakerOptions } from "./config.js";
export type { ValidateResponses } from "./validation/validate-responses.js";
export type { ValidationFinding } from "./validation/finding.js";
export { DEFAULT_BASE_URL, ALTEGIO_BASE_URL, DEFAULT_ACCEPT } from "./config.js";
// The error classes and ErrorContext: errors.ts exports nothing else.
export * from "./errors.js";
export type { paths, components, operations } from "../generated/schema.js";
export { operations as operationTable, type OperationInfo } from "../generated/operations.js";
export { present } from "./present.js";
export { backoff, type BackoffOptions, type BackoffWrapper } from "./backoff.js";
export type { Logger, LoggerSetting, LogStyle } from "./log.js";
export {
  YclientsPaginationError,
  YclientsPaginationLimitError,
  type PageOptions,
  type ListAllOptions,
} from "./pagination.js";
export {
  parseYclientsDate,
  formatYclientsDate,
  DEFAULT_YCLIENTS_TIME_ZONE,
  YclientsDateParseError,
  type ParseYclientsDateOptions,
} from "./dates.js";
export { YclientsRateLimitQueueError } from "./ratelimit/queue-error.js";
export { MemoryRateLimitStore } from "./ratelimit/memory-store.js";
export type { RateLimitOptions } from "./ratelimit/rate-limit-options.js";
export {
  YCLIENTS_RATE_LIMITS,
  type RateLimitStore,
  type RateLimitWindow,
  type AcquireRequest,
  type AcquireResult,
  type RestoreRequest,
  type RestoredRequest,
  type LimiterContext,
} from "./ratelimit/store.js";
// Webhook event types only: the receivers and the parser live in `yclients-client/webhooks`, so the
// client bundle carries no server-side code.
export type {
  WebhookEvent,
  ResourceEvent,
  RecordEvent,
  ClientEvent,
  UnknownResourceEvent,
  MarketplaceEvent,
} from "./webhooks/events.js";
// Bodies of the calls YCLIENTS makes to an SMS provider or a fiscalisation partner (types only).
export type {
  SmsSendRequest,
  SmsSendResult,
  SmsDeliveryStatus,
  SmsProviderError,
  FiscalDocument,
  FiscalStatus,
} from "./partner-payloads.js";
export { isTwoFactorChallenge, type StaffUserToken, type TwoFactorChallenge } from "./two-factor.js";
