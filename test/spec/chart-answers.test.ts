// The analytics charts answer a bare list (sometimes the envelope). Both must reach the caller as
// `data`, through the friendly methods and the typed calls; a bare answer elsewhere is still a parse error.
import { YclientsClient, YclientsParseError } from "../../src/index";
import { call, tokens, useSignedIn } from "../helpers/simulator";
import { json, ok, useServer } from "../helpers/scripted-server";

const series = [
  {
    label: "Выручка",
    data: [
      [1635465600000, 1000],
      [1635552000000, 500],
    ],
  },
];

const server = useServer();

const client = () =>
  new YclientsClient({ partnerToken: "p", userToken: "u", companyId: 4564, baseUrl: server.url, retry: false });

describe.each([
  ["bare", series],
  ["wrapped", ok(series)],
])("a chart answered %s", (_form, body) => {
  beforeEach(() => server.handle((_req, res) => json(res, 200, body)));

  it("reaches the friendly method as data", async () => {
    const answer = await client().analytics.incomeDaily(
      { date_from: "2021-10-29", date_to: "2021-10-30" },
      { companyId: 4564 },
    );
    expect(answer.data).toEqual(series);
    expect(answer.data[0].label).toBe("Выручка");
  });

  it("reaches a typed call as the envelope's data", async () => {
    const { data } = await client().GET("/company/{company_id}/analytics/overall/charts/record_source/", {
      params: { path: { company_id: 4564 } },
    });
    expect(data.success).toBe(true);
    expect(data.data).toEqual(series);
  });
});

it("keeps refusing a bare list from an operation that always sends the envelope", async () => {
  server.handle((_req, res) => json(res, 200, series));
  await expect(client().analytics.overall({}, { companyId: 4564 })).rejects.toBeInstanceOf(YclientsParseError);
});

describe("against the simulator", () => {
  const signedIn = useSignedIn();

  it("the simulator answers the charts bare, and the friendly methods still get the series", async () => {
    const { sim, yc, companyId } = signedIn;
    const raw = await call(sim, "GET", `/company/${companyId}/analytics/overall/charts/records_daily/`, {
      user: tokens(sim).staff,
    });
    expect(Array.isArray(raw.body)).toBe(true);
    const answer = await yc.analytics.recordsDaily({}, { companyId });
    expect(answer.data.length).toBeGreaterThan(0);
    expect(answer.data[0]).toHaveProperty("label");
  });

  it("reports.dayReport (an operation beyond the YCLIENTS inventory) is typed and answered by the simulator", async () => {
    const answer = await signedIn.yc.reports.dayReport("2026-03-02", {}, { companyId: signedIn.companyId });
    expect(answer.data.clients_count).toBeDefined();
    expect(typeof answer.data.date_iso).toBe("string");
  });
});

it("an operation the docs show bare (x-envelope: optional) hands back a bare object as data", async () => {
  const dictionary = { months: { "1": "январь" } };
  server.handle((_req, res) => json(res, 200, dictionary));
  const { data } = await client().GET("/i18n/{langCode}", { params: { path: { langCode: "ru-RU" } } });
  expect(data.success).toBe(true);
  expect(data.data).toEqual(dictionary);
});
