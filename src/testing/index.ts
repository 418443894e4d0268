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
export type { WebhookDelivery, WebhookDeliveryOptions } from "./webhook-sender.js";
export { maskWebhookUrl } from "./url-mask.js";
// The areas kept on `sim.state`, each seeded on first use, and the helpers the README documents for them.
export { nextId, type IdKind } from "./state.js";
export { accountBalance, moneyState, type MoneyState } from "./money-state.js";
export { loyaltyState, type LoyaltyState } from "./loyalty-state.js";
export { FIRST_ACTIVITY_ID, groupEventsOf, type GroupEventStore, type SimActivity } from "./group-event-store.js";
export { waitingListOf, type SimWaitingEntry, type WaitingListStore } from "./waiting-list-store.js";
export type {
  /** @deprecated The record type is `SimRecord`; `Appointment` stays one release for older imports. */
  SimRecord as Appointment,
  BookingUser,
  Chain,
  Client,
  Company,
  Position,
  Service,
  ServiceCategory,
  Session,
  SimRecord,
  SimulatorState,
  StaffMember,
  StaffUser,
  WeeklySchedule,
} from "./state.js";
