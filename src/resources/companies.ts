// Companies (branches): the public catalogue search, and creating and managing the user's own companies.
import type { YclientsResponse } from "../envelope.js";
import { collectAll, iterateItems, type ListAllOptions, type PageOptions } from "../pagination.js";
import type { BodyOf, CallOptions, DataOf, QueryOf } from "../types.js";
import { Resource, optionalObject, requireBody } from "./resource.js";

/** One company as `companies.list` returns it. */
export type CompanyListItem = DataOf<"/companies", "get"> extends readonly (infer Item)[] ? Item : never;

/** The filters of `companies.list` without its paging parameters, which `iterate`/`listAll` set themselves. */
export type CompanyListFilters = Omit<QueryOf<"/companies", "get">, "page" | "count">;

export class CompaniesResource<Raise extends boolean> extends Resource<Raise> {
  /**
   * One page of companies matching the filters (`page`, `count` up to 50). With only the partner token it
   * searches the public catalogue; add a user token and `my: 1` for the user's own companies.
   */
  async list(
    query?: QueryOf<"/companies", "get">,
    options?: CallOptions,
  ): Promise<YclientsResponse<DataOf<"/companies", "get">, Raise>> {
    return this.client.request("GET", "/companies", { ...options, params: { query: optionalObject(query, "query") } });
  }

  /** Every company matching the filters, fetched page by page only as the loop asks for more. */
  iterate(query?: CompanyListFilters, options?: PageOptions): AsyncGenerator<CompanyListItem, void, undefined> {
    const filters = optionalObject(query, "query");
    return iterateItems<CompanyListItem>(this.client, { method: "GET", path: "/companies", query: filters }, options);
  }

  /** Every company matching the filters in one array; fails with YclientsPaginationLimitError past `options.limit`. */
  async listAll(query: CompanyListFilters | undefined, options: ListAllOptions): Promise<CompanyListItem[]> {
    const { limit, ...pageOptions } = optionalObject(options, "options") ?? ({} as ListAllOptions);
    return collectAll(this.iterate(query, pageOptions), limit);
  }

  /** Creates a company owned by the signed-in user. Needs a user token. */
  async create(
    body: BodyOf<"/companies", "post">,
    options?: CallOptions,
  ): Promise<YclientsResponse<DataOf<"/companies", "post">, Raise>> {
    return this.client.request("POST", "/companies", { ...options, body: requireBody(body) });
  }

  /**
   * One company with its full details; flags in `query` add optional blocks (`forBooking`, `show_groups`,
   * `showBookforms`, `my`). Needs a user token. The company is the entity here, so its id comes first:
   * `yc.companies.get(4564)`, or `yc.companies.get()` for the client's own company.
   */
  async get(
    companyId?: number,
    query?: QueryOf<"/company/{id}/", "get">,
    options?: CallOptions,
  ): Promise<YclientsResponse<DataOf<"/company/{id}/", "get">, Raise>> {
    const id = this.client.resolveCompanyId(companyId);
    return this.client.request("GET", "/company/{id}/", {
      ...options,
      params: { path: { id }, query: optionalObject(query, "query") },
    });
  }

  /** Changes the fields sent and returns the updated company. Needs a user token. */
  async update(
    body: BodyOf<"/company/{id}/", "put">,
    companyId?: number,
    options?: CallOptions,
  ): Promise<YclientsResponse<DataOf<"/company/{id}/", "put">, Raise>> {
    const id = this.client.resolveCompanyId(companyId);
    return this.client.request("PUT", "/company/{id}/", {
      ...options,
      params: { path: { id } },
      body: requireBody(body),
    });
  }

  /** Deletes the company (202 or 204; `data` is null either way). Needs a user token. */
  async delete(
    companyId?: number,
    options?: CallOptions,
  ): Promise<YclientsResponse<DataOf<"/company/{id}/", "delete">, Raise>> {
    const id = this.client.resolveCompanyId(companyId);
    return this.client.request("DELETE", "/company/{id}/", { ...options, params: { path: { id } } });
  }
}
