// De-duplication of webhook deliveries. YCLIENTS sends no delivery id, so a delivery is identified by
// what it says: company, resource, id, status and a fingerprint of `data` (a retried delivery repeats
// the same body; a later change of the same entity has different data, so it is not a duplicate).
import type { WebhookEvent } from "./events.js";

/** Where seen delivery keys are kept. `claim` must be atomic when several processes share a store. */
export interface WebhookDedupeStore {
  /** Records `key` for `ttlMs`; resolves true the first time, false while the key is still kept. */
  claim(key: string, ttlMs: number): boolean | Promise<boolean>;
  /** Forgets `key`, so a delivery whose processing failed is processed when it comes again. */
  release(key: string): void | Promise<void>;
}

export interface DedupeOptions {
  /** Default: a `MemoryDedupeStore` (one process only; use a shared store such as Redis for several). */
  store?: WebhookDedupeStore;
  /** How long a key is kept (default 24 hours). */
  ttlMs?: number;
  /** Your own key; default `webhookDeliveryKey`. */
  key?: (event: WebhookEvent) => string;
}

export const DEFAULT_DEDUPE_TTL_MS = 24 * 60 * 60 * 1000;

/** The default delivery key: `record:4564:122641972:update:<fingerprint of data>`, or the marketplace event. */
export function webhookDeliveryKey(event: WebhookEvent): string {
  if (event.resource === undefined) return `marketplace:${event.salon_id}:${event.application_id}:${event.event}`;
  const resource = event.resource === "unknown" ? `unknown:${event.sentResource}` : event.resource;
  return `${resource}:${event.company_id}:${event.resource_id}:${event.status}:${fingerprint(stableJson(event.data))}`;
}

/** JSON with object keys sorted, so the same data always gives the same text. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/** Two 32-bit FNV-1a hashes (different offsets) as 16 hex digits: short keys, no node:crypto needed. */
function fingerprint(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  }
  return (h1 >>> 0).toString(16).padStart(8, "0") + (h2 >>> 0).toString(16).padStart(8, "0");
}

/** An in-process store: a Map of key → expiry, oldest dropped first beyond `maxKeys` (default 10,000). */
export class MemoryDedupeStore implements WebhookDedupeStore {
  private readonly keys = new Map<string, number>();

  constructor(
    private readonly maxKeys = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  claim(key: string, ttlMs: number): boolean {
    const now = this.now();
    const expiry = this.keys.get(key);
    if (expiry !== undefined && expiry > now) return false;
    this.keys.delete(key);
    this.keys.set(key, now + ttlMs);
    while (this.keys.size > this.maxKeys) this.keys.delete(this.keys.keys().next().value as string);
    return true;
  }

  release(key: string): void {
    this.keys.delete(key);
  }

  get size(): number {
    return this.keys.size;
  }
}
