// Staff members of a company. The current operations need a user token; the deprecated
// `/staff/{company_id}` reads work with the partner token alone and return numbers as strings.
import type { YclientsResponse } from "../envelope.js";
import type { BodyOf, CallOptions, DataOf } from "../types.js";
import { Resource, requireBody, requireId } from "./resource.js";

export class StaffResource<Raise extends boolean> extends Resource<Raise> {
  /** Every staff member, hidden and dismissed ones included (see `hidden`, `fired`, `status`); not paged. Needs a user token. */
  async list(
    companyId?: number,
    options?: CallOptions,
  ): Promise<YclientsResponse<DataOf<"/company/{company_id}/staff/", "get">, Raise>> {
    const company_id = this.client.resolveCompanyId(companyId);
    return this.client.request("GET", "/company/{company_id}/staff/", { ...options, params: { path: { company_id } } });
  }

  /** One staff member with booking settings, linked user and services. Needs a user token. */
  async get(
    staffId: number,
    companyId?: number,
    options?: CallOptions,
  ): Promise<YclientsResponse<DataOf<"/company/{company_id}/staff/{staff_id}", "get">, Raise>> {
    const path = { company_id: this.client.resolveCompanyId(companyId), staff_id: requireId(staffId, "staffId") };
    return this.client.request("GET", "/company/{company_id}/staff/{staff_id}", { ...options, params: { path } });
  }

  /** Creates a staff member from name, specialization, position and phone (all four sent; the last two may be null). Needs a user token. */
  async quickCreate(
    body: BodyOf<"/company/{company_id}/staff/quick", "post">,
    companyId?: number,
    options?: CallOptions,
  ): Promise<YclientsResponse<DataOf<"/company/{company_id}/staff/quick", "post">, Raise>> {
    const company_id = this.client.resolveCompanyId(companyId);
    return this.client.request("POST", "/company/{company_id}/staff/quick", {
      ...options,
      params: { path: { company_id } },
      body: requireBody(body),
    });
  }

  /** Changes a staff member's card (`name` is always required) and returns it. Needs a user token. */
  async update(
    staffId: number,
    body: BodyOf<"/staff/{company_id}/{staff_id}", "put">,
    companyId?: number,
    options?: CallOptions,
  ): Promise<YclientsResponse<DataOf<"/staff/{company_id}/{staff_id}", "put">, Raise>> {
    const path = { company_id: this.client.resolveCompanyId(companyId), staff_id: requireId(staffId, "staffId") };
    return this.client.request("PUT", "/staff/{company_id}/{staff_id}", {
      ...options,
      params: { path },
      body: requireBody(body),
    });
  }

  /** Deletes a staff member (204, `data` is null). Needs a user token. */
  async delete(
    staffId: number,
    companyId?: number,
    options?: CallOptions,
  ): Promise<YclientsResponse<DataOf<"/staff/{company_id}/{staff_id}", "delete">, Raise>> {
    const path = { company_id: this.client.resolveCompanyId(companyId), staff_id: requireId(staffId, "staffId") };
    return this.client.request("DELETE", "/staff/{company_id}/{staff_id}", { ...options, params: { path } });
  }

  /**
   * Creates a staff member with the full card. Needs a user token.
   * @deprecated Use yc.staff.quickCreate() (then yc.staff.update() for the other fields)
   */
  async createLegacy(
    body: BodyOf<"/staff/{company_id}", "post">,
    companyId?: number,
    options?: CallOptions,
  ): Promise<YclientsResponse<DataOf<"/staff/{company_id}", "post">, Raise>> {
    const company_id = this.client.resolveCompanyId(companyId);
    return this.client.request("POST", "/staff/{company_id}", {
      ...options,
      params: { path: { company_id } },
      body: requireBody(body),
    });
  }

  /**
   * Every staff member in the legacy format (numeric strings); the partner token is enough.
   * @deprecated Use yc.staff.list()
   */
  async listLegacy(
    companyId?: number,
    options?: CallOptions,
  ): Promise<YclientsResponse<DataOf<"/staff/{company_id}/", "get">, Raise>> {
    const company_id = this.client.resolveCompanyId(companyId);
    return this.client.request("GET", "/staff/{company_id}/", { ...options, params: { path: { company_id } } });
  }

  /**
   * One staff member in the legacy format; the partner token is enough.
   * @deprecated Use yc.staff.get()
   */
  async getLegacy(
    staffId: number,
    companyId?: number,
    options?: CallOptions,
  ): Promise<YclientsResponse<DataOf<"/staff/{company_id}/{staff_id}", "get">, Raise>> {
    const path = { company_id: this.client.resolveCompanyId(companyId), staff_id: requireId(staffId, "staffId") };
    return this.client.request("GET", "/staff/{company_id}/{staff_id}", { ...options, params: { path } });
  }
}
