// Sweeps every operation the resources cover: each x-sdk-method exists on the client, hits its own
// method and path, fails before sending without a company id, and without a user token when one is needed.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { operationTable, YclientsClient, YclientsConfigError } from "../../src/index";
import { expectCall, expectNothingSent, useHarness } from "./harness";

const h = useHarness();

type Call = (yc: YclientsClient) => Promise<unknown>;
const body = {} as never;

/** One plausible call per friendly method (arguments only need to pass the SDK's own checks). */
const CALLS: Record<string, Call> = {
  "bookingForms.list": (yc) => yc.bookingForms.list(),
  "bookingForms.create": (yc) => yc.bookingForms.create(body),
  "bookingForms.get": (yc) => yc.bookingForms.get(1),
  "bookingForms.update": (yc) => yc.bookingForms.update(1, body),
  "bookingForms.delete": (yc) => yc.bookingForms.delete(1),
  "bookingUsers.get": (yc) => yc.bookingUsers.get(),
  "bookingUsers.update": (yc) => yc.bookingUsers.update(body),
  "bookingUsers.changePassword": (yc) => yc.bookingUsers.changePassword(body),
  "bookingUsers.sendPhoneCode": (yc) => yc.bookingUsers.sendPhoneCode({ phone: "79000000000" }),
  "settings.getOnline": (yc) => yc.settings.getOnline(),
  "settings.updateOnline": (yc) => yc.settings.updateOnline(body),
  "settings.getTimetable": (yc) => yc.settings.getTimetable(),
  "settings.updateTimetable": (yc) => yc.settings.updateTimetable(body),
  "companies.list": (yc) => yc.companies.list(),
  "companies.create": (yc) => yc.companies.create(body),
  "companies.get": (yc) => yc.companies.get(),
  "companies.update": (yc) => yc.companies.update(body),
  "companies.delete": (yc) => yc.companies.delete(),
  "chains.list": (yc) => yc.chains.list(),
  "locations.countries": (yc) => yc.locations.countries(),
  "locations.cities": (yc) => yc.locations.cities(),
  "references.businessGroups": (yc) => yc.references.businessGroups(),
  "licenses.get": (yc) => yc.licenses.get(),
  "resources.list": (yc) => yc.resources.list(),
  "timetable.dates": (yc) => yc.timetable.dates("2026-09-30"),
  "timetable.seances": (yc) => yc.timetable.seances(1, "2026-09-30"),
  "positions.list": (yc) => yc.positions.list(),
  "positions.create": (yc) => yc.positions.create(body),
  "positions.update": (yc) => yc.positions.update(1, body),
  "positions.delete": (yc) => yc.positions.delete(1),
  "positions.listForStaff": (yc) => yc.positions.listForStaff(),
  "positions.quickCreate": (yc) => yc.positions.quickCreate(body),
  "staff.list": (yc) => yc.staff.list(),
  "staff.get": (yc) => yc.staff.get(1),
  "staff.quickCreate": (yc) => yc.staff.quickCreate(body),
  "staff.update": (yc) => yc.staff.update(1, body),
  "staff.delete": (yc) => yc.staff.delete(1),
  "staff.createLegacy": (yc) => yc.staff.createLegacy(body),
  "staff.listLegacy": (yc) => yc.staff.listLegacy(),
  "staff.getLegacy": (yc) => yc.staff.getLegacy(1),
  "services.list": (yc) => yc.services.list(),
  "services.get": (yc) => yc.services.get(1),
  "services.create": (yc) => yc.services.create(body),
  "services.update": (yc) => yc.services.update(1, body),
  "services.patch": (yc) => yc.services.patch(1, body),
  "services.delete": (yc) => yc.services.delete(1),
  "services.setLinks": (yc) => yc.services.setLinks(body),
  "services.linkStaff": (yc) => yc.services.linkStaff(1, body),
  "services.updateStaffLink": (yc) => yc.services.updateStaffLink(1, 2, body),
  "services.unlinkStaff": (yc) => yc.services.unlinkStaff(1, 2),
  "services.listLegacy": (yc) => yc.services.listLegacy(),
  "services.getLegacy": (yc) => yc.services.getLegacy(1),
  "services.updateLegacy": (yc) => yc.services.updateLegacy(1, body),
  "serviceCategories.list": (yc) => yc.serviceCategories.list(),
  "serviceCategories.get": (yc) => yc.serviceCategories.get(1),
  "serviceCategories.getPublic": (yc) => yc.serviceCategories.getPublic(1),
  "serviceCategories.create": (yc) => yc.serviceCategories.create(body),
  "serviceCategories.update": (yc) => yc.serviceCategories.update(1, body),
  "serviceCategories.delete": (yc) => yc.serviceCategories.delete(1),
  "serviceCategories.listForChain": (yc) => yc.serviceCategories.listForChain(1),
  "serviceCategories.listLegacy": (yc) => yc.serviceCategories.listLegacy(),
  "serviceCategories.getLegacy": (yc) => yc.serviceCategories.getLegacy(1),
  "staffSchedules.list": (yc) => yc.staffSchedules.list(),
  "staffSchedules.update": (yc) => yc.staffSchedules.update(body),
  "staffSchedules.getLegacy": (yc) => yc.staffSchedules.getLegacy(1, "2026-03-02", "2026-03-08"),
  "staffSchedules.updateLegacy": (yc) => yc.staffSchedules.updateLegacy(1, [] as never),
  "schedules.create": (yc) => yc.schedules.create(body),
  "schedules.search": (yc) => yc.schedules.search("activity", 1),
  "schedules.update": (yc) => yc.schedules.update(1, body),
  "schedules.delete": (yc) => yc.schedules.delete(1),
  "schedules.addClient": (yc) => yc.schedules.addClient(1, body),
  "schedules.updateClient": (yc) => yc.schedules.updateClient(1, 2, body),
  "schedules.removeClient": (yc) => yc.schedules.removeClient(1, 2),
  "schedules.addDays": (yc) => yc.schedules.addDays(1, body),
  "schedules.updateDay": (yc) => yc.schedules.updateDay(1, 2, body),
  "schedules.deleteDay": (yc) => yc.schedules.deleteDay(1, 2),
  "schedules.dayEvents": (yc) => yc.schedules.dayEvents(1, 2),
  "schedules.searchAbonementsForActivity": (yc) => yc.schedules.searchAbonementsForActivity(1),
  "schedules.checkAbonementForActivity": (yc) => yc.schedules.checkAbonementForActivity(1, 2),
};

interface SpecOperation {
  sdk: string;
  method: string;
  path: string;
  userToken: boolean;
  deprecated: boolean;
}

const spec = JSON.parse(readFileSync(join(__dirname, "../../generated/openapi.json"), "utf8"));
const OWNED: SpecOperation[] = [];
for (const [path, item] of Object.entries<Record<string, any>>(spec.paths)) {
  for (const method of ["get", "put", "post", "delete", "patch"]) {
    const op = item[method];
    if (!op) continue;
    const sdk = String(op["x-sdk-method"]);
    if (/^(auth|booking|userRecords)\./.test(sdk)) continue;
    const info = operationTable.find((o) => o.method === method.toUpperCase() && o.path === path);
    OWNED.push({
      sdk,
      method: method.toUpperCase(),
      path,
      userToken: Boolean(info?.userToken),
      deprecated: Boolean(op.deprecated),
    });
  }
}

const pathPattern = (template: string) =>
  new RegExp(`^/api/v1${template.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{[^}]+\}/g, "[^/]+")}$`);

describe("resource coverage", () => {
  it("the table above covers exactly the spec's operations outside auth, booking and userRecords", () => {
    expect(OWNED.length).toBeGreaterThan(70);
    expect(Object.keys(CALLS).sort()).toEqual(OWNED.map((o) => o.sdk).sort());
  });

  it("every x-sdk-method is a function on the client", () => {
    for (const { sdk } of OWNED) {
      const [resource, method] = sdk.split(".");
      expect(typeof (h.yc as unknown as Record<string, Record<string, unknown>>)[resource]?.[method]).toBe("function");
    }
  });

  it.each(OWNED.map((o) => [o.sdk, o] as const))("%s sends its own method and path", async (_name, op) => {
    const { result, sent } = await expectCall(h, op.method, op.path, () => CALLS[op.sdk](h.yc));
    expect(sent.path).toMatch(pathPattern(op.path));
    expect(sent.authorization).toBe("Bearer partner-res-1, User user-res-1");
    expect(result).toMatchObject({ success: true });
  });

  const companyScoped = OWNED.filter((o) => o.path.includes("{company_id}") || o.path === "/company/{id}/");
  it.each(companyScoped.map((o) => [o.sdk] as const))("%s without a company id fails before sending", async (sdk) => {
    await expectNothingSent(h, () => CALLS[sdk](h.noCompany), YclientsConfigError);
  });

  const needUser = OWNED.filter((o) => o.userToken);
  it.each(needUser.map((o) => [o.sdk] as const))("%s without a user token fails before sending", async (sdk) => {
    await expectNothingSent(h, () => CALLS[sdk](h.partner), YclientsConfigError);
  });

  it("marks exactly the deprecated operations' methods @deprecated, naming a replacement", () => {
    for (const { sdk, deprecated } of OWNED) {
      const [resource, method] = sdk.split(".");
      const file = resource.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
      const source = readFileSync(join(__dirname, `../../src/resources/${file}.ts`), "utf8");
      const doc = new RegExp(`/\\*\\*((?:(?!\\*/)[\\s\\S])*)\\*/\\s*async ${method}\\(`).exec(source);
      expect(doc).not.toBeNull();
      const text = doc![1];
      if (deprecated) expect(text).toMatch(/@deprecated Use yc\.\w+\.\w+\(\)/);
      else expect(text).not.toContain("@deprecated");
    }
  });

  it("the config error names the missing user token and how to give one", async () => {
    await expect(h.partner.staff.list()).rejects.toThrow(/needs a user token/);
    await expect(h.noCompany.staff.list()).rejects.toThrow(/No company id/);
  });
});
