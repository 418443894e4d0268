// The operations added beyond the YCLIENTS inventory from live recordings (Altegio's own integration):
// their friendly methods send the recorded query and hand back the recorded answers, the chart bare or
// wrapped, and the simulator answers them.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { YclientsClient } from "../../src/index";
import { startYclientsSimulator } from "../../src/testing/index";
import { json, ok, useServer } from "../helpers/scripted-server";

const live = (file: string) =>
  JSON.parse(readFileSync(join(__dirname, "..", "fixtures", "live", file), "utf8")) as unknown;

const server = useServer();

const client = () =>
  new YclientsClient({ partnerToken: "p", userToken: "u", companyId: 4564, baseUrl: server.url, retry: false });

describe("operations beyond the inventory, against their recorded answers", () => {
  it("staff.workload sends the period and the member and returns the days", async () => {
    const recorded = live("altegio-team-workload.json") as { data: unknown[] };
    server.handle((_req, res) => json(res, 200, recorded));
    const answer = await client().staff.workload({
      start_date: "2026-10-01",
      end_date: "2026-10-10",
      team_member_id: 7,
    });
    expect(server.seen[0].url).toBe(
      "/api/v1/company/4564/staff/workload?start_date=2026-10-01&end_date=2026-10-10&team_member_id=7",
    );
    expect(answer.data).toEqual(recorded.data);
    expect(answer.meta).toEqual({ count: 10 });
  });

  it("an administrator figure sends include[] and returns the daily list", async () => {
    const recorded = live("altegio-demo-receptionist-records-closed.json") as { data: { records_count: number } };
    server.handle((_req, res) => json(res, 200, recorded));
    const answer = await client().analytics.administratorRecordsClosed({
      date_from: "2026-08-01",
      date_to: "2026-08-03",
      include: ["records_count_daily"],
    });
    expect(decodeURIComponent(server.seen[0].url)).toBe(
      "/api/v1/company/4564/analytics/administrator/records_closed?date_from=2026-08-01&date_to=2026-08-03&include[]=records_count_daily",
    );
    expect(answer.data.records_count_daily).toHaveLength(3);
  });

  it.each([
    ["bare", (series: unknown) => series],
    ["wrapped", (series: unknown) => ok(series)],
  ])("analytics.clientsDaily returns the series answered %s", async (_form, shape) => {
    const recorded = live("altegio-demo-charts-clients-daily.json") as Array<{ slug: string }>;
    server.handle((_req, res) => json(res, 200, shape(recorded)));
    const answer = await client().analytics.clientsDaily({ date_from: "2026-08-01", date_to: "2026-08-03" });
    expect(answer.data.map((s) => s.slug)).toEqual(["clients_total", "clients_new", "clients_returned"]);
  });

  it("the simulator answers each of them", async () => {
    const sim = await startYclientsSimulator({ rateLimit: false });
    try {
      const userToken = sim.state.staffUsers[0].token;
      const companyId = sim.state.companies[0].id;
      const yc = new YclientsClient({ partnerToken: sim.partnerToken, userToken, baseUrl: sim.url, companyId });
      const period = { date_from: "2026-03-01", date_to: "2026-03-31" };
      expect((await yc.staff.workload({ start_date: "2026-03-01", end_date: "2026-03-07" })).data[0].workload).toBe(
        0.74,
      );
      expect((await yc.analytics.clientsDaily(period)).data).toHaveLength(3);
      expect((await yc.analytics.administratorClientsScheduled(period)).data.clients_count).toBe(184);
      expect((await yc.analytics.administratorIncome(period)).data.income_sum).toBe(93120.5);
      expect((await yc.analytics.administratorVisitedRescheduled(period)).data.clients_rescheduled_count).toBe(41);
      expect((await yc.analytics.administratorCanceledRescheduled(period)).data.clients_count).toBe(14);
    } finally {
      await sim.close();
    }
  });
});
