// Two-factor staff sign-in: `POST /auth` answers a challenge (HTTP 200, `data.uuid`) instead of a token for
// accounts that have it on. The types keep the two apart, and this guard tells them apart at run time.
import type { components } from "../generated/schema.js";

/** A staff user's token answer of `POST /auth` (HTTP 201). */
export type StaffUserToken = components["schemas"]["AuthUser"];
/** The challenge `POST /auth` answers for an account with two-factor sign-in (HTTP 200): not a token. */
export type TwoFactorChallenge = components["schemas"]["TwoFactorChallenge"];

/** True when `POST /auth` answered a two-factor challenge rather than a token. */
export function isTwoFactorChallenge(
  data: StaffUserToken | TwoFactorChallenge | null | undefined,
): data is TwoFactorChallenge {
  return (
    data !== null &&
    typeof data === "object" &&
    typeof (data as { uuid?: unknown }).uuid === "string" &&
    typeof (data as { user_token?: unknown }).user_token !== "string"
  );
}
