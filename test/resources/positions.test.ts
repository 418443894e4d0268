import { expectCall, useHarness, WITH_USER } from "./harness";

const h = useHarness();

describe("yc.positions", () => {
  it("listForStaff() reads the documented positions list", async () => {
    const { result, sent } = await expectCall(h, "GET", "/company/{company_id}/staff/positions/", () =>
      h.yc.positions.listForStaff(),
    );
    expect(sent.path).toBe("/api/v1/company/4564/staff/positions/");
    expect(sent.authorization).toBe(WITH_USER);
    expect(result.data[0]).toEqual({ id: 12, title: "Администратор" });
  });

  it("quickCreate() posts just the title", async () => {
    const { result, sent } = await expectCall(h, "POST", "/company/{company_id}/positions/quick/", () =>
      h.yc.positions.quickCreate({ title: "Мастер маникюра" }),
    );
    expect(sent.path).toBe("/api/v1/company/4564/positions/quick/");
    expect(sent.body).toEqual({ title: "Мастер маникюра" });
    expect(result.data.id).toBe(13);
    expect(result.data.chain_id).toBe(3120);
  });

  it("list() uses the legacy /positions/{company_id} path", async () => {
    const { result, sent } = await expectCall(h, "GET", "/positions/{company_id}", () =>
      h.yc.positions.list(undefined, { companyId: 5 }),
    );
    expect(sent.path).toBe("/api/v1/positions/5");
    expect(result.data[0].title).toBe("Администратор");
  });

  it("create() posts title and api_id", async () => {
    const { result, sent } = await expectCall(h, "POST", "/positions/{company_id}", () =>
      h.yc.positions.create({ title: "Мастер маникюра", api_id: "crm-13" }),
    );
    expect(sent.path).toBe("/api/v1/positions/4564");
    expect(sent.body).toEqual({ title: "Мастер маникюра", api_id: "crm-13" });
    expect(result.data.api_id).toBe("crm-13");
  });

  it("update() PUTs to /positions/{company_id}/{position_id}", async () => {
    const { result, sent } = await expectCall(h, "PUT", "/positions/{company_id}/{position_id}", () =>
      h.yc.positions.update(13, { title: "Старший мастер маникюра" }),
    );
    expect(sent.path).toBe("/api/v1/positions/4564/13");
    expect(sent.body).toEqual({ title: "Старший мастер маникюра" });
    expect(result.data.title).toBe("Старший мастер маникюра");
  });

  it("delete() sends DELETE and resolves on 204", async () => {
    const { result, sent } = await expectCall(h, "DELETE", "/positions/{company_id}/{position_id}", () =>
      h.yc.positions.delete(13),
    );
    expect(sent.path).toBe("/api/v1/positions/4564/13");
    expect(result.status).toBe(204);
    expect(result.data).toBeNull();
  });
});
