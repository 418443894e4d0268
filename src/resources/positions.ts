// Staff positions (job titles). Positions live at chain level, so a new one appears in every branch.
// The `/positions/{company_id}` paths are undocumented legacy ones; prefer listForStaff and quickCreate.
import type { YclientsResponse } from "../envelope.js";
import type { BodyOf, CallOptions, DataOf } from "../types.js";
import { Resource, requireBody, requireId } from "./resource.js";

export class PositionsResource<Raise extends boolean> extends Resource<Raise> {
  /** The positions staff of the company can hold, as id/title pairs (the documented way to read them). Needs a user token. */
  async listForStaff(
    companyId?: number,
    options?: CallOptions,
  ): Promise<YclientsResponse<DataOf<"/company/{company_id}/staff/positions/", "get">, Raise>> {
    const company_id = this.client.resolveCompanyId(companyId);
    return this.client.request("GET", "/company/{company_id}/staff/positions/", {
      ...options,
      params: { path: { company_id } },
    });
  }

  /** Creates a position from its title alone, with default settings (the documented way to add one). Needs a user token. */
  async quickCreate(
    body: BodyOf<"/company/{company_id}/positions/quick/", "post">,
    companyId?: number,
    options?: CallOptions,
  ): Promise<YclientsResponse<DataOf<"/company/{company_id}/positions/quick/", "post">, Raise>> {
    const company_id = this.client.resolveCompanyId(companyId);
    return this.client.request("POST", "/company/{company_id}/positions/quick/", {
      ...options,
      params: { path: { company_id } },
      body: requireBody(body),
    });
  }

  /** Lists positions through an undocumented older path; prefer `listForStaff()`. Needs a user token. */
  async list(
    companyId?: number,
    options?: CallOptions,
  ): Promise<YclientsResponse<DataOf<"/positions/{company_id}", "get">, Raise>> {
    const company_id = this.client.resolveCompanyId(companyId);
    return this.client.request("GET", "/positions/{company_id}", { ...options, params: { path: { company_id } } });
  }

  /** Creates a position (title, optional `api_id`) through an undocumented path; prefer `quickCreate()`. Needs a user token. */
  async create(
    body: BodyOf<"/positions/{company_id}", "post">,
    companyId?: number,
    options?: CallOptions,
  ): Promise<YclientsResponse<DataOf<"/positions/{company_id}", "post">, Raise>> {
    const company_id = this.client.resolveCompanyId(companyId);
    return this.client.request("POST", "/positions/{company_id}", {
      ...options,
      params: { path: { company_id } },
      body: requireBody(body),
    });
  }

  /** Renames a position or changes its `api_id` (undocumented path; may fail on some accounts). Needs a user token. */
  async update(
    positionId: number,
    body: BodyOf<"/positions/{company_id}/{position_id}", "put">,
    companyId?: number,
    options?: CallOptions,
  ): Promise<YclientsResponse<DataOf<"/positions/{company_id}/{position_id}", "put">, Raise>> {
    const path = {
      company_id: this.client.resolveCompanyId(companyId),
      position_id: requireId(positionId, "positionId"),
    };
    return this.client.request("PUT", "/positions/{company_id}/{position_id}", {
      ...options,
      params: { path },
      body: requireBody(body),
    });
  }

  /** Deletes a position (undocumented path; may fail on some accounts). Needs a user token. */
  async delete(
    positionId: number,
    companyId?: number,
    options?: CallOptions,
  ): Promise<YclientsResponse<DataOf<"/positions/{company_id}/{position_id}", "delete">, Raise>> {
    const path = {
      company_id: this.client.resolveCompanyId(companyId),
      position_id: requireId(positionId, "positionId"),
    };
    return this.client.request("DELETE", "/positions/{company_id}/{position_id}", { ...options, params: { path } });
  }
}
