// Services of a company and which staff members perform them. The current operations need a user
// token; the deprecated `/services/{company_id}` reads work with the partner token alone.
import type { YclientsResponse } from "../envelope.js";
import type { BodyOf, CallOptions, DataOf, QueryOf } from "../types.js";
import { Resource, optionalObject, requireBody, requireId } from "./resource.js";

export class ServicesResource<Raise extends boolean> extends Resource<Raise> {
  /** The company's services, optionally of one category or one staff member (not paged). Needs a user token. */
  async list(
    query?: QueryOf<"/company/{company_id}/services/", "get">,
    companyId?: number,
    options?: CallOptions,
  ): Promise<YclientsResponse<DataOf<"/company/{company_id}/services/", "get">, Raise>> {
    const company_id = this.client.resolveCompanyId(companyId);
    return this.client.request("GET", "/company/{company_id}/services/", {
      ...options,
      params: { path: { company_id }, query: optionalObject(query, "query") },
    });
  }

  /** One service with its staff (durations, tech cards) and online-booking settings. Needs a user token. */
  async get(
    serviceId: number,
    companyId?: number,
    options?: CallOptions,
  ): Promise<YclientsResponse<DataOf<"/company/{company_id}/services/{service_id}", "get">, Raise>> {
    const path = { company_id: this.client.resolveCompanyId(companyId), service_id: requireId(serviceId, "serviceId") };
    return this.client.request("GET", "/company/{company_id}/services/{service_id}", { ...options, params: { path } });
  }

  /** Creates a service in a category (`title` and `category_id` required), optionally with its staff. Needs a user token. */
  async create(
    body: BodyOf<"/services/{company_id}", "post">,
    companyId?: number,
    options?: CallOptions,
  ): Promise<YclientsResponse<DataOf<"/services/{company_id}", "post">, Raise>> {
    const company_id = this.client.resolveCompanyId(companyId);
    return this.client.request("POST", "/services/{company_id}", {
      ...options,
      params: { path: { company_id } },
      body: requireBody(body),
    });
  }

  /**
   * Changes a service and returns it in full. Despite PATCH, the core settings are required: send their
   * current values with your changes. Needs a user token.
   */
  async update(
    serviceId: number,
    body: BodyOf<"/company/{company_id}/services/{service_id}", "patch">,
    companyId?: number,
    options?: CallOptions,
  ): Promise<YclientsResponse<DataOf<"/company/{company_id}/services/{service_id}", "patch">, Raise>> {
    const path = { company_id: this.client.resolveCompanyId(companyId), service_id: requireId(serviceId, "serviceId") };
    return this.client.request("PATCH", "/company/{company_id}/services/{service_id}", {
      ...options,
      params: { path },
      body: requireBody(body),
    });
  }

  /** Changes only the fields sent, through the short undocumented path Altegio's client uses; prefer `update()`. Needs a user token. */
  async patch(
    serviceId: number,
    body: BodyOf<"/services/{company_id}/{service_id}", "patch">,
    companyId?: number,
    options?: CallOptions,
  ): Promise<YclientsResponse<DataOf<"/services/{company_id}/{service_id}", "patch">, Raise>> {
    const path = { company_id: this.client.resolveCompanyId(companyId), service_id: requireId(serviceId, "serviceId") };
    return this.client.request("PATCH", "/services/{company_id}/{service_id}", {
      ...options,
      params: { path },
      body: requireBody(body),
    });
  }

  /** Deletes a service (204, `data` is null). Needs a user token. */
  async delete(
    serviceId: number,
    companyId?: number,
    options?: CallOptions,
  ): Promise<YclientsResponse<DataOf<"/services/{company_id}/{service_id}", "delete">, Raise>> {
    const path = { company_id: this.client.resolveCompanyId(companyId), service_id: requireId(serviceId, "serviceId") };
    return this.client.request("DELETE", "/services/{company_id}/{service_id}", { ...options, params: { path } });
  }

  /** Saves in one call a service's per-staff durations and tech cards, resources and translations (no response body documented). Needs a user token. */
  async setLinks(
    body: BodyOf<"/company/{company_id}/services/links", "post">,
    companyId?: number,
    options?: CallOptions,
  ): Promise<YclientsResponse<DataOf<"/company/{company_id}/services/links", "post">, Raise>> {
    const company_id = this.client.resolveCompanyId(companyId);
    return this.client.request("POST", "/company/{company_id}/services/links", {
      ...options,
      params: { path: { company_id } },
      body: requireBody(body),
    });
  }

  /** Lets a staff member perform the service, with their own duration (300–86100 s) and tech card. Needs a user token. */
  async linkStaff(
    serviceId: number,
    body: BodyOf<"/company/{company_id}/services/{service_id}/staff", "post">,
    companyId?: number,
    options?: CallOptions,
  ): Promise<YclientsResponse<DataOf<"/company/{company_id}/services/{service_id}/staff", "post">, Raise>> {
    const path = { company_id: this.client.resolveCompanyId(companyId), service_id: requireId(serviceId, "serviceId") };
    return this.client.request("POST", "/company/{company_id}/services/{service_id}/staff", {
      ...options,
      params: { path },
      body: requireBody(body),
    });
  }

  /** Changes a staff member's duration and tech card for the service (send both). Needs a user token. */
  async updateStaffLink(
    serviceId: number,
    staffId: number,
    body: BodyOf<"/company/{company_id}/services/{service_id}/staff/{master_id}", "put">,
    companyId?: number,
    options?: CallOptions,
  ): Promise<YclientsResponse<DataOf<"/company/{company_id}/services/{service_id}/staff/{master_id}", "put">, Raise>> {
    const path = {
      company_id: this.client.resolveCompanyId(companyId),
      service_id: requireId(serviceId, "serviceId"),
      master_id: requireId(staffId, "staffId"),
    };
    return this.client.request("PUT", "/company/{company_id}/services/{service_id}/staff/{master_id}", {
      ...options,
      params: { path },
      body: requireBody(body),
    });
  }

  /** Stops a staff member performing the service, so they can no longer be booked for it (204). Needs a user token. */
  async unlinkStaff(
    serviceId: number,
    staffId: number,
    companyId?: number,
    options?: CallOptions,
  ): Promise<
    YclientsResponse<DataOf<"/company/{company_id}/services/{service_id}/staff/{master_id}", "delete">, Raise>
  > {
    const path = {
      company_id: this.client.resolveCompanyId(companyId),
      service_id: requireId(serviceId, "serviceId"),
      master_id: requireId(staffId, "staffId"),
    };
    return this.client.request("DELETE", "/company/{company_id}/services/{service_id}/staff/{master_id}", {
      ...options,
      params: { path },
    });
  }

  /**
   * The company's services in the legacy format (numeric strings); the partner token is enough.
   * @deprecated Use yc.services.list()
   */
  async listLegacy(
    query?: QueryOf<"/services/{company_id}/", "get">,
    companyId?: number,
    options?: CallOptions,
  ): Promise<YclientsResponse<DataOf<"/services/{company_id}/", "get">, Raise>> {
    const company_id = this.client.resolveCompanyId(companyId);
    return this.client.request("GET", "/services/{company_id}/", {
      ...options,
      params: { path: { company_id }, query: optionalObject(query, "query") },
    });
  }

  /**
   * One service in the legacy format; the partner token is enough.
   * @deprecated Use yc.services.get()
   */
  async getLegacy(
    serviceId: number,
    companyId?: number,
    options?: CallOptions,
  ): Promise<YclientsResponse<DataOf<"/services/{company_id}/{service_id}", "get">, Raise>> {
    const path = { company_id: this.client.resolveCompanyId(companyId), service_id: requireId(serviceId, "serviceId") };
    return this.client.request("GET", "/services/{company_id}/{service_id}", { ...options, params: { path } });
  }

  /**
   * Changes a service's basic fields and staff list (answers 200 or 201). Needs a user token.
   * @deprecated Use yc.services.update()
   */
  async updateLegacy(
    serviceId: number,
    body: BodyOf<"/services/{company_id}/{service_id}", "put">,
    companyId?: number,
    options?: CallOptions,
  ): Promise<YclientsResponse<DataOf<"/services/{company_id}/{service_id}", "put">, Raise>> {
    const path = { company_id: this.client.resolveCompanyId(companyId), service_id: requireId(serviceId, "serviceId") };
    return this.client.request("PUT", "/services/{company_id}/{service_id}", {
      ...options,
      params: { path },
      body: requireBody(body),
    });
  }
}
