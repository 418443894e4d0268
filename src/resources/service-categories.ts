// Service categories of a company or a chain. `getPublic` and the deprecated reads need only the
// partner token; the rest need a user token.
import type { YclientsResponse } from "../envelope.js";
import type { BodyOf, CallOptions, DataOf, QueryOf } from "../types.js";
import { Resource, optionalObject, requireBody, requireId } from "./resource.js";

export class ServiceCategoriesResource<Raise extends boolean> extends Resource<Raise> {
  /** The company's categories, optionally only those with services of one staff member (not paged). Needs a user token. */
  async list(
    query?: QueryOf<"/company/{company_id}/service_categories/", "get">,
    companyId?: number,
    options?: CallOptions,
  ): Promise<YclientsResponse<DataOf<"/company/{company_id}/service_categories/", "get">, Raise>> {
    const company_id = this.client.resolveCompanyId(companyId);
    return this.client.request("GET", "/company/{company_id}/service_categories/", {
      ...options,
      params: { path: { company_id }, query: optionalObject(query, "query") },
    });
  }

  /** One category of the company (404 when it is not there). Needs a user token. */
  async get(
    categoryId: number,
    companyId?: number,
    options?: CallOptions,
  ): Promise<YclientsResponse<DataOf<"/company/{company_id}/service_categories/{id}", "get">, Raise>> {
    const path = { company_id: this.client.resolveCompanyId(companyId), id: requireId(categoryId, "categoryId") };
    return this.client.request("GET", "/company/{company_id}/service_categories/{id}", {
      ...options,
      params: { path },
    });
  }

  /** One category with the partner token only, for public (online-booking) integrations. */
  async getPublic(
    categoryId: number,
    companyId?: number,
    options?: CallOptions,
  ): Promise<YclientsResponse<DataOf<"/service_category/{company_id}/{id}", "get">, Raise>> {
    const path = { company_id: this.client.resolveCompanyId(companyId), id: requireId(categoryId, "categoryId") };
    return this.client.request("GET", "/service_category/{company_id}/{id}", { ...options, params: { path } });
  }

  /** Creates a category; `staff` lists who performs its services. Needs a user token. */
  async create(
    body: BodyOf<"/service_categories/{company_id}", "post">,
    companyId?: number,
    options?: CallOptions,
  ): Promise<YclientsResponse<DataOf<"/service_categories/{company_id}", "post">, Raise>> {
    const company_id = this.client.resolveCompanyId(companyId);
    return this.client.request("POST", "/service_categories/{company_id}", {
      ...options,
      params: { path: { company_id } },
      body: requireBody(body),
    });
  }

  /** Replaces a category's title, external id, weight and staff, and returns it. Needs a user token. */
  async update(
    categoryId: number,
    body: BodyOf<"/service_category/{company_id}/{id}", "put">,
    companyId?: number,
    options?: CallOptions,
  ): Promise<YclientsResponse<DataOf<"/service_category/{company_id}/{id}", "put">, Raise>> {
    const path = { company_id: this.client.resolveCompanyId(companyId), id: requireId(categoryId, "categoryId") };
    return this.client.request("PUT", "/service_category/{company_id}/{id}", {
      ...options,
      params: { path },
      body: requireBody(body),
    });
  }

  /** Deletes a category (204, `data` is null). Needs a user token. */
  async delete(
    categoryId: number,
    companyId?: number,
    options?: CallOptions,
  ): Promise<YclientsResponse<DataOf<"/service_category/{company_id}/{id}", "delete">, Raise>> {
    const path = { company_id: this.client.resolveCompanyId(companyId), id: requireId(categoryId, "categoryId") };
    return this.client.request("DELETE", "/service_category/{company_id}/{id}", { ...options, params: { path } });
  }

  /** The chain-level categories; `include: "services"` adds each category's service ids and titles. Needs a user token. */
  async listForChain(
    chainId: number,
    query?: QueryOf<"/chain/{chain_id}/service_categories", "get">,
    options?: CallOptions,
  ): Promise<YclientsResponse<DataOf<"/chain/{chain_id}/service_categories", "get">, Raise>> {
    return this.client.request("GET", "/chain/{chain_id}/service_categories", {
      ...options,
      params: { path: { chain_id: requireId(chainId, "chainId") }, query: optionalObject(query, "query") },
    });
  }

  /**
   * The company's categories through the old path; the partner token is enough.
   * @deprecated Use yc.serviceCategories.list()
   */
  async listLegacy(
    query?: QueryOf<"/service_categories/{company_id}/", "get">,
    companyId?: number,
    options?: CallOptions,
  ): Promise<YclientsResponse<DataOf<"/service_categories/{company_id}/", "get">, Raise>> {
    const company_id = this.client.resolveCompanyId(companyId);
    return this.client.request("GET", "/service_categories/{company_id}/", {
      ...options,
      params: { path: { company_id }, query: optionalObject(query, "query") },
    });
  }

  /**
   * One category through the old path; the partner token is enough.
   * @deprecated Use yc.serviceCategories.get()
   */
  async getLegacy(
    categoryId: number,
    companyId?: number,
    options?: CallOptions,
  ): Promise<YclientsResponse<DataOf<"/service_categories/{company_id}/{id}", "get">, Raise>> {
    const path = { company_id: this.client.resolveCompanyId(companyId), id: requireId(categoryId, "categoryId") };
    return this.client.request("GET", "/service_categories/{company_id}/{id}", { ...options, params: { path } });
  }
}
