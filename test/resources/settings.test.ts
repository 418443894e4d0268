import { expectCall, useHarness, WITH_USER } from "./harness";

const h = useHarness();

describe("yc.settings", () => {
  it("getOnline() reads the online-booking settings", async () => {
    const { result, sent } = await expectCall(h, "GET", "/company/{company_id}/settings/online", () =>
      h.yc.settings.getOnline(),
    );
    expect(sent.path).toBe("/api/v1/company/4564/settings/online");
    expect(sent.authorization).toBe(WITH_USER);
    expect(result.data.seance_delay_step).toBe(90);
    expect(result.data.any_master).toBe(true);
  });

  it("updateOnline() PATCHes the full set of online-booking settings", async () => {
    const body = {
      confirm_number: true,
      any_master: true,
      seance_delay_step: 60,
      activity_online_record_clients_count_max: 2,
    };
    const { result, sent } = await expectCall(h, "PATCH", "/company/{company_id}/settings/online", () =>
      h.yc.settings.updateOnline(body, { companyId: 12 }),
    );
    expect(sent.path).toBe("/api/v1/company/12/settings/online");
    expect(sent.body).toEqual(body);
    expect(result.data.confirm_number).toBe(true);
  });

  it("getTimetable() reads the appointment journal settings", async () => {
    const { result, sent } = await expectCall(h, "GET", "/company/{company_id}/settings/timetable", () =>
      h.yc.settings.getTimetable(),
    );
    expect(sent.path).toBe("/api/v1/company/4564/settings/timetable");
    expect(result.data.record_type).toBe(0);
    expect(result.data.activity_record_clients_count_max).toBe(10);
  });

  it("updateTimetable() PATCHes the journal settings", async () => {
    const { result, sent } = await expectCall(h, "PATCH", "/company/{company_id}/settings/timetable", () =>
      h.yc.settings.updateTimetable({ record_type: 2, activity_record_clients_count_max: 12 }),
    );
    expect(sent.path).toBe("/api/v1/company/4564/settings/timetable");
    expect(sent.body).toEqual({ record_type: 2, activity_record_clients_count_max: 12 });
    expect(result.data.record_type).toBe(2);
  });
});
