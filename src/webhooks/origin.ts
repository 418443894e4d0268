// Origin checks for webhooks. YCLIENTS signs nothing, so two things can be checked: a secret the
// partner put into the webhook URL, and the partner token inside marketplace lifecycle events. Both
// comparisons take the same time wherever the first difference is.
import { YclientsWebhookError } from "./webhook-error.js";
import type { MarketplaceEvent } from "./events.js";

const encoder = new TextEncoder();

/**
 * Compares two strings without an early exit: the time depends on the length of `expected` only,
 * not on where `given` first differs. Plain JavaScript (no node:crypto) so it runs on every runtime.
 */
export function constantTimeEqual(given: string, expected: string): boolean {
  const a = encoder.encode(given);
  const b = encoder.encode(expected);
  let diff = a.length ^ b.length;
  for (let i = 0; i < b.length; i++) diff |= (a[i % (a.length || 1)] ?? 0) ^ b[i];
  return diff === 0 && b.length > 0;
}

export interface UrlSecretOptions {
  /** The secret the webhook URL must carry (at least 16 characters). */
  secret: string;
  /** Query parameter that may hold it (default `token`); any single path segment may hold it too. */
  param?: string;
}

/**
 * Whether the request URL carries the secret: as the query parameter or as one whole path segment
 * (`/hooks/<secret>`). Every candidate is compared, so timing does not tell which one was close.
 */
export function urlCarriesSecret(url: string, options: UrlSecretOptions): boolean {
  const parsed = new URL(url, "http://receiver.invalid");
  const candidates = parsed.pathname.split("/").filter(Boolean).map(safeDecode);
  const fromQuery = parsed.searchParams.get(options.param ?? "token");
  if (fromQuery !== null) candidates.push(fromQuery);
  let found = false;
  for (const candidate of candidates) found = constantTimeEqual(candidate, options.secret) || found;
  return found;
}

/** Throws `bad-partner-token` (401) unless the event's `partner_token` is the partner token. */
export function checkPartnerToken(event: MarketplaceEvent, partnerToken: string): void {
  if (!constantTimeEqual(String(event.partner_token ?? ""), partnerToken)) {
    throw new YclientsWebhookError("bad-partner-token", "The marketplace event does not carry the partner token");
  }
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
