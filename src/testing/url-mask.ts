// Webhook URLs carry the partner's secret (a path segment or a query value); logs show them masked.
import { REDACTED, isSecretField } from "../redact.js";

/**
 * The URL as it may be logged: the origin, path segments of 16 or more characters replaced (a secret
 * put into the path), and the values of query parameters named like a secret (`token`, `secret`, `key`…)
 * replaced.
 */
export function maskWebhookUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return REDACTED;
  }
  const path = parsed.pathname
    .split("/")
    .map((segment) => (segment.length >= 16 ? REDACTED : segment))
    .join("/");
  const query = [...parsed.searchParams]
    .map(([name, value]) => {
      const secret = isSecretField(name) || /key|sig|hash|auth/i.test(name) || value.length >= 16;
      return `${encodeURIComponent(name)}=${secret ? REDACTED : encodeURIComponent(value)}`;
    })
    .join("&");
  return `${parsed.origin}${path}${query ? `?${query}` : ""}`;
}
