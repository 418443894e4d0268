// Secret masking: the one place that knows what a secret looks like. Errors, logs and the
// simulator's request log all go through these functions before anything can print a value.

export const REDACTED = "[REDACTED]";

/** Field names whose values are secrets wherever they appear (bodies, query strings, simulator logs). */
const SECRET_FIELD = /password|token|secret|confirmation_code|^sms_code$|^authorization$|^uuid$/i;

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

/** Marks where a bounded copy of a body was cut. */
export const TRUNCATED = "[TRUNCATED]";

/** Secrets at least this long are masked wherever they occur; shorter ones only where they stand alone. */
const LONG_SECRET = 8;

/** A character that continues a word: a letter or a digit of any script. */
const WORD_CHAR = /[\p{L}\p{N}]/u;
/** Punctuation that joins words into one (`2026-12-01`, `a.b`, `10:30`, `x/y`, `snake_case`). */
const JOINER = /[-._:/]/;

/**
 * Masks known secret values in free text. A secret of 8 characters or more is masked wherever it occurs.
 * A shorter one (an SMS code, a short password) is masked only where it stands as a whole token: not
 * touching a letter or digit, nor a joiner (`-`, `.`, `_`, `:`, `/`) that carries on into one. So with the
 * code `2026`, "code 2026 is wrong" is masked while the date "2026-12-01" is left alone.
 */
export function redactText(text: string, secrets: ReadonlyArray<string | undefined>): string {
  let out = text;
  for (const secret of secrets) {
    if (!secret || !out.includes(secret)) continue;
    out = secret.length >= LONG_SECRET ? out.split(secret).join(REDACTED) : maskWholeTokens(out, secret);
  }
  return out;
}

function maskWholeTokens(text: string, secret: string): string {
  let out = "";
  let from = 0;
  for (let at = text.indexOf(secret); at >= 0; at = text.indexOf(secret, at + secret.length)) {
    if (!standsAlone(text, at, at + secret.length)) continue;
    out += text.slice(from, at) + REDACTED;
    from = at + secret.length;
  }
  return out + text.slice(from);
}

function standsAlone(text: string, start: number, end: number): boolean {
  const continues = (char: string | undefined, next: string | undefined) =>
    char !== undefined && (WORD_CHAR.test(char) || (JOINER.test(char) && next !== undefined && WORD_CHAR.test(next)));
  return !continues(text[start - 1], text[start - 2]) && !continues(text[end], text[end + 1]);
}

/** Bounds of a redacted copy: how many characters of JSON it may still take, and whether it was cut. */
interface Budget {
  left: number;
  cut: boolean;
}

/**
 * A deep copy of a parsed JSON value with secrets masked: secret fields by name at any depth, strings that
 * equal a known secret as a whole, and known secrets inside other strings by the rule of `redactText`.
 * `limit` bounds the copy's JSON size in characters: what does not fit is dropped, and `[TRUNCATED]` marks
 * the place (a cut string ends with it, a cut array or object gets it as its last item or key). The
 * top-level `data` is copied last, so the envelope's `meta` and `errors` survive a cut.
 */
export function redactBody(value: unknown, secrets: ReadonlyArray<string | undefined> = [], limit = Infinity): unknown {
  return copy(value, secrets, { left: limit, cut: false }, 0);
}

/** `redactBody` that also says whether the copy was cut. */
export function redactBounded(
  value: unknown,
  secrets: ReadonlyArray<string | undefined>,
  limit: number,
): { value: unknown; truncated: boolean } {
  const budget = { left: limit, cut: false };
  return { value: copy(value, secrets, budget, 0), truncated: budget.cut };
}

function copy(value: unknown, secrets: ReadonlyArray<string | undefined>, budget: Budget, depth: number): unknown {
  if (typeof value === "string") return spendText(maskString(value, secrets), budget);
  if (value === null || typeof value !== "object") {
    budget.left -= String(value).length;
    return value;
  }
  if (depth > 32) return spendText("[TOO DEEP]", budget);
  budget.left -= 2;
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const item of value) {
      if (budget.left <= 0) {
        budget.cut = true;
        out.push(TRUNCATED);
        break;
      }
      out.push(copy(item, secrets, budget, depth + 1));
      budget.left -= 1;
    }
    return out;
  }
  const out: Record<string, unknown> = {};
  const entries = Object.entries(value as Record<string, unknown>);
  // The envelope's `data` goes last, so a cut takes it first and keeps `meta` and `errors` readable.
  if (depth === 0) entries.sort(([a], [b]) => Number(a === "data") - Number(b === "data"));
  for (const [key, item] of entries) {
    if (budget.left <= 0) {
      budget.cut = true;
      out[TRUNCATED] = true;
      break;
    }
    budget.left -= key.length + 4;
    const secret = isSecretField(key, item) && item !== null && item !== undefined;
    // A key is text the server sent too: a map keyed by what was sent (field errors keyed by the value) echoes it.
    out[maskString(key, secrets)] = secret ? spendText(REDACTED, budget) : copy(item, secrets, budget, depth + 1);
  }
  return out;
}

/** A string with the known secrets masked: whole when it equals one, else by the rule of `redactText`. */
function maskString(text: string, secrets: ReadonlyArray<string | undefined>): string {
  if (!secrets.length) return text;
  return secrets.includes(text) ? REDACTED : redactText(text, secrets);
}

/** A string within the budget: whole when it fits, else cut and marked. */
function spendText(text: string, budget: Budget): string {
  const room = budget.left - 2;
  budget.left -= text.length + 2;
  if (text.length <= room) return text;
  budget.cut = true;
  return `${text.slice(0, Math.max(0, room))}…${TRUNCATED}`;
}

/** The values of secret fields in a request body (password, SMS code, 2FA uuid), so answers can be masked. */
export function secretValues(body: unknown, depth = 0, out: string[] = []): string[] {
  if (depth > 8 || body === null || typeof body !== "object") return out;
  for (const [key, item] of Object.entries(body as Record<string, unknown>)) {
    if (typeof item === "string" || typeof item === "number") {
      if (isSecretField(key, String(item)) && String(item) !== "") out.push(String(item));
    } else secretValues(item, depth + 1, out);
  }
  return out;
}

/**
 * The secrets and the forms a server may quote them in inside text (a debug page echoing the request, a proxy's
 * error page quoting the URL): JSON-escaped, with PHP's `\/` and `\uXXXX` too; HTML-escaped; percent-encoded.
 * Masking all of them hides a secret whichever way it was quoted; most secrets have no other form.
 */
export function withQuotedForms(secrets: readonly string[]): string[] {
  const forms = new Set<string>();
  for (const secret of secrets) {
    const json = JSON.stringify(secret).slice(1, -1);
    // eslint-disable-next-line no-control-regex -- everything outside ASCII, as PHP's json_encode escapes it
    const asciiJson = json.replace(/[^\u0000-\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
    const html = secret.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
    forms.add(secret);
    for (const form of [json, asciiJson]) forms.add(form).add(form.replace(/\//g, "\\/"));
    forms.add(html.replace(/'/g, "&#039;")).add(html.replace(/'/g, "&#39;"));
    forms.add(encodeURIComponent(secret));
  }
  return [...forms];
}

/**
 * A URL with secrets masked: the value of a secret-named query parameter (`?password=`, `?user_token=`,
 * `?code=`), the value of any parameter that equals a known secret whatever its name (`?api_key=<partner
 * token>`), and known secrets of 8 characters or more anywhere else in it.
 */
export function redactUrl(url: string, secrets: ReadonlyArray<string | undefined> = []): string {
  const long = secrets.filter((secret): secret is string => !!secret && secret.length >= LONG_SECRET);
  const query = url.indexOf("?");
  if (query < 0) return redactText(url, long);
  const params = url
    .slice(query + 1)
    .split("&")
    .map((pair) => {
      const eq = pair.indexOf("=");
      if (eq < 0) return pair;
      const name = decodeURIComponentSafe(pair.slice(0, eq));
      const value = decodeURIComponentSafe(pair.slice(eq + 1).replace(/\+/g, " "));
      const secret = isSecretField(name) || name.toLowerCase() === "code" || secrets.includes(value);
      return secret ? `${pair.slice(0, eq)}=${REDACTED}` : pair;
    });
  return redactText(`${url.slice(0, query)}?${params.join("&")}`, long);
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * A URL given as configuration, quoted in an error, perhaps not even parseable: the userinfo (`user:pass@`) and
 * the value of every query and fragment parameter are masked (`?partner_token=[REDACTED]`); a parameter without
 * `=` is masked whole. Scheme, host and path stay, so the mistake can still be found.
 */
export function redactConfigUrl(text: string): string {
  const authority = /^([a-z][a-z0-9+.-]*:)?([/\\]{2})([^/\\?#]*)@/i.exec(text);
  let out = authority ? `${authority[1] ?? ""}${authority[2]}${REDACTED}@${text.slice(authority[0].length)}` : text;
  const cut = out.search(/[?#]/);
  if (cut < 0) return out;
  const rest = out.slice(cut);
  out = out.slice(0, cut);
  // `?a=1&b=2#c=3`: each separator kept, each value masked.
  return (
    out +
    rest.replace(/([?#&;])([^?#&;]*)/g, (_all, separator: string, pair: string) => {
      if (pair === "") return separator;
      const eq = pair.indexOf("=");
      return eq < 0 ? `${separator}${REDACTED}` : `${separator}${pair.slice(0, eq + 1)}${REDACTED}`;
    })
  );
}
