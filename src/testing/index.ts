// `yclients-client/testing`: a local YCLIENTS API simulator for demos, tests and benchmarks.
export { startYclientsSimulator, type YclientsSimulator } from "./server.js";
export {
  DEFAULT_PARTNER_TOKEN,
  DEFAULT_RATE_LIMIT,
  DEFAULT_SEED,
  DEFAULT_USERS,
  type RateLimitOptions,
  type RateLimitWindow,
  type SimulatorOptions,
  type SimulatorUser,
} from "./options.js";
export type { Fault, FaultRoute } from "./faults.js";
export type { RecordedRequest } from "./request-log.js";
export type { WebhookDelivery, WebhookDeliveryOptions } from "./webhooks.js";
export { maskWebhookUrl } from "./url-mask.js";
export type {
  Appointment,
  BookingUser,
  Chain,
  Client,
  Company,
  Position,
  Service,
  ServiceCategory,
  Session,
  SimulatorState,
  StaffMember,
  StaffUser,
  WeeklySchedule,
} from "./state.js";
