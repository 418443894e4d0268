import { YclientsConfigError } from "../../src/index";
import { expectCall, expectNothingSent, requestExample, useHarness, WITH_USER } from "./harness";

const h = useHarness();

describe("yc.schedules", () => {
  it("create() posts the schedule body and sends include in the query", async () => {
    const body = requestExample("post", "/company/{company_id}/schedules");
    const { result, sent } = await expectCall(h, "POST", "/company/{company_id}/schedules", () =>
      h.yc.schedules.create({ ...body, include: ["days"] }),
    );
    expect(sent.path).toBe("/api/v1/company/4564/schedules");
    expect(sent.query).toEqual({ "include[]": "days" });
    expect(sent.body).toEqual(body);
    expect(sent.authorization).toBe(WITH_USER);
    expect(result.data.id).toBe(5120);
    expect(result.data.original_entity_type).toBe("activity");
  });

  it("search() puts entity type and id in the path", async () => {
    const { result, sent } = await expectCall(
      h,
      "GET",
      "/company/{company_id}/schedules/search/{entity_type}/{entity_id}",
      () => h.yc.schedules.search("activity", 870021, { include: ["days", "days.events_master"] }),
    );
    expect(sent.path).toBe("/api/v1/company/4564/schedules/search/activity/870021");
    expect(sent.query).toEqual({ "include[]": ["days", "days.events_master"] });
    expect(result.data.id).toBe(5120);
  });

  it("update() PATCHes the end date", async () => {
    const { result, sent } = await expectCall(h, "PATCH", "/company/{company_id}/schedules/{schedule_id}", () =>
      h.yc.schedules.update(5120, { date_end: "2026-06-30" }),
    );
    expect(sent.path).toBe("/api/v1/company/4564/schedules/5120");
    expect(sent.body).toEqual({ date_end: "2026-06-30" });
    expect(result.data.updated_at).toBe("2026-03-10 09:00:00");
  });

  it("delete() is documented with the partner token only and resolves on 204", async () => {
    const { result, sent } = await expectCall(h, "DELETE", "/company/{company_id}/schedules/{schedule_id}", () =>
      h.partner.schedules.delete(5120),
    );
    expect(sent.path).toBe("/api/v1/company/4564/schedules/5120");
    expect(sent.authorization).toBe("Bearer partner-res-1");
    expect(result.status).toBe(204);
  });

  it("addClient() enrols a client into series", async () => {
    const body = { client_id: 31415926, schedule_days_ids: [9001, 9002] };
    const { result, sent } = await expectCall(
      h,
      "POST",
      "/company/{company_id}/schedules/{schedule_id}/client_schedules",
      () => h.yc.schedules.addClient(5120, body),
    );
    expect(sent.path).toBe("/api/v1/company/4564/schedules/5120/client_schedules");
    expect(sent.body).toEqual(body);
    expect(result.data.id).toBe(640);
  });

  it("updateClient() PATCHes the series of a visit plan", async () => {
    const { result, sent } = await expectCall(
      h,
      "PATCH",
      "/company/{company_id}/schedules/{schedule_id}/client_schedules/{client_schedule_id}",
      () => h.yc.schedules.updateClient(5120, 640, { schedule_days_ids: [9002] }),
    );
    expect(sent.path).toBe("/api/v1/company/4564/schedules/5120/client_schedules/640");
    expect(sent.body).toEqual({ schedule_days_ids: [9002] });
    expect(result.data.loyalty_abonement_id).toBe(2207781);
  });

  it("removeClient() sends DELETE for the visit plan", async () => {
    const { result, sent } = await expectCall(
      h,
      "DELETE",
      "/company/{company_id}/schedules/{schedule_id}/client_schedules/{client_schedule_id}",
      () => h.yc.schedules.removeClient(5120, 640),
    );
    expect(sent.path).toBe("/api/v1/company/4564/schedules/5120/client_schedules/640");
    expect(result.data).toBeNull();
  });

  it("addDays() posts one series and sends include", async () => {
    const body = requestExample("post", "/company/{company_id}/schedules/{schedule_id}/days");
    const { result, sent } = await expectCall(h, "POST", "/company/{company_id}/schedules/{schedule_id}/days", () =>
      h.yc.schedules.addDays(5120, { ...body, include: ["events_master"] }),
    );
    expect(sent.path).toBe("/api/v1/company/4564/schedules/5120/days");
    expect(sent.query).toEqual({ "include[]": "events_master" });
    expect(sent.body).toEqual(body);
    expect(result.data.timetable_event_schedule_id).toBe(5120);
  });

  it("updateDay() PATCHes a series with the required force flag", async () => {
    const body = { force: false, events_time: "19:30:00", events_capacity: 14 };
    const { result, sent } = await expectCall(
      h,
      "PATCH",
      "/company/{company_id}/schedules/{schedule_id}/days/{day_id}",
      () => h.yc.schedules.updateDay(5120, 9001, body, { companyId: 4564 }),
    );
    expect(sent.path).toBe("/api/v1/company/4564/schedules/5120/days/9001");
    expect(sent.query).toEqual({});
    expect(sent.body).toEqual(body);
    expect(result.data.id).toBe(9001);
  });

  it("deleteDay() sends DELETE for a series", async () => {
    const { result, sent } = await expectCall(
      h,
      "DELETE",
      "/company/{company_id}/schedules/{schedule_id}/days/{day_id}",
      () => h.yc.schedules.deleteDay(5120, 9001),
    );
    expect(sent.path).toBe("/api/v1/company/4564/schedules/5120/days/9001");
    expect(result.status).toBe(204);
  });

  it("dayEvents() lists what a series generated", async () => {
    const { result, sent } = await expectCall(
      h,
      "GET",
      "/company/{company_id}/schedules/{schedule_id}/days/{day_id}/events",
      () => h.yc.schedules.dayEvents(5120, 9001),
    );
    expect(sent.path).toBe("/api/v1/company/4564/schedules/5120/days/9001/events");
    expect(result.data[0].id).toBe(48801);
    expect(result.meta.count).toBe(1);
  });

  it("searchAbonementsForActivity() takes the client id and activity filter", async () => {
    const { result, sent } = await expectCall(
      h,
      "GET",
      "/company/{company_id}/client/{client_id}/loyalty/abonements/search_for_activity/",
      () => h.yc.schedules.searchAbonementsForActivity(31415926, { activity_id: 870021 }),
    );
    expect(sent.path).toBe("/api/v1/company/4564/client/31415926/loyalty/abonements/search_for_activity/");
    expect(sent.query).toEqual({ activity_id: "870021" });
    expect(result.data[0].id).toBe(2207781);
  });

  it("checkAbonementForActivity() takes client and subscription ids", async () => {
    const { result, sent } = await expectCall(
      h,
      "GET",
      "/company/{company_id}/client/{client_id}/loyalty/abonements/{abonement_id}/check_for_activity/",
      () => h.yc.schedules.checkAbonementForActivity(31415926, 2207781, { activity_id: 870021 }),
    );
    expect(sent.path).toBe("/api/v1/company/4564/client/31415926/loyalty/abonements/2207781/check_for_activity/");
    expect(sent.query).toEqual({ activity_id: "870021" });
    expect(result.success).toBe(true);
    expect(result.data).toEqual({});
  });

  it("rejects an empty entity type before sending", async () => {
    await expectNothingSent(h, () => h.yc.schedules.search("" as never, 870021), YclientsConfigError);
  });
});
