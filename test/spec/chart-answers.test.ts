// The analytics charts answer a bare list (sometimes the envelope). Both must reach the caller as
// `data`, through the friendly methods and the typed calls; a bare answer elsewhere is still a parse error.
import { YclientsClient, YclientsParseError } from "../../src/index";
import { startYclientsSimulator } from "../../src/testing/index";
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

it("the simulator answers the charts bare, and the friendly methods still get the series", async () => {
  const sim = await startYclientsSimulator({ rateLimit: false });
  try {
    const userToken = sim.state.staffUsers[0].token;
    const companyId = sim.state.companies[0].id;
    const yc = new YclientsClient({ partnerToken: sim.partnerToken, userToken, baseUrl: sim.url });
    const raw = await fetch(`${sim.url}/company/${companyId}/analytics/overall/charts/records_daily/`, {
      headers: {
        authorization: `Bearer ${sim.partnerToken}, User ${userToken}`,
        accept: "application/vnd.yclients.v2+json",
      },
    });
    expect(Array.isArray(await raw.json())).toBe(true);
    const answer = await yc.analytics.recordsDaily({}, { companyId });
    expect(answer.data.length).toBeGreaterThan(0);
    expect(answer.data[0]).toHaveProperty("label");
  } finally {
    await sim.close();
  }
});

it("an operation the docs show bare (x-envelope: optional) hands back a bare object as data", async () => {
  const dictionary = { months: { "1": "январь" } };
  server.handle((_req, res) => json(res, 200, dictionary));
  const { data } = await client().GET("/i18n/{langCode}", { params: { path: { langCode: "ru-RU" } } });
  expect(data.success).toBe(true);
  expect(data.data).toEqual(dictionary);
});

it("reports.dayReport (an operation beyond the YCLIENTS inventory) is typed and answered by the simulator", async () => {
  const sim = await startYclientsSimulator({ rateLimit: false });
  try {
    const userToken = sim.state.staffUsers[0].token;
    const companyId = sim.state.companies[0].id;
    const yc = new YclientsClient({ partnerToken: sim.partnerToken, userToken, baseUrl: sim.url });
    const answer = await yc.reports.dayReport("2026-03-02", {}, { companyId });
    expect(answer.data.clients_count).toBeDefined();
    expect(typeof answer.data.date_iso).toBe("string");
  } finally {
    await sim.close();
  }
});
