// Sign-in operations. Passwords and SMS codes go only into request bodies; argument errors never echo them.
import type { paths } from "../../generated/schema.js";
import type { YclientsResponse } from "../envelope.js";
import type { CallOptions, EnvelopeData } from "../types.js";
import { Resource, requireString } from "./resource.js";

export class AuthResource<Raise extends boolean> extends Resource<Raise> {
  /** Signs in a YCLIENTS staff user (phone like `79161234567`, or e-mail) and returns their user token. */
  async getUserToken(
    login: string,
    password: string,
    options?: CallOptions,
  ): Promise<YclientsResponse<EnvelopeData<paths, "/auth", "post">, Raise>> {
    const body = { login: requireString(login, "login"), password: requireString(password, "password") };
    return this.client.request("POST", "/auth", { ...options, body });
  }

  /** Signs in an online-booking client with login and password and returns the client's user token. */
  async getClientTokenByPassword(
    login: string,
    password: string,
    options?: CallOptions,
  ): Promise<YclientsResponse<EnvelopeData<paths, "/booking/auth", "post">, Raise>> {
    const body = { login: requireString(login, "login"), password: requireString(password, "password") };
    return this.client.request("POST", "/booking/auth", { ...options, body });
  }

  /** Texts a confirmation code to an online-booking client's phone (first step of the SMS sign-in). */
  async sendSmsCode(
    phone: string,
    fullname: string,
    companyId?: number,
    options?: CallOptions,
  ): Promise<YclientsResponse<EnvelopeData<paths, "/book_code/{company_id}", "post">, Raise>> {
    const body = { phone: requireString(phone, "phone"), fullname: requireString(fullname, "fullname") };
    const company_id = this.client.resolveCompanyId(companyId);
    return this.client.request("POST", "/book_code/{company_id}", {
      ...options,
      params: { path: { company_id } },
      body,
    });
  }

  /** Exchanges the SMS code for the online-booking client's user token (second step of the SMS sign-in). */
  async getClientTokenBySmsCode(
    phone: string,
    code: string,
    options?: CallOptions,
  ): Promise<YclientsResponse<EnvelopeData<paths, "/user/auth", "post">, Raise>> {
    const body = { phone: requireString(phone, "phone"), code: requireString(String(code ?? ""), "code") };
    return this.client.request("POST", "/user/auth", { ...options, body });
  }
}
