// Working schedules of staff members (when they work, and optionally what is already taken).
import type { YclientsResponse } from "../envelope.js";
import type { BodyOf, CallOptions, DataOf, QueryOf } from "../types.js";
import { Resource, optionalObject, requireBody, requireDate, requireId } from "./resource.js";

export class StaffSchedulesResource<Raise extends boolean> extends Resource<Raise> {
  /**
   * Working intervals per staff member and date in a range; `include` adds busy intervals and the kind of
   * day off. Needs a user token.
   */
  async list(
    query?: QueryOf<"/company/{company_id}/staff/schedule", "get">,
    companyId?: number,
    options?: CallOptions,
  ): Promise<YclientsResponse<DataOf<"/company/{company_id}/staff/schedule", "get">, Raise>> {
    const company_id = this.client.resolveCompanyId(companyId);
    return this.client.request("GET", "/company/{company_id}/staff/schedule", {
      ...options,
      params: { path: { company_id }, query: optionalObject(query, "query") },
    });
  }

  /** Sets (`schedules_to_set`) and clears (`schedules_to_delete`) working days of several staff members at once. Needs a user token. */
  async update(
    body: BodyOf<"/company/{company_id}/staff/schedule", "put">,
    companyId?: number,
    options?: CallOptions,
  ): Promise<YclientsResponse<DataOf<"/company/{company_id}/staff/schedule", "put">, Raise>> {
    const company_id = this.client.resolveCompanyId(companyId);
    return this.client.request("PUT", "/company/{company_id}/staff/schedule", {
      ...options,
      params: { path: { company_id } },
      body: requireBody(body),
    });
  }

  /**
   * One staff member's days from `startDate` to `endDate` (Dates or `YYYY-MM-DD`); `is_working` comes as 1/0.
   * Needs a user token.
   * @deprecated Use yc.staffSchedules.list() with `staff_ids`
   */
  async getLegacy(
    staffId: number,
    startDate: string | Date,
    endDate: string | Date,
    companyId?: number,
    options?: CallOptions,
  ): Promise<YclientsResponse<DataOf<"/schedule/{company_id}/{staff_id}/{start_date}/{end_date}", "get">, Raise>> {
    const path = {
      company_id: this.client.resolveCompanyId(companyId),
      staff_id: requireId(staffId, "staffId"),
      start_date: requireDate(startDate, "startDate"),
      end_date: requireDate(endDate, "endDate"),
    };
    return this.client.request("GET", "/schedule/{company_id}/{staff_id}/{start_date}/{end_date}", {
      ...options,
      params: { path },
    });
  }

  /**
   * Sets or clears one staff member's working intervals; the body is an array of days. Needs a user token.
   * @deprecated Use yc.staffSchedules.update()
   */
  async updateLegacy(
    staffId: number,
    body: BodyOf<"/schedule/{company_id}/{staff_id}", "put">,
    companyId?: number,
    options?: CallOptions,
  ): Promise<YclientsResponse<DataOf<"/schedule/{company_id}/{staff_id}", "put">, Raise>> {
    const path = { company_id: this.client.resolveCompanyId(companyId), staff_id: requireId(staffId, "staffId") };
    return this.client.request("PUT", "/schedule/{company_id}/{staff_id}", {
      ...options,
      params: { path },
      body: requireBody(body),
    });
  }
}
