// The small resources: chains, locations, references, licenses, resources and timetable.
import { YclientsConfigError } from "../../src/index";
import { expectCall, expectNothingSent, PARTNER_ONLY, useHarness, WITH_USER } from "./harness";

const h = useHarness();

describe("yc.chains", () => {
  it("list() reads GET /groups with the user token", async () => {
    const { result, sent } = await expectCall(h, "GET", "/groups", () => h.yc.chains.list());
    expect(sent.path).toBe("/api/v1/groups");
    expect(sent.authorization).toBe(WITH_USER);
    expect(result.data[0].id).toBe(3120);
    expect(result.data[0].companies?.map((c) => c.id)).toEqual([4564, 4565]);
  });
});

describe("yc.locations", () => {
  it("countries() needs only the partner token", async () => {
    const { result, sent } = await expectCall(h, "GET", "/countries", () => h.partner.locations.countries());
    expect(sent.path).toBe("/api/v1/countries");
    expect(sent.authorization).toBe(PARTNER_ONLY);
    expect(result.data[0].title).toBe("Россия");
    expect(result.data[0].phone_code).toBe("7");
  });

  it("cities() passes the country and company filters as query parameters", async () => {
    const { result, sent } = await expectCall(h, "GET", "/cities", () =>
      h.partner.locations.cities({ country_id: 1, company_id: 4564 }),
    );
    expect(sent.path).toBe("/api/v1/cities");
    expect(sent.query).toEqual({ country_id: "1", company_id: "4564" });
    expect(sent.authorization).toBe(PARTNER_ONLY);
    expect(result.data[0].title).toBe("Москва");
  });
});

describe("yc.references", () => {
  it("businessGroups() lists groups with their types", async () => {
    const { result, sent } = await expectCall(h, "GET", "/references/business_groups_with_types", () =>
      h.yc.references.businessGroups(),
    );
    expect(sent.path).toBe("/api/v1/references/business_groups_with_types");
    expect(sent.authorization).toBe(WITH_USER);
    expect(result.data[0].title).toBe("Красота");
    expect(result.data[0].types?.[0].id).toBe(1);
    expect(result.meta.count).toBe(2);
  });
});

describe("yc.licenses", () => {
  it("get() reads the licence of the default company", async () => {
    const { result, sent } = await expectCall(h, "GET", "/license/{company_id}", () => h.yc.licenses.get());
    expect(sent.path).toBe("/api/v1/license/4564");
    expect(result.data.staff_limit).toBe(10);
    expect(result.data.deactivation_date).toBe("30.09.2026");
  });
});

describe("yc.resources", () => {
  it("list() returns the resources with their instances", async () => {
    const { result, sent } = await expectCall(h, "GET", "/resources/{company_id}", () =>
      h.yc.resources.list(undefined, { companyId: 99 }),
    );
    expect(sent.path).toBe("/api/v1/resources/99");
    expect(sent.authorization).toBe(WITH_USER);
    expect(result.data[0].instances?.[0].resource_id).toBe(70);
  });
});

describe("yc.timetable", () => {
  it("dates() formats a Date argument as YYYY-MM-DD and sends staff_id in the query", async () => {
    const { result, sent } = await expectCall(h, "GET", "/timetable/dates/{company_id}/{date}", () =>
      h.yc.timetable.dates(new Date(2026, 8, 30), { staff_id: 16 }),
    );
    expect(sent.path).toBe("/api/v1/timetable/dates/4564/2026-09-30");
    expect(sent.query).toEqual({ staff_id: "16" });
    expect(result.data[0]).toBe("2026-09-28");
  });

  it("seances() puts staff and date in the path", async () => {
    const { result, sent } = await expectCall(h, "GET", "/timetable/seances/{company_id}/{staff_id}/{date}", () =>
      h.yc.timetable.seances(16, "2026-09-30"),
    );
    expect(sent.path).toBe("/api/v1/timetable/seances/4564/16/2026-09-30");
    expect(result.data[0].time).toBe("10:00");
    expect(result.data[0].is_free).toBe(true);
  });

  it("rejects a malformed date before sending", async () => {
    await expectNothingSent(h, () => h.yc.timetable.seances(16, "30.09.2026"), YclientsConfigError);
  });
});
