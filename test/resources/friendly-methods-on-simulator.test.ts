// The friendly methods against the local simulator: every operation the resources cover is called once
// through the SDK with ids from the simulator's seeded data, and the simulator's own request log
// confirms which operation it routed each call to. Stateful catalogue reads are checked against its state.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { YclientsClient } from "../../src/index";
import { startYclientsSimulator, type YclientsSimulator } from "../../src/testing/index";
import { requestExample } from "./harness";

let sim: YclientsSimulator;
let yc: YclientsClient;
let client: YclientsClient;
let companyId: number;

beforeAll(async () => {
  sim = await startYclientsSimulator({ rateLimit: false, today: "2026-03-10" });
  const anonymous = new YclientsClient({ partnerToken: sim.partnerToken, baseUrl: sim.url, retry: false });
  const [admin] = sim.state.staffUsers;
  const signedIn = await anonymous.auth.getUserToken({ login: admin.login, password: admin.password });
  companyId = sim.state.companies[0].id;
  yc = new YclientsClient({
    partnerToken: sim.partnerToken,
    userToken: (signedIn.data as { user_token: string }).user_token, // this staff user has no two-factor sign-in
    companyId,
    baseUrl: sim.url,
    retry: false,
    rateLimit: false, // the simulator's limit is off too; the limiter is tested in test/ratelimit
  });
  client = yc.withUserToken(sim.state.bookingUsers[0].token);
});
afterAll(() => sim?.close());

/** The simulator's route for the last request, as `"METHOD /template"`. */
function lastRoute(): string | undefined {
  return sim.requests[sim.requests.length - 1]?.route;
}

describe("catalogue reads reflect the simulator's state", () => {
  it("companies.list and companies.iterate return the seeded companies", async () => {
    const page = await yc.companies.list({ count: 50 });
    const ids = sim.state.companies.map((c) => c.id);
    expect(page.data.map((c) => Number(c.id)).sort()).toEqual([...ids].sort());
    const iterated: number[] = [];
    for await (const c of yc.companies.iterate(undefined, { pageSize: 1 })) iterated.push(Number(c.id));
    expect(iterated.sort()).toEqual([...ids].sort());
    const all = await yc.companies.listAll(undefined, { limit: ids.length, pageSize: 2 });
    expect(all).toHaveLength(ids.length);
  });

  it("companies.update is visible to companies.get", async () => {
    await yc.companies.update({ title: "Переименованный салон" });
    const company = await yc.companies.get();
    expect(company.data.id).toBe(companyId);
    expect(company.data.title).toBe("Переименованный салон");
    expect(lastRoute()).toBe("GET /company/{id}/");
  });

  it("staff, services and categories come from the company's seeded catalogue", async () => {
    const staff = await yc.staff.list();
    const expectedStaff = sim.state.staff.filter((m) => m.company_id === companyId).map((m) => m.id);
    expect(staff.data.map((m) => m.id).sort()).toEqual([...expectedStaff].sort());

    const seeded = sim.state.services.find((s) => s.company_id === companyId)!;
    const service = await yc.services.get(seeded.id);
    expect(service.data.title).toBe(seeded.title);

    const categories = await yc.serviceCategories.list();
    const expectedCategories = sim.state.serviceCategories.filter((c) => c.company_id === companyId).map((c) => c.id);
    expect(categories.data.map((c) => c.id).sort()).toEqual([...expectedCategories].sort());
  });

  it("staffSchedules.list answers one item per staff member and day", async () => {
    const member = sim.state.staff.find((m) => m.company_id === companyId)!;
    const schedule = await yc.staffSchedules.list({
      start_date: "2026-03-09",
      end_date: "2026-03-11",
      staff_ids: [member.id],
    });
    expect(schedule.data.map((d) => d.date)).toEqual(["2026-03-09", "2026-03-10", "2026-03-11"]);
    expect(schedule.data.every((d) => d.staff_id === member.id)).toBe(true);
  });
});

describe("every friendly method reaches its operation in the simulator", () => {
  const ex = <P extends Parameters<typeof requestExample>[1]>(method: string, path: P) =>
    requestExample(method as never, path) as never;
  const staffId = () => sim.state.staff.find((m) => m.company_id === companyId)!.id;
  const serviceId = () => sim.state.services.find((s) => s.company_id === companyId)!.id;
  const categoryId = () => sim.state.serviceCategories.find((c) => c.company_id === companyId)!.id;

  // Reads first, then writes, deletes last, so ids looked up from the state stay valid.
  const cases: Array<[string, string, () => Promise<unknown>]> = [
    ["GET /companies", "companies.list", () => yc.companies.list({ count: 5 })],
    ["GET /company/{id}/", "companies.get", () => yc.companies.get({ show_groups: 1 })],
    ["GET /company/{company_id}/staff/", "staff.list", () => yc.staff.list()],
    ["GET /company/{company_id}/services/{service_id}", "services.get", () => yc.services.get(serviceId())],
    ["GET /company/{company_id}/service_categories/", "serviceCategories.list", () => yc.serviceCategories.list()],
    ["GET /company/{company_id}/staff/schedule", "staffSchedules.list", () => yc.staffSchedules.list()],
    ["GET /countries", "locations.countries", () => yc.locations.countries()],
    ["GET /cities", "locations.cities", () => yc.locations.cities({ country_id: 1 })],
    ["GET /groups", "chains.list", () => yc.chains.list()],
    ["GET /references/business_groups_with_types", "references.businessGroups", () => yc.references.businessGroups()],
    ["GET /license/{company_id}", "licenses.get", () => yc.licenses.get()],
    ["GET /resources/{company_id}", "resources.list", () => yc.resources.list()],
    ["GET /timetable/dates/{company_id}/{date}", "timetable.dates", () => yc.timetable.dates("2026-03-10")],
    [
      "GET /timetable/seances/{company_id}/{staff_id}/{date}",
      "timetable.seances",
      () => yc.timetable.seances(staffId(), "2026-03-10"),
    ],
    ["GET /booking/user/data", "bookingUsers.get", () => client.bookingUsers.get()],
    [
      "GET /booking/user/phone_confirmation",
      "bookingUsers.sendPhoneCode",
      () => client.bookingUsers.sendPhoneCode({ phone: "79161234568", company_id: companyId }),
    ],
    ["GET /company/{company_id}/booking_forms/", "bookingForms.list", () => yc.bookingForms.list()],
    ["GET /company/{company_id}/booking_forms/{form_id}/", "bookingForms.get", () => yc.bookingForms.get(312456)],
    ["GET /company/{company_id}/settings/online", "settings.getOnline", () => yc.settings.getOnline()],
    ["GET /company/{company_id}/settings/timetable", "settings.getTimetable", () => yc.settings.getTimetable()],
    ["GET /company/{company_id}/staff/positions/", "positions.listForStaff", () => yc.positions.listForStaff()],
    ["GET /positions/{company_id}", "positions.list", () => yc.positions.list()],
    ["GET /company/{company_id}/staff/{staff_id}", "staff.get", () => yc.staff.get(staffId())],
    [
      "GET /company/{company_id}/staff/workload",
      "staff.workload",
      () => yc.staff.workload({ start_date: "2026-03-01", end_date: "2026-03-07", team_member_id: staffId() }),
    ],
    ["GET /staff/{company_id}/", "staff.listLegacy", () => yc.staff.listLegacy()],
    ["GET /staff/{company_id}/{staff_id}", "staff.getLegacy", () => yc.staff.getLegacy(staffId())],
    ["GET /company/{company_id}/services/", "services.list", () => yc.services.list()],
    ["GET /services/{company_id}/", "services.listLegacy", () => yc.services.listLegacy()],
    ["GET /services/{company_id}/{service_id}", "services.getLegacy", () => yc.services.getLegacy(serviceId())],
    [
      "GET /company/{company_id}/service_categories/{id}",
      "serviceCategories.get",
      () => yc.serviceCategories.get(categoryId()),
    ],
    [
      "GET /service_category/{company_id}/{id}",
      "serviceCategories.getPublic",
      () => yc.serviceCategories.getPublic(categoryId()),
    ],
    ["GET /service_categories/{company_id}/", "serviceCategories.listLegacy", () => yc.serviceCategories.listLegacy()],
    [
      "GET /service_categories/{company_id}/{id}",
      "serviceCategories.getLegacy",
      () => yc.serviceCategories.getLegacy(categoryId()),
    ],
    [
      "GET /chain/{chain_id}/service_categories",
      "serviceCategories.listForChain",
      () => yc.serviceCategories.listForChain(sim.state.chain.id, { include: "services" }),
    ],
    [
      "GET /schedule/{company_id}/{staff_id}/{start_date}/{end_date}",
      "staffSchedules.getLegacy",
      () => yc.staffSchedules.getLegacy(staffId(), "2026-03-09", "2026-03-15"),
    ],
    [
      "GET /company/{company_id}/schedules/search/{entity_type}/{entity_id}",
      "schedules.search",
      () => yc.schedules.search("activity", 870021),
    ],
    [
      "GET /company/{company_id}/schedules/{schedule_id}/days/{day_id}/events",
      "schedules.dayEvents",
      () => yc.schedules.dayEvents(5120, 9001),
    ],
    [
      "GET /company/{company_id}/client/{client_id}/loyalty/abonements/search_for_activity/",
      "schedules.searchAbonementsForActivity",
      () => yc.schedules.searchAbonementsForActivity(31415926),
    ],
    [
      "GET /company/{company_id}/client/{client_id}/loyalty/abonements/{abonement_id}/check_for_activity/",
      "schedules.checkAbonementForActivity",
      () => yc.schedules.checkAbonementForActivity(31415926, 2207781),
    ],

    ["PUT /company/{id}/", "companies.update", () => yc.companies.update({ address: "ул. Тестовая, 1" })],
    ["PUT /booking/user", "bookingUsers.update", () => client.bookingUsers.update({ name: "Анна" })],
    ["POST /companies", "companies.create", () => yc.companies.create(ex("post", "/companies"))],
    [
      "POST /company/{company_id}/booking_forms/",
      "bookingForms.create",
      () => yc.bookingForms.create({ title: "Форма" }),
    ],
    [
      "PATCH /company/{company_id}/booking_forms/{form_id}/",
      "bookingForms.update",
      () => yc.bookingForms.update(312456, { title: "Форма 2" }),
    ],
    [
      "PATCH /company/{company_id}/settings/online",
      "settings.updateOnline",
      () => yc.settings.updateOnline(ex("patch", "/company/{company_id}/settings/online")),
    ],
    [
      "PATCH /company/{company_id}/settings/timetable",
      "settings.updateTimetable",
      () => yc.settings.updateTimetable({ record_type: 0 }),
    ],
    [
      "POST /company/{company_id}/positions/quick/",
      "positions.quickCreate",
      () => yc.positions.quickCreate({ title: "Бровист" }),
    ],
    ["POST /positions/{company_id}", "positions.create", () => yc.positions.create({ title: "Колорист" })],
    [
      "PUT /positions/{company_id}/{position_id}",
      "positions.update",
      () => yc.positions.update(sim.state.positions[0].id, { title: "Мастер" }),
    ],
    [
      "POST /company/{company_id}/staff/quick",
      "staff.quickCreate",
      () => yc.staff.quickCreate(ex("post", "/company/{company_id}/staff/quick")),
    ],
    ["POST /staff/{company_id}", "staff.createLegacy", () => yc.staff.createLegacy(ex("post", "/staff/{company_id}"))],
    ["PUT /staff/{company_id}/{staff_id}", "staff.update", () => yc.staff.update(staffId(), { name: "Новое имя" })],
    [
      "POST /services/{company_id}",
      "services.create",
      () => yc.services.create({ title: "Укладка", category_id: categoryId() }),
    ],
    [
      "PATCH /company/{company_id}/services/{service_id}",
      "services.update",
      () => yc.services.update(serviceId(), ex("patch", "/company/{company_id}/services/{service_id}")),
    ],
    [
      "PATCH /services/{company_id}/{service_id}",
      "services.patch",
      () => yc.services.patch(serviceId(), { price_min: 1000 }),
    ],
    [
      "PUT /services/{company_id}/{service_id}",
      "services.updateLegacy",
      () => yc.services.updateLegacy(serviceId(), { title: "Стрижка", category_id: categoryId() }),
    ],
    [
      "POST /company/{company_id}/services/links",
      "services.setLinks",
      () => yc.services.setLinks(ex("post", "/company/{company_id}/services/links")),
    ],
    [
      "POST /company/{company_id}/services/{service_id}/staff",
      "services.linkStaff",
      () =>
        yc.services.linkStaff(serviceId(), { master_id: staffId(), seance_length: 3600, technological_card_id: null }),
    ],
    [
      "PUT /company/{company_id}/services/{service_id}/staff/{master_id}",
      "services.updateStaffLink",
      () => yc.services.updateStaffLink(serviceId(), staffId(), { seance_length: 2700, technological_card_id: null }),
    ],
    [
      "POST /service_categories/{company_id}",
      "serviceCategories.create",
      () => yc.serviceCategories.create({ title: "Новая категория" }),
    ],
    [
      "PUT /service_category/{company_id}/{id}",
      "serviceCategories.update",
      () => yc.serviceCategories.update(categoryId(), { title: "Категория" }),
    ],
    [
      "PUT /company/{company_id}/staff/schedule",
      "staffSchedules.update",
      () => yc.staffSchedules.update(ex("put", "/company/{company_id}/staff/schedule")),
    ],
    [
      "PUT /schedule/{company_id}/{staff_id}",
      "staffSchedules.updateLegacy",
      () => yc.staffSchedules.updateLegacy(staffId(), ex("put", "/schedule/{company_id}/{staff_id}")),
    ],
    [
      "POST /company/{company_id}/schedules",
      "schedules.create",
      () => yc.schedules.create(ex("post", "/company/{company_id}/schedules")),
    ],
    [
      "PATCH /company/{company_id}/schedules/{schedule_id}",
      "schedules.update",
      () => yc.schedules.update(5120, { date_end: "2026-06-30" }),
    ],
    [
      "POST /company/{company_id}/schedules/{schedule_id}/client_schedules",
      "schedules.addClient",
      () => yc.schedules.addClient(5120, ex("post", "/company/{company_id}/schedules/{schedule_id}/client_schedules")),
    ],
    [
      "PATCH /company/{company_id}/schedules/{schedule_id}/client_schedules/{client_schedule_id}",
      "schedules.updateClient",
      () => yc.schedules.updateClient(5120, 640, { schedule_days_ids: [9002] }),
    ],
    [
      "POST /company/{company_id}/schedules/{schedule_id}/days",
      "schedules.addDays",
      () => yc.schedules.addDays(5120, ex("post", "/company/{company_id}/schedules/{schedule_id}/days")),
    ],
    [
      "PATCH /company/{company_id}/schedules/{schedule_id}/days/{day_id}",
      "schedules.updateDay",
      () => yc.schedules.updateDay(5120, 9001, { force: false }),
    ],
    [
      "PUT /booking/user/password",
      "bookingUsers.changePassword",
      () =>
        client.bookingUsers.changePassword({
          old_password: sim.state.bookingUsers[0].password ?? "",
          new_password: "new-sim-password-1",
        }),
    ],

    [
      "DELETE /company/{company_id}/schedules/{schedule_id}/days/{day_id}",
      "schedules.deleteDay",
      () => yc.schedules.deleteDay(5120, 9001),
    ],
    [
      "DELETE /company/{company_id}/schedules/{schedule_id}/client_schedules/{client_schedule_id}",
      "schedules.removeClient",
      () => yc.schedules.removeClient(5120, 640),
    ],
    ["DELETE /company/{company_id}/schedules/{schedule_id}", "schedules.delete", () => yc.schedules.delete(5120)],
    [
      "DELETE /company/{company_id}/services/{service_id}/staff/{master_id}",
      "services.unlinkStaff",
      () => yc.services.unlinkStaff(serviceId(), staffId()),
    ],
    [
      "DELETE /company/{company_id}/booking_forms/{form_id}/",
      "bookingForms.delete",
      () => yc.bookingForms.delete(312456),
    ],
    [
      "DELETE /service_category/{company_id}/{id}",
      "serviceCategories.delete",
      () => yc.serviceCategories.delete(categoryId()),
    ],
    ["DELETE /services/{company_id}/{service_id}", "services.delete", () => yc.services.delete(serviceId())],
    ["DELETE /staff/{company_id}/{staff_id}", "staff.delete", () => yc.staff.delete(staffId())],
    [
      "DELETE /positions/{company_id}/{position_id}",
      "positions.delete",
      () => yc.positions.delete(sim.state.positions[0].id),
    ],
    ["DELETE /company/{id}/", "companies.delete", () => yc.companies.delete()],
  ];

  // The catalogue areas, called with real ids from the seeded state; every other operation is called through
  // its friendly method by test/resources/all-operations.test.ts.
  const CATALOGUE =
    /^(bookingForms|bookingUsers|settings|companies|chains|locations|references|licenses|resources|timetable|positions|staff|services|serviceCategories|staffSchedules|schedules)\./;
  it("covers every operation of the catalogue areas", () => {
    const spec = JSON.parse(readFileSync(join(__dirname, "../../generated/openapi.json"), "utf8"));
    const owned: string[] = [];
    for (const [path, item] of Object.entries<Record<string, { "x-sdk-method"?: string }>>(spec.paths)) {
      for (const [method, op] of Object.entries(item)) {
        const sdk = op?.["x-sdk-method"];
        if (sdk && CATALOGUE.test(sdk)) owned.push(`${method.toUpperCase()} ${path}`);
      }
    }
    expect(cases.map(([route]) => route).sort()).toEqual(owned.sort());
  });

  it.each(cases)("%s via yc.%s", async (route, _method, run) => {
    const result = (await run()) as { success: boolean; status: number };
    expect(result.success).toBe(true);
    expect(result.status).toBeGreaterThanOrEqual(200);
    expect(result.status).toBeLessThan(300);
    expect(lastRoute()).toBe(route);
  });
});
