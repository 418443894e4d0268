// The public online-booking flow: services → staff → dates → times → check → record.
// These operations need only the partner token, except reading a record back and the timeslot settings.
import type { YclientsResponse } from "../envelope.js";
import type { BodyOf, CallOptions, DataOf, QueryOf } from "../types.js";
import { Resource, optionalObject, requireBody, requireDate, requireId, requireString } from "./resource.js";

export class BookingResource<Raise extends boolean> extends Resource<Raise> {
  /** Services open for online booking, optionally narrowed to a staff member or a time. */
  async services(
    query?: QueryOf<"/book_services/{company_id}", "get">,
    companyId?: number,
    options?: CallOptions,
  ): Promise<YclientsResponse<DataOf<"/book_services/{company_id}", "get">, Raise>> {
    const company_id = this.client.resolveCompanyId(companyId);
    return this.client.request("GET", "/book_services/{company_id}", {
      ...options,
      params: { path: { company_id }, query: optionalObject(query, "query") },
    });
  }

  /** Staff members who can be booked, optionally for given services or a time. */
  async staff(
    query?: QueryOf<"/book_staff/{company_id}", "get">,
    companyId?: number,
    options?: CallOptions,
  ): Promise<YclientsResponse<DataOf<"/book_staff/{company_id}", "get">, Raise>> {
    const company_id = this.client.resolveCompanyId(companyId);
    return this.client.request("GET", "/book_staff/{company_id}", {
      ...options,
      params: { path: { company_id }, query: optionalObject(query, "query") },
    });
  }

  /** Days with free time for booking, optionally for a staff member and services. */
  async dates(
    query?: QueryOf<"/book_dates/{company_id}", "get">,
    companyId?: number,
    options?: CallOptions,
  ): Promise<YclientsResponse<DataOf<"/book_dates/{company_id}", "get">, Raise>> {
    const company_id = this.client.resolveCompanyId(companyId);
    return this.client.request("GET", "/book_dates/{company_id}", {
      ...options,
      params: { path: { company_id }, query: optionalObject(query, "query") },
    });
  }

  /** Free slots of one staff member on one day (`date` as `YYYY-MM-DD` or a Date). */
  async times(
    staffId: number,
    date: string | Date,
    query?: QueryOf<"/book_times/{company_id}/{staff_id}/{date}", "get">,
    companyId?: number,
    options?: CallOptions,
  ): Promise<YclientsResponse<DataOf<"/book_times/{company_id}/{staff_id}/{date}", "get">, Raise>> {
    const path = {
      company_id: this.client.resolveCompanyId(companyId),
      staff_id: requireId(staffId, "staffId"),
      date: requireDate(date, "date"),
    };
    return this.client.request("GET", "/book_times/{company_id}/{staff_id}/{date}", {
      ...options,
      params: { path, query: optionalObject(query, "query") },
    });
  }

  /** The nearest day with free seances of a staff member, and those seances. */
  async staffSeances(
    staffId: number,
    query?: QueryOf<"/book_staff_seances/{company_id}/{staff_id}/", "get">,
    companyId?: number,
    options?: CallOptions,
  ): Promise<YclientsResponse<DataOf<"/book_staff_seances/{company_id}/{staff_id}/", "get">, Raise>> {
    const path = { company_id: this.client.resolveCompanyId(companyId), staff_id: requireId(staffId, "staffId") };
    return this.client.request("GET", "/book_staff_seances/{company_id}/{staff_id}/", {
      ...options,
      params: { path, query: optionalObject(query, "query") },
    });
  }

  /** Checks that the chosen appointments can be booked, without booking them (422 with a booking code if not). */
  async check(
    body: BodyOf<"/book_check/{company_id}", "post">,
    companyId?: number,
    options?: CallOptions,
  ): Promise<YclientsResponse<DataOf<"/book_check/{company_id}", "post">, Raise>> {
    const company_id = this.client.resolveCompanyId(companyId);
    return this.client.request("POST", "/book_check/{company_id}", {
      ...options,
      params: { path: { company_id } },
      body: requireBody(body),
    });
  }

  /** Books one or more appointments. POST is never retried on 5xx, so a booking is never made twice. */
  async createRecord(
    body: BodyOf<"/book_record/{company_id}", "post">,
    companyId?: number,
    options?: CallOptions,
  ): Promise<YclientsResponse<DataOf<"/book_record/{company_id}", "post">, Raise>> {
    const company_id = this.client.resolveCompanyId(companyId);
    return this.client.request("POST", "/book_record/{company_id}", {
      ...options,
      params: { path: { company_id } },
      body: requireBody(body),
    });
  }

  /** Moves or changes a booked appointment. */
  async updateRecord(
    recordId: number,
    body: BodyOf<"/book_record/{company_id}/{record_id}", "put">,
    companyId?: number,
    options?: CallOptions,
  ): Promise<YclientsResponse<DataOf<"/book_record/{company_id}/{record_id}", "put">, Raise>> {
    const path = { company_id: this.client.resolveCompanyId(companyId), record_id: requireId(recordId, "recordId") };
    return this.client.request("PUT", "/book_record/{company_id}/{record_id}", {
      ...options,
      params: { path },
      body: requireBody(body),
    });
  }

  /** Reads a booked appointment back by its id and hash (needs the client's user token). */
  async getRecord(
    recordId: number,
    recordHash: string,
    companyId?: number,
    options?: CallOptions,
  ): Promise<YclientsResponse<DataOf<"/book_record/{company_id}/{record_id}/{record_hash}", "get">, Raise>> {
    const path = {
      company_id: this.client.resolveCompanyId(companyId),
      record_id: requireId(recordId, "recordId"),
      record_hash: requireString(recordHash, "recordHash"),
    };
    return this.client.request("GET", "/book_record/{company_id}/{record_id}/{record_hash}", {
      ...options,
      params: { path },
    });
  }

  /** Settings of an online-booking form (widget) by its id. */
  async form(formId: number, options?: CallOptions): Promise<YclientsResponse<DataOf<"/bookform/{id}", "get">, Raise>> {
    return this.client.request("GET", "/bookform/{id}", {
      ...options,
      params: { path: { id: requireId(formId, "formId") } },
    });
  }

  /** The booking widget's translation strings for a language (`ru-RU`, `en-US`, …). */
  async i18n(
    langCode: string,
    options?: CallOptions,
  ): Promise<YclientsResponse<DataOf<"/i18n/{langCode}", "get">, Raise>> {
    return this.client.request("GET", "/i18n/{langCode}", {
      ...options,
      params: { path: { langCode: requireString(langCode, "langCode") } },
    });
  }

  /** Books a place in a group event (activity). */
  async bookActivity(
    activityId: number,
    body: BodyOf<"/activity/{company_id}/{activity_id}/book", "post">,
    companyId?: number,
    options?: CallOptions,
  ): Promise<YclientsResponse<DataOf<"/activity/{company_id}/{activity_id}/book", "post">, Raise>> {
    const path = {
      company_id: this.client.resolveCompanyId(companyId),
      activity_id: requireId(activityId, "activityId"),
    };
    return this.client.request("POST", "/activity/{company_id}/{activity_id}/book", {
      ...options,
      params: { path },
      body: requireBody(body),
    });
  }

  /** The company's timeslot settings for online booking (needs a user token). */
  async timeslots(
    companyId?: number,
    options?: CallOptions,
  ): Promise<YclientsResponse<DataOf<"/company/{company_id}/settings/timeslots", "get">, Raise>> {
    const company_id = this.client.resolveCompanyId(companyId);
    return this.client.request("GET", "/company/{company_id}/settings/timeslots", {
      ...options,
      params: { path: { company_id } },
    });
  }
}
