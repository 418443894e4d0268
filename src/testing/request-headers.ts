// Reading the Authorization and Accept headers the way the real API does.

export interface Credentials {
  partner?: string;
  user?: string;
}

// `Bearer <partner>` optionally followed by `, User <user>`. Clients in the wild send
// `Bearer a,User b` or doubled spaces, so separators are matched loosely.
const AUTH_PATTERN = /^\s*Bearer\s+([^\s,]+)\s*(?:,\s*User\s+([^\s,]+)\s*)?$/i;

/** The tokens in an Authorization header; undefined when it is missing or not in that form. */
export function parseAuthorization(header: string | undefined): Credentials | undefined {
  if (!header) return undefined;
  const m = AUTH_PATTERN.exec(header);
  return m ? { partner: m[1], user: m[2] } : undefined;
}

const ACCEPTED_MEDIA_TYPES = ["application/vnd.yclients.v2+json", "application/vnd.api.v2+json"];

/** True when one of the listed media types selects the version 2.0 response format. */
export function acceptsV2(header: string | undefined): boolean {
  if (!header) return false;
  return header
    .split(",")
    .map((part) => part.split(";")[0].trim().toLowerCase())
    .some((type) => ACCEPTED_MEDIA_TYPES.includes(type));
}
