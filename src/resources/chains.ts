// Chains (groups of companies) the signed-in user can access.
import type { YclientsResponse } from "../envelope.js";
import type { CallOptions, DataOf } from "../types.js";
import { Resource } from "./resource.js";

export class ChainsResource<Raise extends boolean> extends Resource<Raise> {
  /** Every chain the user has rights in, with its companies and the user's chain permissions (not paged). Needs a user token. */
  async list(options?: CallOptions): Promise<YclientsResponse<DataOf<"/groups", "get">, Raise>> {
    return this.client.request("GET", "/groups", { ...options });
  }
}
