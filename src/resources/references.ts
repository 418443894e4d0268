// Reference data shared by all companies.
import type { YclientsResponse } from "../envelope.js";
import type { CallOptions, DataOf } from "../types.js";
import { Resource } from "./resource.js";

export class ReferencesResource<Raise extends boolean> extends Resource<Raise> {
  /** Business groups (beauty, household services, …), each with its business types. Needs a user token. */
  async businessGroups(
    options?: CallOptions,
  ): Promise<YclientsResponse<DataOf<"/references/business_groups_with_types", "get">, Raise>> {
    return this.client.request("GET", "/references/business_groups_with_types", { ...options });
  }
}
