// The profile of the signed-in online-booking client. Every operation needs that client's user token
// (from `auth.getClientTokenByPassword` or `auth.getClientTokenBySmsCode`).
import type { YclientsResponse } from "../envelope.js";
import type { BodyOf, CallOptions, DataOf, QueryOf } from "../types.js";
import { Resource, optionalObject, requireBody, requireString } from "./resource.js";

export class BookingUsersResource<Raise extends boolean> extends Resource<Raise> {
  /** The signed-in client's profile (id, name, phone, e-mail, …). Needs the client's user token. */
  async get(options?: CallOptions): Promise<YclientsResponse<DataOf<"/booking/user/data", "get">, Raise>> {
    return this.client.request("GET", "/booking/user/data", { ...options });
  }

  /**
   * Changes the client's name, e-mail or phone (a new phone needs `confirmation_code` from `sendPhoneCode`).
   * Accepted asynchronously: 202 with `meta.message` and no data. Needs the client's user token.
   */
  async update(
    body: BodyOf<"/booking/user", "put">,
    options?: CallOptions,
  ): Promise<YclientsResponse<DataOf<"/booking/user", "put">, Raise>> {
    return this.client.request("PUT", "/booking/user", { ...options, body: requireBody(body) });
  }

  /** Sets a new password; the answer holds a new user token and the old one stops working. Needs the client's user token. */
  async changePassword(
    body: BodyOf<"/booking/user/password", "put">,
    options?: CallOptions,
  ): Promise<YclientsResponse<DataOf<"/booking/user/password", "put">, Raise>> {
    return this.client.request("PUT", "/booking/user/password", { ...options, body: requireBody(body) });
  }

  /**
   * Texts a confirmation code to the phone the client wants to switch to; give `company_id` or `group_id`
   * to pick whose SMS sender is used. Answers 202 with no data. Needs the client's user token.
   */
  async sendPhoneCode(
    query: QueryOf<"/booking/user/phone_confirmation", "get">,
    options?: CallOptions,
  ): Promise<YclientsResponse<DataOf<"/booking/user/phone_confirmation", "get">, Raise>> {
    const checked = optionalObject(query, "query");
    requireString(checked?.phone, "query.phone");
    return this.client.request("GET", "/booking/user/phone_confirmation", { ...options, params: { query: checked } });
  }
}
