import { YclientsConfigError } from "../../src/index";
import { expectCall, expectNothingSent, PARTNER_ONLY, useHarness, WITH_USER } from "./harness";

const h = useHarness();

describe("yc.staff", () => {
  it("list() reads every staff member of the company", async () => {
    const { result, sent } = await expectCall(h, "GET", "/company/{company_id}/staff/", () => h.yc.staff.list());
    expect(sent.path).toBe("/api/v1/company/4564/staff/");
    expect(sent.authorization).toBe(WITH_USER);
    expect(result.data[0].id).toBe(1001539);
    expect(result.data[0].name).toBe("Анна Соколова");
    expect(result.meta.total_count).toBe(2);
  });

  it("get() reads one staff member", async () => {
    const { result, sent } = await expectCall(h, "GET", "/company/{company_id}/staff/{staff_id}", () =>
      h.yc.staff.get(1001539),
    );
    expect(sent.path).toBe("/api/v1/company/4564/staff/1001539");
    expect(result.data.specialization).toBe("парикмахер-стилист");
  });

  it("quickCreate() posts the four required fields", async () => {
    const body = { name: "Мария Лебедева", specialization: "мастер маникюра", position_id: 12, phone_number: null };
    const { result, sent } = await expectCall(h, "POST", "/company/{company_id}/staff/quick", () =>
      h.yc.staff.quickCreate(body),
    );
    expect(sent.path).toBe("/api/v1/company/4564/staff/quick");
    expect(sent.body).toEqual(body);
    expect(result.data.id).toBe(1001541);
  });

  it("update() PUTs the card to /staff/{company_id}/{staff_id}", async () => {
    const { result, sent } = await expectCall(h, "PUT", "/staff/{company_id}/{staff_id}", () =>
      h.yc.staff.update(17969, { name: "Олег Васильев", specialization: "старший парикмахер" }, { companyId: 4564 }),
    );
    expect(sent.path).toBe("/api/v1/staff/4564/17969");
    expect(sent.body).toEqual({ name: "Олег Васильев", specialization: "старший парикмахер" });
    expect(result.data.specialization).toBe("старший парикмахер");
  });

  it("delete() sends DELETE and resolves on 204", async () => {
    const { result, sent } = await expectCall(h, "DELETE", "/staff/{company_id}/{staff_id}", () =>
      h.yc.staff.delete(17969),
    );
    expect(sent.path).toBe("/api/v1/staff/4564/17969");
    expect(sent.authorization).toBe(WITH_USER);
    expect(result.data).toBeNull();
  });

  it("createLegacy() posts to the deprecated /staff/{company_id}", async () => {
    const { result, sent } = await expectCall(h, "POST", "/staff/{company_id}", () =>
      h.yc.staff.createLegacy({ name: "Олег Васильев", specialization: "парикмахер" }),
    );
    expect(sent.path).toBe("/api/v1/staff/4564");
    expect(sent.body).toEqual({ name: "Олег Васильев", specialization: "парикмахер" });
    expect(result.data.id).toBe(17969);
  });

  it("listLegacy() works with the partner token alone", async () => {
    const { result, sent } = await expectCall(h, "GET", "/staff/{company_id}/", () => h.partner.staff.listLegacy());
    expect(sent.path).toBe("/api/v1/staff/4564/");
    expect(sent.authorization).toBe(PARTNER_ONLY);
    expect(result.data[0].id).toBe("17969");
  });

  it("getLegacy() works with the partner token alone", async () => {
    const { result, sent } = await expectCall(h, "GET", "/staff/{company_id}/{staff_id}", () =>
      h.partner.staff.getLegacy(34006),
    );
    expect(sent.path).toBe("/api/v1/staff/4564/34006");
    expect(sent.authorization).toBe(PARTNER_ONLY);
    expect(result.data.name).toBe("Денис Орлов");
  });

  it("checks ids before sending", async () => {
    await expectNothingSent(h, () => h.yc.staff.get(0), YclientsConfigError);
    await expectNothingSent(h, () => h.yc.staff.get(-3), YclientsConfigError);
    await expectNothingSent(h, () => h.yc.staff.update(1, null as never), YclientsConfigError);
  });
});
