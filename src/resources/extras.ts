// Hand-written friendly methods: the few the generator cannot express (or where a hand-written signature is
// clearly nicer). Each is merged onto the generated resource of the same name (`yc.auth`, …); everything else
// on a resource is generated from the spec. Add one as: an interface member here, and its implementation in
// `extras` (built per client, calling `client.request()` like the generated methods). They take the generated
// methods' shape: `(…pathIds, params?, options?)`.
import type { YclientsResponse } from "../envelope.js";
import { YclientsParseError } from "../errors.js";
import { isTwoFactorChallenge, type StaffUserToken, type TwoFactorChallenge } from "../two-factor.js";
import type { YclientsTypedClient } from "../typed-client.js";
import type { CallOptions } from "../types.js";
import { checkCallOptions } from "../call-options.js";
import { optionalObject, requireString } from "./arguments.js";

/** What `auth.completeTwoFactor()` sends: the login and password again, the challenge, and the code received. */
export interface TwoFactorParams {
  login: string;
  password: string;
  challenge: Pick<TwoFactorChallenge, "uuid">;
  code: string | number;
}

/** Hand-written methods per resource name. Empty members mean the resource is fully generated. */
export interface Extras<Raise extends boolean> {
  auth: {
    /**
     * Second step of a two-factor staff sign-in: repeats the login and password with the challenge's
     * `uuid` and the code the user received, and resolves with the user token. A wrong code is a
     * `YclientsValidationError` (HTTP 422) whose `body.data.attempts_left` says how many tries are left.
     * The code, the password and the uuid never appear in errors or logs.
     */
    completeTwoFactor(params: TwoFactorParams, options?: CallOptions): Promise<YclientsResponse<StaffUserToken, Raise>>;
  };
}

type ExtrasFactories = {
  readonly [Name in keyof Extras<boolean>]: (client: YclientsTypedClient<boolean>) => Extras<boolean>[Name];
};

export const extras: ExtrasFactories = {
  auth: (client) => ({
    async completeTwoFactor(params, options) {
      const { login, password, challenge, code } = optionalObject(params, "params") ?? ({} as TwoFactorParams);
      const callOptions = checkCallOptions(options, "auth.completeTwoFactor()");
      const body = {
        login: requireString(login, "login"),
        password: requireString(password, "password"),
        "2fa": {
          uuid: requireString(challenge?.uuid, "challenge.uuid"),
          secret: requireString(typeof code === "number" ? String(code) : code, "code"),
        },
      };
      const result = await client.request<StaffUserToken | TwoFactorChallenge>("POST", "/auth", {
        ...callOptions,
        body,
      });
      if (result.success && (isTwoFactorChallenge(result.data) || typeof result.data?.user_token !== "string")) {
        throw new YclientsParseError("POST /auth answered the two-factor code without a user token", {
          method: "POST",
          path: "/auth",
          status: result.status,
          requestId: result.requestId,
        });
      }
      return result as YclientsResponse<StaffUserToken, boolean>;
    },
  }),
};
