// Online-booking forms (widgets) of a company: their steps, preselections, button look and embed code.
// Every operation here needs a user token with rights in the company.
import type { YclientsResponse } from "../envelope.js";
import type { BodyOf, CallOptions, DataOf } from "../types.js";
import { Resource, requireBody, requireId } from "./resource.js";

export class BookingFormsResource<Raise extends boolean> extends Resource<Raise> {
  /** All booking forms of the company (not paged). Needs a user token. */
  async list(
    companyId?: number,
    options?: CallOptions,
  ): Promise<YclientsResponse<DataOf<"/company/{company_id}/booking_forms/", "get">, Raise>> {
    const company_id = this.client.resolveCompanyId(companyId);
    return this.client.request("GET", "/company/{company_id}/booking_forms/", {
      ...options,
      params: { path: { company_id } },
    });
  }

  /** Creates a booking form; only `title` is required. The answer carries the embed code. Needs a user token. */
  async create(
    body: BodyOf<"/company/{company_id}/booking_forms/", "post">,
    companyId?: number,
    options?: CallOptions,
  ): Promise<YclientsResponse<DataOf<"/company/{company_id}/booking_forms/", "post">, Raise>> {
    const company_id = this.client.resolveCompanyId(companyId);
    return this.client.request("POST", "/company/{company_id}/booking_forms/", {
      ...options,
      params: { path: { company_id } },
      body: requireBody(body),
    });
  }

  /** One booking form by its id. Needs a user token. */
  async get(
    formId: number,
    companyId?: number,
    options?: CallOptions,
  ): Promise<YclientsResponse<DataOf<"/company/{company_id}/booking_forms/{form_id}/", "get">, Raise>> {
    const path = { company_id: this.client.resolveCompanyId(companyId), form_id: requireId(formId, "formId") };
    return this.client.request("GET", "/company/{company_id}/booking_forms/{form_id}/", {
      ...options,
      params: { path },
    });
  }

  /** Changes the fields sent and returns the whole form afterwards. Needs a user token. */
  async update(
    formId: number,
    body: BodyOf<"/company/{company_id}/booking_forms/{form_id}/", "patch">,
    companyId?: number,
    options?: CallOptions,
  ): Promise<YclientsResponse<DataOf<"/company/{company_id}/booking_forms/{form_id}/", "patch">, Raise>> {
    const path = { company_id: this.client.resolveCompanyId(companyId), form_id: requireId(formId, "formId") };
    return this.client.request("PATCH", "/company/{company_id}/booking_forms/{form_id}/", {
      ...options,
      params: { path },
      body: requireBody(body),
    });
  }

  /** Deletes a booking form; sites embedding it stop working. Answers 204 (`data` is null). Needs a user token. */
  async delete(
    formId: number,
    companyId?: number,
    options?: CallOptions,
  ): Promise<YclientsResponse<DataOf<"/company/{company_id}/booking_forms/{form_id}/", "delete">, Raise>> {
    const path = { company_id: this.client.resolveCompanyId(companyId), form_id: requireId(formId, "formId") };
    return this.client.request("DELETE", "/company/{company_id}/booking_forms/{form_id}/", {
      ...options,
      params: { path },
    });
  }
}
