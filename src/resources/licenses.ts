// The company's YCLIENTS licence.
import type { YclientsResponse } from "../envelope.js";
import type { CallOptions, DataOf } from "../types.js";
import { Resource } from "./resource.js";

export class LicensesResource<Raise extends boolean> extends Resource<Raise> {
  /** The licence: tariff, staff limit, paid options, and start/expiry days written `DD.MM.YYYY`. Needs a user token. */
  async get(
    companyId?: number,
    options?: CallOptions,
  ): Promise<YclientsResponse<DataOf<"/license/{company_id}", "get">, Raise>> {
    const company_id = this.client.resolveCompanyId(companyId);
    return this.client.request("GET", "/license/{company_id}", { ...options, params: { path: { company_id } } });
  }
}
