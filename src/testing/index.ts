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
export { maskWebhookUrl, type WebhookDelivery, type WebhookDeliveryOptions } from "./webhooks.js";
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
