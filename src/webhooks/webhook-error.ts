// The one error a webhook receiver raises for a delivery it refuses. It never holds the body, the URL
// or a token: only why the delivery was refused and the status to answer with.
import { YclientsError } from "../errors.js";

export type WebhookRejection =
  /** The body is not JSON (an HTML page, truncated JSON, not UTF-8). */
  | "not-json"
  /** JSON, but not a YCLIENTS event (missing or mistyped envelope fields). */
  | "not-an-event"
  /** The body is over the receiver's size limit. */
  | "too-large"
  /** The URL does not carry the receiver's secret. */
  | "bad-url-secret"
  /** A marketplace event whose `partner_token` is not the partner's. */
  | "bad-partner-token"
  /** Not a POST. */
  | "method-not-allowed";

const STATUS: Record<WebhookRejection, number> = {
  "not-json": 400,
  "not-an-event": 400,
  "too-large": 413,
  "bad-url-secret": 401,
  "bad-partner-token": 401,
  "method-not-allowed": 405,
};

/** A refused webhook delivery; `status` is what the receiver answers (400, 401, 405 or 413). */
export class YclientsWebhookError extends YclientsError {
  readonly reason: WebhookRejection;
  declare readonly status: number;

  constructor(reason: WebhookRejection, message: string) {
    super(message, { status: STATUS[reason] });
    this.reason = reason;
  }

  override toJSON(): Record<string, unknown> {
    return { name: this.name, message: this.message, status: this.status, reason: this.reason };
  }
}

// Set on the prototype, like the SDK's other errors, so minifiers cannot rename it.
Object.defineProperty(YclientsWebhookError.prototype, "name", {
  value: "YclientsWebhookError",
  writable: true,
  configurable: true,
});
