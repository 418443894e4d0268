// De-duplication of webhook deliveries. YCLIENTS sends no delivery id and no change time (staff and service
// data carry none), so a delivery is identified by what it says. The rule: a delivery is a redelivery when it
// is identical (status and data) to the LAST delivery processed for the same entity within the window. A
// real change that returns to an earlier state (A → B → A) is therefore processed each time, since the last
// delivery before the second A was B; a sender's retry of A, which arrives while A is still the last, is not.
import type { WebhookEvent } from "./events.js";

/** What a delivery is about (`entity`) and what it says about it (`fingerprint`). */
export interface DeliveryIdentity {
  /** The entity: `record:4564:122641972` (resource, company, id), or the marketplace application. */
  entity: string;
  /** The status and a hash of the data: two deliveries with the same fingerprint say the same thing. */
  fingerprint: string;
}

/** One receiver's claim of a delivery; `attempt` is unique per receive, so a release undoes only its own claim. */
export interface DedupeClaim extends DeliveryIdentity {
  attempt: string;
}

/** Where the last processed delivery of each entity is kept. `claim` must be atomic when processes share a store. */
export interface WebhookDedupeStore {
  /**
   * Makes the delivery the entity's last one for `ttlMs` and resolves true; resolves false (a redelivery)
   * when the entity's last delivery has the same fingerprint. A claim made again with the same `attempt`
   * resolves true (a client that re-sent the command after a lost reply must not turn it into a duplicate).
   */
  claim(claim: DedupeClaim, ttlMs: number): boolean | Promise<boolean>;
  /**
   * Forgets the claim if it is still the entity's last delivery (same fingerprint and attempt), so a
   * delivery whose processing failed, or whose claim was not confirmed, is processed when it comes again.
   */
  release(claim: DedupeClaim): void | Promise<void>;
}

export interface DedupeOptions {
  /** Default: a `MemoryDedupeStore` (one process only; use a shared store such as Redis for several). */
  store?: WebhookDedupeStore;
  /** How long an entity's last delivery is remembered (default 24 hours). */
  ttlMs?: number;
  /** Your own identity; default `webhookDeliveryKey`. */
  key?: (event: WebhookEvent) => DeliveryIdentity;
}

export const DEFAULT_DEDUPE_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * The default identity: entity `record:4564:122641972`, fingerprint `update:<hash of data>`; for a marketplace
 * event, the application in the company and the event name.
 */
export function webhookDeliveryKey(event: WebhookEvent): DeliveryIdentity {
  if (event.resource === undefined) {
    return { entity: `marketplace:${event.salon_id}:${event.application_id}`, fingerprint: event.event };
  }
  const resource = event.resource === "unknown" ? `unknown:${event.sentResource}` : event.resource;
  return {
    entity: `${resource}:${event.company_id}:${event.resource_id}`,
    fingerprint: `${event.status}:${fingerprint(stableJson(event.data))}`,
  };
}

let attempts = 0;

/** A claim for one receive of `identity`: the attempt id is unique within the process and across processes. */
export function newClaim(identity: DeliveryIdentity): DedupeClaim {
  attempts = (attempts + 1) % Number.MAX_SAFE_INTEGER;
  const attempt = `${Date.now().toString(36)}.${attempts.toString(36)}.${Math.random().toString(36).slice(2, 10)}`;
  return { entity: identity.entity, fingerprint: identity.fingerprint, attempt };
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

interface LastDelivery {
  fingerprint: string;
  attempt: string;
  expiry: number;
}

/** An in-process store: entity → its last delivery, the oldest entity dropped first beyond `maxKeys` (default 10,000). */
export class MemoryDedupeStore implements WebhookDedupeStore {
  private readonly last = new Map<string, LastDelivery>();

  constructor(
    private readonly maxKeys = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  claim(claim: DedupeClaim, ttlMs: number): boolean {
    const now = this.now();
    const last = this.last.get(claim.entity);
    if (last !== undefined && last.expiry > now && last.fingerprint === claim.fingerprint) {
      return last.attempt === claim.attempt;
    }
    this.last.delete(claim.entity);
    this.last.set(claim.entity, { fingerprint: claim.fingerprint, attempt: claim.attempt, expiry: now + ttlMs });
    while (this.last.size > this.maxKeys) this.last.delete(this.last.keys().next().value as string);
    return true;
  }

  release(claim: DedupeClaim): void {
    const last = this.last.get(claim.entity);
    if (last?.fingerprint === claim.fingerprint && last.attempt === claim.attempt) this.last.delete(claim.entity);
  }

  /** How many entities are remembered. */
  get size(): number {
    return this.last.size;
  }
}
