import { expectCall, PARTNER_ONLY, requestExample, useHarness, WITH_USER } from "./harness";

const h = useHarness();

describe("yc.services", () => {
  it("list() filters by category and staff", async () => {
    const { result, sent } = await expectCall(h, "GET", "/company/{company_id}/services/", () =>
      h.yc.services.list({ category_id: 4, staff_id: 16 }),
    );
    expect(sent.path).toBe("/api/v1/company/4564/services/");
    expect(sent.query).toEqual({ category_id: "4", staff_id: "16" });
    expect(sent.authorization).toBe(WITH_USER);
    expect(result.data[0].title).toBe("Бритьё головы");
  });

  it("get() reads one service", async () => {
    const { result, sent } = await expectCall(h, "GET", "/company/{company_id}/services/{service_id}", () =>
      h.yc.services.get(83169),
    );
    expect(sent.path).toBe("/api/v1/company/4564/services/83169");
    expect(result.data.id).toBe(83169);
    expect(result.data.price_min).toBe(1300);
  });

  it("create() posts to /services/{company_id}", async () => {
    const body = { title: "Мужская стрижка", category_id: 83167, price_min: 1300 };
    const { result, sent } = await expectCall(h, "POST", "/services/{company_id}", () => h.yc.services.create(body));
    expect(sent.path).toBe("/api/v1/services/4564");
    expect(sent.body).toEqual(body);
    expect(result.data.category_id).toBe(83167);
  });

  it("update() PATCHes the documented path with the full settings", async () => {
    const body = requestExample("patch", "/company/{company_id}/services/{service_id}");
    const { result, sent } = await expectCall(h, "PATCH", "/company/{company_id}/services/{service_id}", () =>
      h.yc.services.update(10832934, body),
    );
    expect(sent.path).toBe("/api/v1/company/4564/services/10832934");
    expect(sent.body).toEqual(body);
    expect(result.data.id).toBe(10832934);
  });

  it("patch() PATCHes the short path with just the changed fields", async () => {
    const { result, sent } = await expectCall(h, "PATCH", "/services/{company_id}/{service_id}", () =>
      h.yc.services.patch(83169, { price_min: 1400, price_max: 1600 }),
    );
    expect(sent.path).toBe("/api/v1/services/4564/83169");
    expect(sent.body).toEqual({ price_min: 1400, price_max: 1600 });
    expect(result.data.price_max).toBe(1600);
  });

  it("delete() sends DELETE to /services/{company_id}/{service_id}", async () => {
    const { result, sent } = await expectCall(h, "DELETE", "/services/{company_id}/{service_id}", () =>
      h.yc.services.delete(83169),
    );
    expect(sent.path).toBe("/api/v1/services/4564/83169");
    expect(result.status).toBe(204);
  });

  it("setLinks() posts the per-staff settings, resources and translations", async () => {
    const body = requestExample("post", "/company/{company_id}/services/links");
    const { result, sent } = await expectCall(h, "POST", "/company/{company_id}/services/links", () =>
      h.yc.services.setLinks(body),
    );
    expect(sent.path).toBe("/api/v1/company/4564/services/links");
    expect(sent.body).toEqual(body);
    expect(result.data).toBeNull();
    expect(result.status).toBe(200);
  });

  it("linkStaff() posts the staff member's duration and tech card", async () => {
    const body = { master_id: 5905, seance_length: 3600, technological_card_id: null };
    const { result, sent } = await expectCall(h, "POST", "/company/{company_id}/services/{service_id}/staff", () =>
      h.yc.services.linkStaff(83169, body),
    );
    expect(sent.path).toBe("/api/v1/company/4564/services/83169/staff");
    expect(sent.body).toEqual(body);
    expect(result.data.master_id).toBe(5905);
  });

  it("updateStaffLink() PUTs to .../staff/{master_id}", async () => {
    const body = { seance_length: 2700, technological_card_id: 291341 };
    const { result, sent } = await expectCall(
      h,
      "PUT",
      "/company/{company_id}/services/{service_id}/staff/{master_id}",
      () => h.yc.services.updateStaffLink(83169, 5905, body),
    );
    expect(sent.path).toBe("/api/v1/company/4564/services/83169/staff/5905");
    expect(sent.body).toEqual(body);
    expect(result.data.length).toBe(2700);
  });

  it("unlinkStaff() sends DELETE to .../staff/{master_id}", async () => {
    const { result, sent } = await expectCall(
      h,
      "DELETE",
      "/company/{company_id}/services/{service_id}/staff/{master_id}",
      () => h.yc.services.unlinkStaff(83169, 5905),
    );
    expect(sent.path).toBe("/api/v1/company/4564/services/83169/staff/5905");
    expect(result.status).toBe(204);
  });

  it("listLegacy() works with the partner token alone", async () => {
    const { result, sent } = await expectCall(h, "GET", "/services/{company_id}/", () =>
      h.partner.services.listLegacy({ category_id: 4 }),
    );
    expect(sent.path).toBe("/api/v1/services/4564/");
    expect(sent.query).toEqual({ category_id: "4" });
    expect(sent.authorization).toBe(PARTNER_ONLY);
    expect(result.data[0].id).toBe("79067");
  });

  it("getLegacy() works with the partner token alone", async () => {
    const { result, sent } = await expectCall(h, "GET", "/services/{company_id}/{service_id}", () =>
      h.partner.services.getLegacy(79067),
    );
    expect(sent.path).toBe("/api/v1/services/4564/79067");
    expect(sent.authorization).toBe(PARTNER_ONLY);
    expect(result.data.price_min).toBe("1000.00");
  });

  it("updateLegacy() PUTs the basic fields", async () => {
    const body = { title: "Мужская стрижка", category_id: 83167, price_min: 1400 };
    const { result, sent } = await expectCall(h, "PUT", "/services/{company_id}/{service_id}", () =>
      h.yc.services.updateLegacy(83169, body),
    );
    expect(sent.path).toBe("/api/v1/services/4564/83169");
    expect(sent.body).toEqual(body);
    expect(result.data.weight).toBe(6);
  });
});
