import { YclientsConfigError } from "../../src/index";
import { expectCall, expectNothingSent, requestExample, useHarness, WITH_USER } from "./harness";

const h = useHarness();

describe("yc.staffSchedules", () => {
  it("list() sends the range, staff ids and include as PHP-style query arrays", async () => {
    const { result, sent } = await expectCall(h, "GET", "/company/{company_id}/staff/schedule", () =>
      h.yc.staffSchedules.list({
        start_date: "2026-03-02",
        end_date: "2026-03-08",
        staff_ids: [1024, 1025],
        include: ["busy_intervals"],
      }),
    );
    expect(sent.path).toBe("/api/v1/company/4564/staff/schedule");
    expect(sent.query).toEqual({
      start_date: "2026-03-02",
      end_date: "2026-03-08",
      "staff_ids[]": ["1024", "1025"],
      "include[]": "busy_intervals",
    });
    expect(sent.authorization).toBe(WITH_USER);
    expect(result.data[0].staff_id).toBe(1024);
    expect(result.data[0].slots?.[0]).toEqual({ from: "10:00", to: "14:00" });
  });

  it("update() PUTs the schedules to set and to delete", async () => {
    const body = requestExample("put", "/company/{company_id}/staff/schedule");
    const { result, sent } = await expectCall(h, "PUT", "/company/{company_id}/staff/schedule", () =>
      h.yc.staffSchedules.update(body),
    );
    expect(sent.path).toBe("/api/v1/company/4564/staff/schedule");
    expect(sent.body).toEqual(body);
    expect(result.data).toHaveLength(3);
    expect(result.meta.count).toBe(3);
  });

  it("getLegacy() puts staff and both dates in the path (Dates accepted)", async () => {
    const { result, sent } = await expectCall(
      h,
      "GET",
      "/schedule/{company_id}/{staff_id}/{start_date}/{end_date}",
      () => h.yc.staffSchedules.getLegacy(1024, new Date(2026, 2, 2), "2026-03-08"),
    );
    expect(sent.path).toBe("/api/v1/schedule/4564/1024/2026-03-02/2026-03-08");
    expect(result.data[0].date).toBe("2026-03-02");
    expect(result.data[0].is_working).toBe(1);
  });

  it("updateLegacy() PUTs an array of days", async () => {
    const body = requestExample("put", "/schedule/{company_id}/{staff_id}");
    const { result, sent } = await expectCall(h, "PUT", "/schedule/{company_id}/{staff_id}", () =>
      h.yc.staffSchedules.updateLegacy(1024, body),
    );
    expect(sent.path).toBe("/api/v1/schedule/4564/1024");
    expect(Array.isArray(sent.body)).toBe(true);
    expect(sent.body).toEqual(body);
    expect(result.status).toBe(201);
    expect(result.data).toEqual([]);
  });

  it("getLegacy() rejects bad dates before sending", async () => {
    await expectNothingSent(
      h,
      () => h.yc.staffSchedules.getLegacy(1024, "2026-3-2", "2026-03-08"),
      YclientsConfigError,
    );
    await expectNothingSent(
      h,
      () => h.yc.staffSchedules.getLegacy(1024, new Date(NaN), "2026-03-08"),
      YclientsConfigError,
    );
  });
});
