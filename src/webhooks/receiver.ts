// The runtime-neutral core of a webhook endpoint: one delivery in (method, URL, body), one answer out.
// The WHATWG handler and the node:http / Express adapters only move bytes in and out of it.
import {
  DEFAULT_DEDUPE_TTL_MS,
  MemoryDedupeStore,
  newClaim,
  webhookDeliveryKey,
  type DedupeClaim,
  type DedupeOptions,
} from "./dedupe.js";
import { YclientsWebhookError } from "./webhook-error.js";
import type { EventOf, MarketplaceEvent, ResourceName, UnknownResourceEvent, WebhookEvent } from "./events.js";
import { checkPartnerToken, urlCarriesSecret, type UrlSecretOptions } from "./origin.js";
import { parseWebhook } from "./parse-webhook.js";

type Callback<E> = (event: E) => unknown;

/** Per-resource callbacks: `on: { record: (e) => …, client: (e) => … }`. */
export type WebhookCallbacks = { [R in ResourceName]?: Callback<EventOf<R>> } & {
  /** Events about a resource (or status) this SDK does not know yet. */
  unknown?: Callback<UnknownResourceEvent>;
  /** Marketplace application lifecycle events (`uninstall`, `freeze`). */
  marketplace?: Callback<MarketplaceEvent>;
};

export interface WebhookReceiverOptions {
  on?: WebhookCallbacks;
  /** Called for every accepted event, after its per-resource callback. */
  onEvent?: Callback<WebhookEvent>;
  /**
   * Called with every refused delivery (a `YclientsWebhookError`) and every callback failure (with the
   * event). Never given the body or a token. A failing `onError` is ignored.
   */
  onError?: (error: unknown, event?: WebhookEvent) => unknown;
  /** Called for a delivery the de-duplication store has already seen (its callbacks are not run). */
  onDuplicate?: Callback<WebhookEvent>;
  /** The secret the webhook URL must carry; leave it out to accept any URL (not recommended). */
  urlSecret?: string | UrlSecretOptions;
  /**
   * Your partner token: marketplace lifecycle events must carry it in `partner_token`. Without it,
   * marketplace events are refused (401), since nothing else shows where they came from.
   */
  partnerToken?: string;
  /** `true` for the in-memory store, or a store, key and lifetime of your own. Default off. */
  dedupe?: boolean | DedupeOptions;
  /** Largest body accepted, in bytes (default 1 MiB); a larger one is answered 413. */
  maxBodyBytes?: number;
  /**
   * `"accept"` (default): answer 200 as soon as the events are checked and claimed, and run the
   * callbacks after; a failing callback goes to `onError`. `"process"`: answer after the callbacks,
   * 500 when one failed, so the sender retries the delivery.
   */
  respond?: "accept" | "process";
  /**
   * Keeps the runtime alive for callbacks run after the answer (`ctx.waitUntil` in Cloudflare Workers,
   * `after`/`waitUntil` in Vercel and Next.js). Node servers need none.
   */
  waitUntil?: (work: Promise<unknown>) => void;
}

/** What a delivery is: the adapters read it from their runtime's request. */
export interface Delivery {
  method: string;
  /** Absolute, or path and query. */
  url: string;
  /** The raw body (string or bytes), or a body a framework has already parsed. */
  body: unknown;
}

export interface DeliveryAnswer {
  status: number;
  body: { ok: true; events: number; duplicates: number } | { ok: false; error: string; message: string };
  headers?: Record<string, string>;
  /** Settles when the callbacks of the delivery have run (at once for refused deliveries). */
  processed: Promise<void>;
}

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
/** Shortest URL secret accepted: shorter ones could be guessed. */
const MIN_SECRET_LENGTH = 16;

export class WebhookReceiver {
  readonly maxBodyBytes: number;
  private readonly urlSecret?: UrlSecretOptions;
  private readonly dedupe?: Required<DedupeOptions>;

  constructor(private readonly options: WebhookReceiverOptions = {}) {
    this.maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
    if (!Number.isInteger(this.maxBodyBytes) || this.maxBodyBytes <= 0) {
      throw new TypeError("maxBodyBytes must be a positive integer");
    }
    if (options.urlSecret !== undefined) {
      this.urlSecret = typeof options.urlSecret === "string" ? { secret: options.urlSecret } : options.urlSecret;
      if (typeof this.urlSecret.secret !== "string" || this.urlSecret.secret.length < MIN_SECRET_LENGTH) {
        throw new TypeError(`urlSecret must be a string of at least ${MIN_SECRET_LENGTH} characters`);
      }
    }
    if (options.dedupe) {
      const own = options.dedupe === true ? {} : options.dedupe;
      this.dedupe = {
        store: own.store ?? new MemoryDedupeStore(),
        ttlMs: own.ttlMs ?? DEFAULT_DEDUPE_TTL_MS,
        key: own.key ?? webhookDeliveryKey,
      };
    }
  }

  /** Checks a delivery and answers it; the callbacks run as `respond` says. */
  async receive(delivery: Delivery): Promise<DeliveryAnswer> {
    let events: WebhookEvent[];
    try {
      events = this.check(delivery);
    } catch (error) {
      return this.refuse(error);
    }
    const fresh: Array<{ event: WebhookEvent; claim?: DedupeClaim }> = [];
    let duplicates = 0;
    for (const event of events) {
      const claim = this.dedupe ? newClaim(this.dedupe.key(event)) : undefined;
      let claimed = true;
      try {
        if (claim !== undefined) claimed = await this.dedupe!.store.claim(claim, this.dedupe!.ttlMs);
      } catch (error) {
        // The store failed or did not answer in time: refuse the delivery (nothing was processed) so the
        // sender tries again. The store may have applied this claim although its answer was lost, so it is
        // given back too, with the claims already made for the delivery; otherwise the retry would be taken
        // for a duplicate and the event lost. Best effort, not awaited: the 503 is not held up by a store
        // that is down (a Redis client sends the release after the claim on the same connection).
        await this.report(error, event);
        for (const item of [...fresh, { event, claim }]) {
          if (item.claim !== undefined) this.releaseInBackground(item.claim, item.event);
        }
        return {
          status: 503,
          body: { ok: false, error: "dedupe-store-failed", message: "The de-duplication store failed; send again" },
          processed: Promise.resolve(),
        };
      }
      if (!claimed) {
        duplicates++;
        await this.safely(() => this.options.onDuplicate?.(event), event);
        continue;
      }
      fresh.push({ event, claim });
    }
    const run = this.runCallbacks(fresh);
    const accepted = { ok: true as const, events: fresh.length, duplicates };
    if (this.options.respond === "process") {
      const failed = await run;
      return failed
        ? {
            status: 500,
            body: { ok: false, error: "callback-failed", message: "A callback failed; send the delivery again" },
            processed: Promise.resolve(),
          }
        : { status: 200, body: accepted, processed: Promise.resolve() };
    }
    const processed = run.then(() => undefined);
    this.options.waitUntil?.(processed);
    return { status: 200, body: accepted, processed };
  }

  private check(delivery: Delivery): WebhookEvent[] {
    if (delivery.method.toUpperCase() !== "POST") {
      throw new YclientsWebhookError("method-not-allowed", "Webhooks are delivered with POST");
    }
    if (this.urlSecret && !urlCarriesSecret(delivery.url, this.urlSecret)) {
      throw new YclientsWebhookError("bad-url-secret", "The webhook URL does not carry the receiver's secret");
    }
    const events = parseWebhook(delivery.body);
    for (const event of events) {
      if (event.resource !== undefined) continue;
      if (this.options.partnerToken === undefined) {
        throw new YclientsWebhookError(
          "bad-partner-token",
          "A marketplace event arrived but the receiver has no partnerToken to check it with",
        );
      }
      checkPartnerToken(event, this.options.partnerToken);
    }
    return events;
  }

  /** The answer to a delivery refused before it reached `receive()` (an adapter found the body too large). */
  refused(error: YclientsWebhookError): Promise<DeliveryAnswer> {
    return this.refuse(error);
  }

  private async refuse(error: unknown): Promise<DeliveryAnswer> {
    await this.report(error);
    if (!(error instanceof YclientsWebhookError)) throw error;
    return {
      status: error.status,
      body: { ok: false, error: error.reason, message: error.message },
      headers: error.reason === "method-not-allowed" ? { allow: "POST" } : undefined,
      processed: Promise.resolve(),
    };
  }

  /** Runs the callbacks of each event in order; resolves true when one failed. */
  private async runCallbacks(items: ReadonlyArray<{ event: WebhookEvent; claim?: DedupeClaim }>): Promise<boolean> {
    let failed = false;
    for (const { event, claim } of items) {
      const ok = await this.safely(async () => {
        await callbackFor(this.options.on ?? {}, event)?.(event as never);
        await this.options.onEvent?.(event);
      }, event);
      if (!ok) {
        failed = true;
        // Forget the claim, so the same delivery is processed when it comes again.
        if (claim !== undefined) await this.safely(() => this.dedupe!.store.release(claim), event);
      }
    }
    return failed;
  }

  private releaseInBackground(claim: DedupeClaim, event: WebhookEvent): void {
    void Promise.resolve()
      .then(() => this.dedupe!.store.release(claim))
      .catch((error: unknown) => this.report(error, event));
  }

  private async safely(work: () => unknown, event?: WebhookEvent): Promise<boolean> {
    try {
      await work();
      return true;
    } catch (error) {
      await this.report(error, event);
      return false;
    }
  }

  private async report(error: unknown, event?: WebhookEvent): Promise<void> {
    try {
      await this.options.onError?.(error, event);
    } catch {
      // An error handler that throws must not turn into an unhandled rejection.
    }
  }
}

function callbackFor(on: WebhookCallbacks, event: WebhookEvent): Callback<never> | undefined {
  if (event.resource === undefined) return on.marketplace as Callback<never> | undefined;
  return on[event.resource] as Callback<never> | undefined;
}
