// Reference lists of countries and cities; the partner token is enough.
import type { YclientsResponse } from "../envelope.js";
import type { CallOptions, DataOf, QueryOf } from "../types.js";
import { Resource, optionalObject } from "./resource.js";

export class LocationsResource<Raise extends boolean> extends Resource<Raise> {
  /** All countries with dialling codes, phone masks and currencies (numeric fields arrive as strings). */
  async countries(options?: CallOptions): Promise<YclientsResponse<DataOf<"/countries", "get">, Raise>> {
    return this.client.request("GET", "/countries", { ...options });
  }

  /** Cities, optionally of one country; with `company_id` that company's own city is always included. */
  async cities(
    query?: QueryOf<"/cities", "get">,
    options?: CallOptions,
  ): Promise<YclientsResponse<DataOf<"/cities", "get">, Raise>> {
    return this.client.request("GET", "/cities", { ...options, params: { query: optionalObject(query, "query") } });
  }
}
