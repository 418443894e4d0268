// Every stateful handler, keyed by `"METHOD /template"` as the spec writes the path. An
// operation of the spec without an entry here answers with its documented example.
import { abonementHandlers, abonementsValidateOwnBody } from "./abonements.js";
import { authHandlers } from "./auth.js";
import { bookingHandlers, bookingValidatesOwnBody } from "./booking.js";
import { bookingUserHandlers } from "./booking-users.js";
import { catalogueHandlers } from "./catalogue.js";
import { clientHandlers, clientsValidateOwnBody } from "./clients.js";
import { labelHandlers } from "./labels.js";
import type { HandlerTable } from "./context.js";
import { depositHandlers, depositsValidateOwnBody } from "./deposits.js";
import { groupEventHandlers, groupEventsValidateOwnBody } from "./group-events.js";
import { imageHandlers, imagesValidateOwnBody } from "./images.js";
import { loyaltyHandlers, loyaltyValidatesOwnBody } from "./loyalty.js";
import { loyaltyVisitHandlers, loyaltyVisitsValidateOwnBody } from "./loyalty-visits.js";
import { moneyHandlers } from "./money.js";
import { recordHandlers, recordsValidateOwnBody } from "./records.js";
import { scheduleHandlers } from "./schedules.js";
import { visitHandlers } from "./visits.js";
import { waitingListHandlers, waitingListValidatesOwnBody } from "./waiting-list.js";
import { webhookSettingsHandlers } from "./webhooks.js";

export const handlers: HandlerTable = {
  ...authHandlers,
  ...bookingHandlers,
  ...bookingUserHandlers,
  ...catalogueHandlers,
  ...scheduleHandlers,
  ...groupEventHandlers,
  ...waitingListHandlers,
  ...imageHandlers,
  ...webhookSettingsHandlers,
  ...clientHandlers,
  ...recordHandlers,
  ...visitHandlers,
  ...labelHandlers,
  ...loyaltyHandlers,
  ...loyaltyVisitHandlers,
  ...abonementHandlers,
  ...depositHandlers,
  ...moneyHandlers,
};

/** Operations that check their own body, so the generic required-field check stays out of their way. */
export const validatesOwnBody: ReadonlySet<string> = new Set([
  ...bookingValidatesOwnBody,
  ...groupEventsValidateOwnBody,
  ...waitingListValidatesOwnBody,
  ...imagesValidateOwnBody,
  ...clientsValidateOwnBody,
  ...recordsValidateOwnBody,
  ...loyaltyValidatesOwnBody,
  ...loyaltyVisitsValidateOwnBody,
  ...abonementsValidateOwnBody,
  ...depositsValidateOwnBody,
]);
