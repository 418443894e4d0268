// The local queue refused a call: nothing was sent, and the server did not answer 429.
import { YclientsError, type ErrorContext } from "../errors.js";

export class YclientsRateLimitQueueError extends YclientsError {
  /** `queue`: `maxQueue` calls were already waiting. `wait`: the quota would not free up within `maxWaitMs`. */
  readonly reason: "queue" | "wait";
  constructor(message: string, context: ErrorContext & { reason: "queue" | "wait" }) {
    const { reason, ...rest } = context;
    super(message, rest);
    this.reason = reason;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), reason: this.reason };
  }
}
Object.defineProperty(YclientsRateLimitQueueError.prototype, "name", {
  value: "YclientsRateLimitQueueError",
  writable: true,
  configurable: true,
});
