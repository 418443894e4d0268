// Recurring schedules built from group events: the schedule, its series (one per day of the week),
// the clients enrolled into series, and the subscription checks used when enrolling.
import type { paths } from "../../generated/schema.js";
import type { YclientsResponse } from "../envelope.js";
import type { BodyOf, CallOptions, DataOf, QueryOf } from "../types.js";
import { Resource, optionalObject, requireBody, requireId, requireString } from "./resource.js";

/** `activity` (a group event) or `record` (an individual appointment; not supported by the API yet). */
type EntityType =
  paths["/company/{company_id}/schedules/search/{entity_type}/{entity_id}"]["get"]["parameters"]["path"]["entity_type"];

export class SchedulesResource<Raise extends boolean> extends Resource<Raise> {
  /** Builds a weekly schedule from an existing group event until `date_end`, one series per item of `days`. Needs a user token. */
  async create(
    body: BodyOf<"/company/{company_id}/schedules", "post">,
    query?: QueryOf<"/company/{company_id}/schedules", "post">,
    companyId?: number,
    options?: CallOptions,
  ): Promise<YclientsResponse<DataOf<"/company/{company_id}/schedules", "post">, Raise>> {
    const company_id = this.client.resolveCompanyId(companyId);
    return this.client.request("POST", "/company/{company_id}/schedules", {
      ...options,
      params: { path: { company_id }, query: optionalObject(query, "query") },
      body: requireBody(body),
    });
  }

  /** The schedule a group event (`activity`) belongs to; 404 when it is in none. Needs a user token. */
  async search(
    entityType: EntityType,
    entityId: number,
    query?: QueryOf<"/company/{company_id}/schedules/search/{entity_type}/{entity_id}", "get">,
    companyId?: number,
    options?: CallOptions,
  ): Promise<
    YclientsResponse<DataOf<"/company/{company_id}/schedules/search/{entity_type}/{entity_id}", "get">, Raise>
  > {
    const path = {
      company_id: this.client.resolveCompanyId(companyId),
      entity_type: requireString(entityType, "entityType") as EntityType,
      entity_id: requireId(entityId, "entityId"),
    };
    return this.client.request("GET", "/company/{company_id}/schedules/search/{entity_type}/{entity_id}", {
      ...options,
      params: { path, query: optionalObject(query, "query") },
    });
  }

  /** Changes a schedule's settings (today only `date_end`), extending or shortening its events. Needs a user token. */
  async update(
    scheduleId: number,
    body: BodyOf<"/company/{company_id}/schedules/{schedule_id}", "patch">,
    companyId?: number,
    options?: CallOptions,
  ): Promise<YclientsResponse<DataOf<"/company/{company_id}/schedules/{schedule_id}", "patch">, Raise>> {
    const path = {
      company_id: this.client.resolveCompanyId(companyId),
      schedule_id: requireId(scheduleId, "scheduleId"),
    };
    return this.client.request("PATCH", "/company/{company_id}/schedules/{schedule_id}", {
      ...options,
      params: { path },
      body: requireBody(body),
    });
  }

  /** Deletes a schedule with every event it generated (204). Documented with the partner token only. */
  async delete(
    scheduleId: number,
    companyId?: number,
    options?: CallOptions,
  ): Promise<YclientsResponse<DataOf<"/company/{company_id}/schedules/{schedule_id}", "delete">, Raise>> {
    const path = {
      company_id: this.client.resolveCompanyId(companyId),
      schedule_id: requireId(scheduleId, "scheduleId"),
    };
    return this.client.request("DELETE", "/company/{company_id}/schedules/{schedule_id}", {
      ...options,
      params: { path },
    });
  }

  /** Enrols a client (or their visitor) into every future event of the chosen series. Needs a user token. */
  async addClient(
    scheduleId: number,
    body: BodyOf<"/company/{company_id}/schedules/{schedule_id}/client_schedules", "post">,
    companyId?: number,
    options?: CallOptions,
  ): Promise<
    YclientsResponse<DataOf<"/company/{company_id}/schedules/{schedule_id}/client_schedules", "post">, Raise>
  > {
    const path = {
      company_id: this.client.resolveCompanyId(companyId),
      schedule_id: requireId(scheduleId, "scheduleId"),
    };
    return this.client.request("POST", "/company/{company_id}/schedules/{schedule_id}/client_schedules", {
      ...options,
      params: { path },
      body: requireBody(body),
    });
  }

  /** Replaces the series a client's visit plan covers, booking or cancelling future events to match. Needs a user token. */
  async updateClient(
    scheduleId: number,
    clientScheduleId: number,
    body: BodyOf<"/company/{company_id}/schedules/{schedule_id}/client_schedules/{client_schedule_id}", "patch">,
    companyId?: number,
    options?: CallOptions,
  ): Promise<
    YclientsResponse<
      DataOf<"/company/{company_id}/schedules/{schedule_id}/client_schedules/{client_schedule_id}", "patch">,
      Raise
    >
  > {
    const path = {
      company_id: this.client.resolveCompanyId(companyId),
      schedule_id: requireId(scheduleId, "scheduleId"),
      client_schedule_id: requireId(clientScheduleId, "clientScheduleId"),
    };
    return this.client.request(
      "PATCH",
      "/company/{company_id}/schedules/{schedule_id}/client_schedules/{client_schedule_id}",
      {
        ...options,
        params: { path },
        body: requireBody(body),
      },
    );
  }

  /** Removes a client's visit plan and their future bookings in the schedule (204). Documented with the partner token only. */
  async removeClient(
    scheduleId: number,
    clientScheduleId: number,
    companyId?: number,
    options?: CallOptions,
  ): Promise<
    YclientsResponse<
      DataOf<"/company/{company_id}/schedules/{schedule_id}/client_schedules/{client_schedule_id}", "delete">,
      Raise
    >
  > {
    const path = {
      company_id: this.client.resolveCompanyId(companyId),
      schedule_id: requireId(scheduleId, "scheduleId"),
      client_schedule_id: requireId(clientScheduleId, "clientScheduleId"),
    };
    return this.client.request(
      "DELETE",
      "/company/{company_id}/schedules/{schedule_id}/client_schedules/{client_schedule_id}",
      {
        ...options,
        params: { path },
      },
    );
  }

  /** Adds a series (one more day of the week) to a schedule; its events are generated up to the end date. Needs a user token. */
  async addDays(
    scheduleId: number,
    body: BodyOf<"/company/{company_id}/schedules/{schedule_id}/days", "post">,
    query?: QueryOf<"/company/{company_id}/schedules/{schedule_id}/days", "post">,
    companyId?: number,
    options?: CallOptions,
  ): Promise<YclientsResponse<DataOf<"/company/{company_id}/schedules/{schedule_id}/days", "post">, Raise>> {
    const path = {
      company_id: this.client.resolveCompanyId(companyId),
      schedule_id: requireId(scheduleId, "scheduleId"),
    };
    return this.client.request("POST", "/company/{company_id}/schedules/{schedule_id}/days", {
      ...options,
      params: { path, query: optionalObject(query, "query") },
      body: requireBody(body),
    });
  }

  /**
   * Changes a series' time, duration, capacity, staff, categories or resources. `force` is required: `true`
   * also overwrites hand-edited events. Needs a user token.
   */
  async updateDay(
    scheduleId: number,
    dayId: number,
    body: BodyOf<"/company/{company_id}/schedules/{schedule_id}/days/{day_id}", "patch">,
    query?: QueryOf<"/company/{company_id}/schedules/{schedule_id}/days/{day_id}", "patch">,
    companyId?: number,
    options?: CallOptions,
  ): Promise<YclientsResponse<DataOf<"/company/{company_id}/schedules/{schedule_id}/days/{day_id}", "patch">, Raise>> {
    const path = {
      company_id: this.client.resolveCompanyId(companyId),
      schedule_id: requireId(scheduleId, "scheduleId"),
      day_id: requireId(dayId, "dayId"),
    };
    return this.client.request("PATCH", "/company/{company_id}/schedules/{schedule_id}/days/{day_id}", {
      ...options,
      params: { path, query: optionalObject(query, "query") },
      body: requireBody(body),
    });
  }

  /** Deletes a series with every event it generated (204). Documented with the partner token only. */
  async deleteDay(
    scheduleId: number,
    dayId: number,
    companyId?: number,
    options?: CallOptions,
  ): Promise<YclientsResponse<DataOf<"/company/{company_id}/schedules/{schedule_id}/days/{day_id}", "delete">, Raise>> {
    const path = {
      company_id: this.client.resolveCompanyId(companyId),
      schedule_id: requireId(scheduleId, "scheduleId"),
      day_id: requireId(dayId, "dayId"),
    };
    return this.client.request("DELETE", "/company/{company_id}/schedules/{schedule_id}/days/{day_id}", {
      ...options,
      params: { path },
    });
  }

  /** Every event a series generated, with flags for the ones changed by hand (not paged). Needs a user token. */
  async dayEvents(
    scheduleId: number,
    dayId: number,
    companyId?: number,
    options?: CallOptions,
  ): Promise<
    YclientsResponse<DataOf<"/company/{company_id}/schedules/{schedule_id}/days/{day_id}/events", "get">, Raise>
  > {
    const path = {
      company_id: this.client.resolveCompanyId(companyId),
      schedule_id: requireId(scheduleId, "scheduleId"),
      day_id: requireId(dayId, "dayId"),
    };
    return this.client.request("GET", "/company/{company_id}/schedules/{schedule_id}/days/{day_id}/events", {
      ...options,
      params: { path },
    });
  }

  /** A client's subscriptions (abonements) that can pay for a group event, optionally for one `activity_id`. Needs a user token. */
  async searchAbonementsForActivity(
    clientId: number,
    query?: QueryOf<"/company/{company_id}/client/{client_id}/loyalty/abonements/search_for_activity/", "get">,
    companyId?: number,
    options?: CallOptions,
  ): Promise<
    YclientsResponse<
      DataOf<"/company/{company_id}/client/{client_id}/loyalty/abonements/search_for_activity/", "get">,
      Raise
    >
  > {
    const path = { company_id: this.client.resolveCompanyId(companyId), client_id: requireId(clientId, "clientId") };
    return this.client.request(
      "GET",
      "/company/{company_id}/client/{client_id}/loyalty/abonements/search_for_activity/",
      {
        ...options,
        params: { path, query: optionalObject(query, "query") },
      },
    );
  }

  /** How many bookings one of the client's subscriptions still covers for group events (untyped `data`). Needs a user token. */
  async checkAbonementForActivity(
    clientId: number,
    abonementId: number,
    query?: QueryOf<
      "/company/{company_id}/client/{client_id}/loyalty/abonements/{abonement_id}/check_for_activity/",
      "get"
    >,
    companyId?: number,
    options?: CallOptions,
  ): Promise<
    YclientsResponse<
      DataOf<"/company/{company_id}/client/{client_id}/loyalty/abonements/{abonement_id}/check_for_activity/", "get">,
      Raise
    >
  > {
    const path = {
      company_id: this.client.resolveCompanyId(companyId),
      client_id: requireId(clientId, "clientId"),
      abonement_id: requireId(abonementId, "abonementId"),
    };
    return this.client.request(
      "GET",
      "/company/{company_id}/client/{client_id}/loyalty/abonements/{abonement_id}/check_for_activity/",
      { ...options, params: { path, query: optionalObject(query, "query") } },
    );
  }
}
