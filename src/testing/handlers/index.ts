// Every stateful handler, keyed by `"METHOD /template"` as the spec writes the path: the CRUD engine's, bound by
// `x-sim` in the spec to the collections of ../collections, then the hand-written ones. An operation of the spec
// without an entry here answers with its documented example.
import { abonementHandlers } from "./abonements.js";
import { authHandlers } from "./auth.js";
import { bookingHandlers } from "./booking.js";
import { bookingUserHandlers } from "./booking-users.js";
import { catalogueHandlers } from "./catalogue.js";
import { clientHandlers } from "./clients.js";
import { labelHandlers } from "../collections/labels.js";
import type { HandlerTable } from "./context.js";
import { collections } from "../collections/index.js";
import { engineHandlers } from "../engine/engine.js";
import { operationIndex } from "../spec-index.js";
import { depositHandlers } from "./deposits.js";
import { groupEventHandlers } from "./group-events.js";
import { imageHandlers } from "./images.js";
import { loyaltyHandlers } from "./loyalty.js";
import { loyaltyVisitHandlers } from "./loyalty-visits.js";
import { financeHandlers } from "./money/finance.js";
import { storageHandlers } from "./money/storage.js";
import { recordHandlers } from "./records.js";
import { scheduleHandlers } from "./schedules.js";
import { visitHandlers } from "./visits.js";
import { webhookSettingsHandlers } from "./webhooks.js";

let table: HandlerTable | undefined;

/** The table, built on first use: binding the engine's operations reads the spec, which loads only when needed. */
export function handlerTable(): HandlerTable {
  return (table ??= {
    ...engineHandlers(operationIndex(), collections),
    ...authHandlers,
    ...bookingHandlers,
    ...bookingUserHandlers,
    ...catalogueHandlers,
    ...scheduleHandlers,
    ...groupEventHandlers,
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
    ...financeHandlers,
    ...storageHandlers,
  });
}
