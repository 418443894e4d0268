// The staff-side appointment journal: working days and a day's slots (online booking uses `booking` instead).
import type { YclientsResponse } from "../envelope.js";
import type { CallOptions, DataOf, QueryOf } from "../types.js";
import { Resource, optionalObject, requireDate, requireId } from "./resource.js";

export class TimetableResource<Raise extends boolean> extends Resource<Raise> {
  /** Working days around `date` (a Date or `YYYY-MM-DD`) as `YYYY-MM-DD` strings, optionally of one staff member. Needs a user token. */
  async dates(
    date: string | Date,
    query?: QueryOf<"/timetable/dates/{company_id}/{date}", "get">,
    companyId?: number,
    options?: CallOptions,
  ): Promise<YclientsResponse<DataOf<"/timetable/dates/{company_id}/{date}", "get">, Raise>> {
    const path = { company_id: this.client.resolveCompanyId(companyId), date: requireDate(date, "date") };
    return this.client.request("GET", "/timetable/dates/{company_id}/{date}", {
      ...options,
      params: { path, query: optionalObject(query, "query") },
    });
  }

  /** Every slot of a staff member's working day with a free/taken flag (times `HH:MM`, company-local). Needs a user token. */
  async seances(
    staffId: number,
    date: string | Date,
    companyId?: number,
    options?: CallOptions,
  ): Promise<YclientsResponse<DataOf<"/timetable/seances/{company_id}/{staff_id}/{date}", "get">, Raise>> {
    const path = {
      company_id: this.client.resolveCompanyId(companyId),
      staff_id: requireId(staffId, "staffId"),
      date: requireDate(date, "date"),
    };
    return this.client.request("GET", "/timetable/seances/{company_id}/{staff_id}/{date}", {
      ...options,
      params: { path },
    });
  }
}
