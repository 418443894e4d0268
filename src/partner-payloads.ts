// Bodies of the calls YCLIENTS makes to a partner's own server (the spec's `webhooks`): the SMS provider's
// send and delivery-status calls and the fiscalisation partner's document. A partner that implements those
// endpoints types its handlers with these; the SDK itself never sends them.
import type { components } from "../generated/schema.js";

type Schemas = components["schemas"];

/** What YCLIENTS POSTs to an SMS provider's `url_operator`. */
export type SmsSendRequest = Schemas["SmsSendRequest"];
/** The provider's answer, one entry per destination (its `ext_id` or an error). */
export type SmsSendResult = Schemas["SmsSendResult"];
/** One delivery status the provider POSTs (in a list) to the message's `delivery_callback_url`. */
export type SmsDeliveryStatus = Schemas["SmsDeliveryStatus"];
/** The provider's error body (`error_code` 5, 10, 15, 20, 30 or 32). */
export type SmsProviderError = Schemas["SmsProviderError"];
/** A sale or refund document YCLIENTS POSTs to the fiscalisation partner. */
export type FiscalDocument = Schemas["FiscalDocument"];
/** The partner's answer to a document, and the body of its later status callback. */
export type FiscalStatus = Schemas["FiscalStatus"];
