// What the sweeps over every operation (coverage.test.ts, call-shape.test.ts) do not pin: how particular
// arguments reach the wire (arrays and renamed keys in the query, Dates in the path, body fields split from the
// query, per-call tokens and companies) and the argument checks that stop a call before anything is sent.
import { YclientsConfigError, type YclientsClient } from "../../src/index";
import { expectCall, expectNothingSent, requestExample, useHarness, type Sent } from "./harness";

const h = useHarness();

const scheduleBody = requestExample("post", "/company/{company_id}/schedules");
const daysBody = requestExample("post", "/company/{company_id}/schedules/{schedule_id}/days");

/** [what it shows, operation, the call, what must arrive (the parts named)] */
const MAPPINGS: Array<[string, string, (yc: YclientsClient) => Promise<unknown>, Partial<Sent>]> = [
  [
    "companies.list: arrays as `include[]`, paging keys as given",
    "GET /companies",
    (yc) => yc.companies.list({ city_id: 2, active: 1, include: ["staff", "positions"], count: 10, page: 2 }),
    { query: { city_id: "2", active: "1", "include[]": ["staff", "positions"], count: "10", page: "2" } },
  ],
  [
    "companies.get: flags in the query, the client's company in `/company/{id}/`",
    "GET /company/{id}/",
    (yc) => yc.companies.get({ forBooking: 1, show_groups: 1 }),
    { path: "/api/v1/company/4564/", query: { forBooking: "1", show_groups: "1" } },
  ],
  [
    "companies.get: a company id given after the query",
    "GET /company/{id}/",
    (yc) => yc.companies.get(undefined, { companyId: 4565 }),
    { path: "/api/v1/company/4565/", query: {} },
  ],
  [
    "staff.update: the company given after a positional body",
    "PUT /staff/{company_id}/{staff_id}",
    (yc) => yc.staff.update(17969, { name: "Олег Васильев" }, { companyId: 4565 }),
    { path: "/api/v1/staff/4565/17969", body: { name: "Олег Васильев" } },
  ],
  [
    "bookingUsers.changePassword: a user token given for the call",
    "PUT /booking/user/password",
    (yc) => yc.bookingUsers.changePassword({ old_password: "a", new_password: "b" }, { userToken: "per-call-token" }),
    { authorization: "Bearer partner-res-1, User per-call-token" },
  ],
  [
    "bookingUsers.sendPhoneCode: company_id is a query parameter here, not the path's",
    "GET /booking/user/phone_confirmation",
    (yc) => yc.bookingUsers.sendPhoneCode({ phone: "79161234568", company_id: 4564 }),
    { query: { phone: "79161234568", company_id: "4564" }, body: undefined },
  ],
  [
    "timetable.dates: a Date argument as YYYY-MM-DD (local day) in the path",
    "GET /timetable/dates/{company_id}/{date}",
    (yc) => yc.timetable.dates(new Date(2026, 8, 30), { staff_id: 16 }),
    { path: "/api/v1/timetable/dates/4564/2026-09-30", query: { staff_id: "16" } },
  ],
  [
    "staffSchedules.list: several ids repeat `staff_ids[]`, one include is a single `include[]`",
    "GET /company/{company_id}/staff/schedule",
    (yc) =>
      yc.staffSchedules.list({
        start_date: "2026-03-02",
        end_date: "2026-03-08",
        staff_ids: [1024, 1025],
        include: ["busy_intervals"],
      }),
    {
      query: {
        start_date: "2026-03-02",
        end_date: "2026-03-08",
        "staff_ids[]": ["1024", "1025"],
        "include[]": "busy_intervals",
      },
    },
  ],
  [
    "staffSchedules.getLegacy: a Date and a string day side by side in the path",
    "GET /schedule/{company_id}/{staff_id}/{start_date}/{end_date}",
    (yc) => yc.staffSchedules.getLegacy(1024, new Date(2026, 2, 2), "2026-03-08"),
    { path: "/api/v1/schedule/4564/1024/2026-03-02/2026-03-08" },
  ],
  [
    "schedules.create: include goes to the query, the other params to the body",
    "POST /company/{company_id}/schedules",
    (yc) => yc.schedules.create({ ...scheduleBody, include: ["days"] }),
    { query: { "include[]": "days" }, body: scheduleBody },
  ],
  [
    "schedules.addDays: include goes to the query, the other params to the body",
    "POST /company/{company_id}/schedules/{schedule_id}/days",
    (yc) => yc.schedules.addDays(5120, { ...daysBody, include: ["events_master"] }),
    { query: { "include[]": "events_master" }, body: daysBody },
  ],
  [
    "schedules.search: a string path argument, several includes",
    "GET /company/{company_id}/schedules/search/{entity_type}/{entity_id}",
    (yc) => yc.schedules.search("activity", 870021, { include: ["days", "days.events_master"] }),
    {
      path: "/api/v1/company/4564/schedules/search/activity/870021",
      query: { "include[]": ["days", "days.events_master"] },
    },
  ],
  [
    "serviceCategories.listForChain: a string include stays `include`",
    "GET /chain/{chain_id}/service_categories",
    (yc) => yc.serviceCategories.listForChain(3120, { include: "services" }),
    { path: "/api/v1/chain/3120/service_categories", query: { include: "services" } },
  ],
];

describe("arguments on the wire", () => {
  it.each(MAPPINGS)("%s", async (_what, op, call, expected) => {
    const [method, path] = op.split(" ");
    const { sent } = await expectCall(h, method, path, () => call(h.yc));
    expect(sent).toMatchObject(expected);
    if ("body" in expected && expected.body === undefined) expect(sent.body).toBeUndefined();
  });
});

/** [what is wrong, the call] */
const REFUSED: Array<[string, (yc: YclientsClient) => Promise<unknown>]> = [
  [
    "bookingUsers.sendPhoneCode without its required phone",
    (yc) => yc.bookingUsers.sendPhoneCode({ company_id: 4564 } as unknown as { phone: string }),
  ],
  ["timetable.seances with a day written DD.MM.YYYY", (yc) => yc.timetable.seances(16, "30.09.2026")],
  [
    "staffSchedules.getLegacy with a day not zero-padded",
    (yc) => yc.staffSchedules.getLegacy(1024, "2026-3-2", "2026-03-08"),
  ],
  [
    "staffSchedules.getLegacy with an invalid Date",
    (yc) => yc.staffSchedules.getLegacy(1024, new Date(NaN), "2026-03-08"),
  ],
  ["staff.get with id 0", (yc) => yc.staff.get(0)],
  ["staff.get with a negative id", (yc) => yc.staff.get(-3)],
  ["staff.update with a null body", (yc) => yc.staff.update(1, null as never)],
  ["schedules.search with an empty entity type", (yc) => yc.schedules.search("" as never, 870021)],
];

describe("arguments refused before sending", () => {
  it.each(REFUSED)("%s", async (_what, call) => {
    await expectNothingSent(h, () => call(h.yc), YclientsConfigError);
  });
});
