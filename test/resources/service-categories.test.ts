import { expectCall, PARTNER_ONLY, useHarness, WITH_USER } from "./harness";

const h = useHarness();

describe("yc.serviceCategories", () => {
  it("list() reads the company's categories, optionally for one staff member", async () => {
    const { result, sent } = await expectCall(h, "GET", "/company/{company_id}/service_categories/", () =>
      h.yc.serviceCategories.list({ staff_id: 5006 }),
    );
    expect(sent.path).toBe("/api/v1/company/4564/service_categories/");
    expect(sent.query).toEqual({ staff_id: "5006" });
    expect(sent.authorization).toBe(WITH_USER);
    expect(result.data[0].title).toBe("Мужские стрижки");
  });

  it("get() reads one category (path key `id`)", async () => {
    const { result, sent } = await expectCall(h, "GET", "/company/{company_id}/service_categories/{id}", () =>
      h.yc.serviceCategories.get(345),
    );
    expect(sent.path).toBe("/api/v1/company/4564/service_categories/345");
    expect(result.data.id).toBe(345);
  });

  it("getPublic() needs only the partner token", async () => {
    const { result, sent } = await expectCall(h, "GET", "/service_category/{company_id}/{id}", () =>
      h.partner.serviceCategories.getPublic(345),
    );
    expect(sent.path).toBe("/api/v1/service_category/4564/345");
    expect(sent.authorization).toBe(PARTNER_ONLY);
    expect(result.data.staff).toEqual([5006, 8901]);
  });

  it("create() posts to /service_categories/{company_id}", async () => {
    const body = { title: "Окрашивание", staff: [5006, 8901] };
    const { result, sent } = await expectCall(h, "POST", "/service_categories/{company_id}", () =>
      h.yc.serviceCategories.create(body),
    );
    expect(sent.path).toBe("/api/v1/service_categories/4564");
    expect(sent.body).toEqual(body);
    expect(result.data.id).toBe(3460);
  });

  it("update() PUTs to /service_category/{company_id}/{id}", async () => {
    const { result, sent } = await expectCall(h, "PUT", "/service_category/{company_id}/{id}", () =>
      h.yc.serviceCategories.update(345, { title: "Мужские стрижки и бритьё", weight: 15 }),
    );
    expect(sent.path).toBe("/api/v1/service_category/4564/345");
    expect(sent.body).toEqual({ title: "Мужские стрижки и бритьё", weight: 15 });
    expect(result.data.weight).toBe(15);
  });

  it("delete() sends DELETE and resolves on 204", async () => {
    const { result, sent } = await expectCall(h, "DELETE", "/service_category/{company_id}/{id}", () =>
      h.yc.serviceCategories.delete(345),
    );
    expect(sent.path).toBe("/api/v1/service_category/4564/345");
    expect(result.data).toBeNull();
  });

  it("listForChain() takes the chain id and include", async () => {
    const { result, sent } = await expectCall(h, "GET", "/chain/{chain_id}/service_categories", () =>
      h.yc.serviceCategories.listForChain(3120, { include: "services" }),
    );
    expect(sent.path).toBe("/api/v1/chain/3120/service_categories");
    expect(sent.query).toEqual({ include: "services" });
    expect(sent.authorization).toBe(WITH_USER);
    expect(result.data[0].services?.[0].title).toBe("Мужская стрижка");
  });

  it("listLegacy() works with the partner token alone", async () => {
    const { result, sent } = await expectCall(h, "GET", "/service_categories/{company_id}/", () =>
      h.partner.serviceCategories.listLegacy(),
    );
    expect(sent.path).toBe("/api/v1/service_categories/4564/");
    expect(sent.authorization).toBe(PARTNER_ONLY);
    expect(result.data[0].api_id).toBe("cat-001");
  });

  it("getLegacy() works with the partner token alone", async () => {
    const { result, sent } = await expectCall(h, "GET", "/service_categories/{company_id}/{id}", () =>
      h.partner.serviceCategories.getLegacy(345, undefined, { companyId: 4564 }),
    );
    expect(sent.path).toBe("/api/v1/service_categories/4564/345");
    expect(result.data.title).toBe("Мужские стрижки");
  });
});
