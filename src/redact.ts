// Secret masking: the one place that knows what a secret looks like. Errors, logs and the
// simulator's request log all go through these functions before anything can print a value.

export const REDACTED = "[REDACTED]";

/** Field names whose values are secrets wherever they appear (bodies, query strings, simulator logs). */
const SECRET_FIELD = /password|token|secret|confirmation_code|^sms_code$|^authorization$/i;

/**
 * Whether a field holds a secret. `code` is the SMS confirmation code when it is a string, but a numeric
 * `code` is an error code (`errors.code: 433`) and stays readable. Callers redacting what was *sent*
 * pass the value as a string, since a request's `code` is always the SMS code.
 */
export function isSecretField(name: string, value?: unknown): boolean {
  return SECRET_FIELD.test(name) || (name.toLowerCase() === "code" && typeof value === "string");
}

/**
 * An `Authorization` value as it may be shown: `Bearer [REDACTED]` or `Bearer [REDACTED], User [REDACTED]`,
 * and just `[REDACTED]` for any other form, so an unexpected scheme cannot slip its token through.
 */
export function redactAuthorization(value: string): string {
  const match = /^\s*Bearer\s+[^\s,]+\s*(,\s*User\s+[^\s,]+\s*)?$/i.exec(value);
  if (!match) return REDACTED;
  return match[1] ? `Bearer ${REDACTED}, User ${REDACTED}` : `Bearer ${REDACTED}`;
}

/**
 * A deep copy of a parsed JSON value with secret fields masked, and any known secret value masked inside
 * other strings too (a server may echo a token in a message). Depth-limited against hostile input.
 */
export function redactBody(value: unknown, secrets: ReadonlyArray<string | undefined> = [], depth = 0): unknown {
  if (typeof value === "string") return secrets.length ? redactText(value, secrets) : value;
  if (depth > 32 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((item) => redactBody(item, secrets, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    out[key] =
      isSecretField(key, item) && item !== null && item !== undefined ? REDACTED : redactBody(item, secrets, depth + 1);
  }
  return out;
}

/** The values of secret fields in a request body (password, SMS code), so they can be masked in answers. */
export function secretValues(body: unknown, depth = 0, out: string[] = []): string[] {
  if (depth > 8 || body === null || typeof body !== "object") return out;
  for (const [key, item] of Object.entries(body as Record<string, unknown>)) {
    if ((typeof item === "string" || typeof item === "number") && isSecretField(key, String(item)))
      out.push(String(item));
    else secretValues(item, depth + 1, out);
  }
  return out;
}

/** Masks secret query parameters (`?password=…`) of a URL string. */
export function redactUrl(url: string): string {
  const query = url.indexOf("?");
  if (query < 0) return url;
  const params = url
    .slice(query + 1)
    .split("&")
    .map((pair) => {
      const eq = pair.indexOf("=");
      const name = decodeURIComponentSafe(eq < 0 ? pair : pair.slice(0, eq));
      return eq >= 0 && (isSecretField(name) || name.toLowerCase() === "code")
        ? `${pair.slice(0, eq)}=${REDACTED}`
        : pair;
    });
  return `${url.slice(0, query)}?${params.join("&")}`;
}

/** Replaces every occurrence of the given secret strings in free text (e.g. a non-JSON body). */
export function redactText(text: string, secrets: ReadonlyArray<string | undefined>): string {
  let out = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 4) out = out.split(secret).join(REDACTED);
  }
  return out;
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
