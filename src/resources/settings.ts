// Company settings: online booking and the appointment journal. All operations need a user token.
import type { YclientsResponse } from "../envelope.js";
import type { BodyOf, CallOptions, DataOf } from "../types.js";
import { Resource, requireBody } from "./resource.js";

export class SettingsResource<Raise extends boolean> extends Resource<Raise> {
  /** The company's online-booking settings (phone confirmation, "any staff member", first-slot delay, seats). Needs a user token. */
  async getOnline(
    companyId?: number,
    options?: CallOptions,
  ): Promise<YclientsResponse<DataOf<"/company/{company_id}/settings/online", "get">, Raise>> {
    const company_id = this.client.resolveCompanyId(companyId);
    return this.client.request("GET", "/company/{company_id}/settings/online", {
      ...options,
      params: { path: { company_id } },
    });
  }

  /** Changes the online-booking settings; send the full set (read them first). Needs a user token. */
  async updateOnline(
    body: BodyOf<"/company/{company_id}/settings/online", "patch">,
    companyId?: number,
    options?: CallOptions,
  ): Promise<YclientsResponse<DataOf<"/company/{company_id}/settings/online", "patch">, Raise>> {
    const company_id = this.client.resolveCompanyId(companyId);
    return this.client.request("PATCH", "/company/{company_id}/settings/online", {
      ...options,
      params: { path: { company_id } },
      body: requireBody(body),
    });
  }

  /** The appointment journal settings: default kind of booking and group-event capacity. Needs a user token. */
  async getTimetable(
    companyId?: number,
    options?: CallOptions,
  ): Promise<YclientsResponse<DataOf<"/company/{company_id}/settings/timetable", "get">, Raise>> {
    const company_id = this.client.resolveCompanyId(companyId);
    return this.client.request("GET", "/company/{company_id}/settings/timetable", {
      ...options,
      params: { path: { company_id } },
    });
  }

  /** Changes the journal's default kind of booking (`record_type`) and/or group-event capacity. Needs a user token. */
  async updateTimetable(
    body: BodyOf<"/company/{company_id}/settings/timetable", "patch">,
    companyId?: number,
    options?: CallOptions,
  ): Promise<YclientsResponse<DataOf<"/company/{company_id}/settings/timetable", "patch">, Raise>> {
    const company_id = this.client.resolveCompanyId(companyId);
    return this.client.request("PATCH", "/company/{company_id}/settings/timetable", {
      ...options,
      params: { path: { company_id } },
      body: requireBody(body),
    });
  }
}
