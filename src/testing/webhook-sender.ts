// The simulator sends webhooks: every state change a handler reports is POSTed, as YCLIENTS would, to
// the URLs of the company's `/hooks_settings` when the settings are active and the entity's flag is on.
// Deliveries to one URL go one at a time in the order of the changes; a failed one (network error or
// a non-2xx answer) is retried a few times. `deliveries` logs what was sent, with URL secrets masked.
import type { StateChange } from "./webhook-payloads.js";
import { setTimeout as delay } from "node:timers/promises";
import { keepNewest, redactBody } from "./request-log.js";
import { maskWebhookUrl } from "./url-mask.js";
import type { SimulatorState } from "./state.js";

export interface WebhookDeliveryOptions {
  /** Attempts per event and URL, the first included (default 3). */
  attempts?: number;
  /** Wait before the first retry, doubled before each next one (default 100 ms). */
  retryDelayMs?: number;
  /** Time allowed for one attempt (default 5000 ms). */
  timeoutMs?: number;
  /** How many deliveries `sim.webhookDeliveries` keeps, newest last (default 1000). */
  maxLogged?: number;
}

/** One event sent (or being sent) to one URL. */
export interface WebhookDelivery {
  /** Position in the order of sending, from 1. */
  seq: number;
  /** When the change happened, ms since the epoch. */
  time: number;
  /** The target URL; path segments of 16+ characters and secret-looking query values masked. */
  url: string;
  resource: string;
  status: string;
  companyId: number;
  resourceId: number;
  /** The JSON body sent, with secret fields masked. */
  body: unknown;
  /** Attempts made so far. */
  attempts: number;
  /** HTTP status of the last attempt, when one answered. */
  responseStatus?: number;
  /** Why the last attempt failed without an answer (`ECONNREFUSED`, `timeout`…). */
  error?: string;
  /** `pending` until it is settled: `delivered` (a 2xx) or `failed` (attempts used up, or the simulator closed). */
  outcome: "pending" | "delivered" | "failed";
}

/** The settings flag of each resource the simulator reports (`company` → `salon`, `staff` → `master`). */
const FLAG: Record<StateChange["resource"], string> = { record: "record", client: "client" };

export class WebhookSender {
  readonly deliveries: WebhookDelivery[] = [];
  private readonly queues = new Map<string, Promise<void>>();
  /** Aborted on close: ends every attempt in flight and every wait before a retry. */
  private readonly closing = new AbortController();
  private seq = 0;
  private readonly options: Required<WebhookDeliveryOptions>;

  constructor(
    private readonly state: SimulatorState,
    { attempts = 3, retryDelayMs = 100, timeoutMs = 5000, maxLogged = 1000 }: WebhookDeliveryOptions = {},
  ) {
    this.options = { attempts: Math.max(1, attempts), retryDelayMs: Math.max(0, retryDelayMs), timeoutMs, maxLogged };
  }

  /** Queues the change for every URL its company's settings send it to. */
  emit(change: StateChange): void {
    if (this.closing.signal.aborted) return;
    const settings = this.state.hooksSettings.get(change.companyId);
    if (!settings || settings.active !== 1 || settings[FLAG[change.resource]] !== 1) return;
    const payload = {
      company_id: change.companyId,
      resource: change.resource,
      resource_id: change.resourceId,
      status: change.status,
      data: change.data,
    };
    const text = JSON.stringify(payload);
    const { data: _data, ...about } = change;
    for (const url of new Set(settings.urls)) {
      const entry: WebhookDelivery = {
        seq: ++this.seq,
        time: Date.now(),
        url: maskWebhookUrl(url),
        ...about,
        body: redactBody(payload),
        attempts: 0,
        outcome: "pending",
      };
      keepNewest(this.deliveries, entry, this.options.maxLogged);
      const next = (this.queues.get(url) ?? Promise.resolve()).then(() => this.deliver(url, text, entry));
      this.queues.set(url, next);
      void next.then(() => {
        if (this.queues.get(url) === next) this.queues.delete(url);
      });
    }
  }

  /** Resolves once every queued delivery has settled. */
  async idle(): Promise<void> {
    while (this.queues.size) await Promise.all([...this.queues.values()]);
  }

  /** Stops sending: pending deliveries are marked failed, in-flight ones aborted, waits cut short. */
  close(): void {
    this.closing.abort();
  }

  private async deliver(url: string, text: string, entry: WebhookDelivery): Promise<void> {
    const closing = this.closing.signal;
    const { attempts, retryDelayMs, timeoutMs } = this.options;
    for (let attempt = 1; attempt <= attempts && !closing.aborted; attempt++) {
      if (attempt > 1) await delay(retryDelayMs * 2 ** (attempt - 2), undefined, { signal: closing }).catch(() => {});
      if (closing.aborted) break;
      entry.attempts = attempt;
      const attemptEnd = new AbortController();
      const end = () => attemptEnd.abort();
      const timer = setTimeout(end, timeoutMs);
      closing.addEventListener("abort", end);
      try {
        const response = await fetch(url, {
          method: "POST",
          headers: { "content-type": "application/json", "user-agent": "yclients-simulator-webhooks" },
          body: text,
          signal: attemptEnd.signal,
        });
        await response.arrayBuffer().catch(() => undefined);
        entry.responseStatus = response.status;
        entry.error = undefined;
        if (response.ok) {
          entry.outcome = "delivered";
          return;
        }
      } catch (error) {
        entry.responseStatus = undefined;
        entry.error = attemptEnd.signal.aborted ? "timeout" : failureCode(error);
      } finally {
        clearTimeout(timer);
        closing.removeEventListener("abort", end);
      }
    }
    entry.outcome = "failed";
  }
}

/** A network failure's code (`ECONNREFUSED`), never its message (which may quote the URL). */
function failureCode(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown } })?.cause;
  return typeof cause?.code === "string" ? cause.code : "network error";
}
