// Bookable resources of a company: rooms, chairs and devices that services may require.
import type { YclientsResponse } from "../envelope.js";
import type { CallOptions, DataOf } from "../types.js";
import { Resource } from "./resource.js";

export class BookableResourcesResource<Raise extends boolean> extends Resource<Raise> {
  /** All resources of the company with their instances (not paged; the API cannot create them). Needs a user token. */
  async list(
    companyId?: number,
    options?: CallOptions,
  ): Promise<YclientsResponse<DataOf<"/resources/{company_id}", "get">, Raise>> {
    const company_id = this.client.resolveCompanyId(companyId);
    return this.client.request("GET", "/resources/{company_id}", { ...options, params: { path: { company_id } } });
  }
}
