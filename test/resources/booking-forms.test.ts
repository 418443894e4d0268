import { requestExample, expectCall, useHarness, WITH_USER } from "./harness";

const h = useHarness();

describe("yc.bookingForms", () => {
  it("list() reads GET /company/{company_id}/booking_forms/ with the trailing slash", async () => {
    const { result, example, sent } = await expectCall(h, "GET", "/company/{company_id}/booking_forms/", () =>
      h.yc.bookingForms.list(),
    );
    expect(sent.path).toBe("/api/v1/company/4564/booking_forms/");
    expect(sent.query).toEqual({});
    expect(sent.body).toBeUndefined();
    expect(sent.authorization).toBe(WITH_USER);
    expect(result.data[0].id).toBe(example.data[0].id);
    expect(result.data[0].title).toBe("Запись на сайте");
  });

  it("create() posts the body and returns the new form with its embed code", async () => {
    const body = requestExample("post", "/company/{company_id}/booking_forms/");
    const { result, example, sent } = await expectCall(h, "POST", "/company/{company_id}/booking_forms/", () =>
      h.yc.bookingForms.create(body, { companyId: 777 }),
    );
    expect(sent.path).toBe("/api/v1/company/777/booking_forms/");
    expect(sent.body).toEqual(body);
    expect(sent.contentType).toBe("application/json");
    expect(sent.authorization).toBe(WITH_USER);
    expect(result.status).toBe(201);
    expect(result.data.id).toBe(example.data.id);
    expect(result.data.title).toBe(body.title);
  });

  it("get() puts the form id in the path", async () => {
    const { result, sent } = await expectCall(h, "GET", "/company/{company_id}/booking_forms/{form_id}/", () =>
      h.yc.bookingForms.get(312456),
    );
    expect(sent.path).toBe("/api/v1/company/4564/booking_forms/312456/");
    expect(sent.authorization).toBe(WITH_USER);
    expect(result.data.id).toBe(312456);
    expect(result.data.is_default).toBe(true);
  });

  it("update() PATCHes only the fields given", async () => {
    const { result, sent } = await expectCall(h, "PATCH", "/company/{company_id}/booking_forms/{form_id}/", () =>
      h.yc.bookingForms.update(312456, { title: "Запись на сайте (новая)" }),
    );
    expect(sent.path).toBe("/api/v1/company/4564/booking_forms/312456/");
    expect(sent.body).toEqual({ title: "Запись на сайте (новая)" });
    expect(result.data.title).toBe("Запись на сайте (новая)");
  });

  it("delete() sends DELETE and resolves with null data on 204", async () => {
    const { result, sent } = await expectCall(h, "DELETE", "/company/{company_id}/booking_forms/{form_id}/", () =>
      h.yc.bookingForms.delete(312456),
    );
    expect(sent.path).toBe("/api/v1/company/4564/booking_forms/312456/");
    expect(sent.body).toBeUndefined();
    expect(result.status).toBe(204);
    expect(result.data).toBeNull();
  });
});
