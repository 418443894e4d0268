// Ids and dates chain from one answer into the next call with no cast: the five chains a
// first booking program writes compile as they are (tsc over test/), and at run time the SDK sends them in the
// form each request schema asks for (digit strings as numbers where the schema says integer, dates as strings).
import { formatYclientsDate, YclientsClient, YclientsConfigError } from "../../src/index";
import { json, ok, useServer } from "../helpers/scripted-server";

const server = useServer((_req, res) => json(res, 200, ok(null)));

const client = () =>
  new YclientsClient({
    partnerToken: "p",
    userToken: "u",
    baseUrl: server.url,
    companyId: 4564,
    retry: false,
    rateLimit: false,
  });

/** The five chains of the issue, written as a newcomer writes them: answers straight into the next call. */
async function chains(yc: YclientsClient): Promise<void> {
  const staff = await yc.booking.staff();
  const services = await yc.booking.services();
  const service = services.data.services![0];
  // 1. a list's id into a query field
  const dates = await yc.booking.dates({ staff_id: staff.data[0].id, service_ids: [service.id] });
  // 2. the API's own date (it has sent Unix seconds) into a date path argument
  const slots = await yc.booking.times(staff.data[0].id, dates.data.booking_dates[0]);
  const slot = slots.data[0];
  // 3. ids inside a body's array items
  await yc.booking.createRecord({
    phone: "79161234567",
    fullname: "Анна",
    appointments: [{ id: 1, services: [service.id], staff_id: staff.data[0].id, datetime: slot.datetime }],
  });
  // 4. a slot's datetime into a record
  await yc.records.create({
    staff_id: staff.data[0].id,
    services: [{ id: service.id }],
    client: { phone: "79161234567", name: "Анна" },
    datetime: slot.datetime,
    seance_length: slot.seance_length ?? 3600,
  });
  // 5. an id deep inside a body
  const accounts = await yc.accounts.list();
  const document = 7;
  await yc.sales.pay(document, {
    payment: { method: { slug: "account", account_id: accounts.data[0].id }, amount: 100 },
  });
}

describe("ids and dates chain everywhere", () => {
  it("the five chains compile with no cast", () => {
    expect(typeof chains).toBe("function");
  });

  it("params and options stay strict: a misspelled key or a positional company id is a compile error", () => {
    const yc = client();
    const unused = () => {
      // @ts-expect-error `staf_id` is not a parameter of booking.dates
      void yc.booking.dates({ staf_id: 1 });
      // @ts-expect-error the company id is an option, never positional
      void yc.booking.dates({ staff_id: 1 }, 7);
      // @ts-expect-error a misspelled option
      void yc.booking.dates(undefined, { timeout: 5 });
      // @ts-expect-error an id that is neither a number nor a string
      void yc.booking.dates({ staff_id: { id: 1 } });
      // @ts-expect-error a method that works on no company takes no companyId
      void yc.booking.i18n("ru", undefined, { companyId: 1 });
    };
    expect(typeof unused).toBe("function");
  });

  it("a digit-string id is sent as a number where the body schema says integer, nested ones too", async () => {
    const yc = client();
    await yc.booking.createRecord({
      phone: "79161234567",
      fullname: "Анна",
      appointments: [{ id: 1, services: [1], staff_id: "16", datetime: "2026-12-01T10:00:00+03:00" }],
    });
    await yc.sales.pay("9", { payment: { method: { slug: "account", account_id: "31" }, amount: 100 } });
    const [book, pay] = server.seen.map((s) => JSON.parse(s.body));
    expect(book.appointments[0].staff_id).toBe(16);
    expect(pay.payment.method.account_id).toBe(31);
    expect(server.seen[1].url).toBe("/api/v1/company/4564/sale/9/payment");
  });

  it("the caller's params object is not changed", async () => {
    const params = {
      staff_id: "16",
      services: [{ id: 1 }],
      client: { phone: "7", name: "x" },
      datetime: "2026-12-01T10:00:00+03:00",
      seance_length: 3600,
    };
    await client().records.create(params);
    expect(params.staff_id).toBe("16");
    expect(JSON.parse(server.seen[0].body).staff_id).toBe(16);
  });

  it("a date argument takes YYYY-MM-DD, an ISO datetime, a Date and Unix seconds (the day in Moscow)", async () => {
    const yc = client();
    await yc.booking.times(16, "2026-12-01");
    await yc.booking.times(16, "2026-12-01T23:30:00+03:00");
    await yc.booking.times(16, new Date(2026, 11, 1, 12));
    // 2026-11-30T22:30:00Z is already 1 December in Moscow (UTC+3).
    await yc.booking.times(16, Date.UTC(2026, 10, 30, 22, 30) / 1000);
    expect(server.seen.map((s) => s.url)).toEqual(Array(4).fill("/api/v1/book_times/4564/16/2026-12-01"));
  });

  it("formatYclientsDate writes Unix seconds in the company's zone (Moscow by default) and keeps strings as written", () => {
    const seconds = Date.UTC(2026, 10, 30, 22, 30) / 1000;
    expect(seconds).toBe(1796077800);
    expect(formatYclientsDate(seconds, "date")).toBe("2026-12-01");
    expect(formatYclientsDate(seconds, "date-time")).toBe("2026-12-01T01:30:00+03:00");
    expect(formatYclientsDate(seconds, "date", { timeZone: "+05:00" })).toBe("2026-12-01");
    expect(formatYclientsDate(seconds, "date-time", { timeZone: "UTC" })).toBe("2026-11-30T22:30:00+00:00");
    expect(formatYclientsDate("2026-12-01T10:00:00+03:00", "date")).toBe("2026-12-01");
    expect(formatYclientsDate("2026-12-01 10:00:00", "date-time")).toBe("2026-12-01 10:00:00");
    expect(formatYclientsDate("2026-02-30", "date")).toBeUndefined();
    expect(formatYclientsDate(new Date(Number.NaN), "date")).toBeUndefined();
    expect(formatYclientsDate({}, "date")).toBeUndefined();
  });

  it("date query parameters take the same forms", async () => {
    await client().analytics.overall({ date_from: Date.UTC(2026, 10, 30, 22, 30) / 1000, date_to: "2026-12-31" });
    expect(server.seen[0].url).toBe("/api/v1/company/4564/analytics/overall/?date_from=2026-12-01&date_to=2026-12-31");
  });

  it("a bad id or date is refused before sending, quoting what it got", async () => {
    const yc = client();
    await expect(yc.booking.times("abc", "2026-12-01")).rejects.toThrow(
      'staffId must be a positive integer, got "abc"',
    );
    await expect(yc.booking.times(" 12", "2026-12-01")).rejects.toThrow('got " 12"');
    await expect(yc.booking.times(-5, "2026-12-01")).rejects.toThrow("got -5");
    await expect(yc.booking.times(1.5, "2026-12-01")).rejects.toThrow("got 1.5");
    await expect(yc.booking.times(16, "2026-13-45")).rejects.toThrow(/^date must be a date .*, got "2026-13-45"$/);
    await expect(yc.analytics.overall({ date_from: "2026-02-30" })).rejects.toBeInstanceOf(YclientsConfigError);
    expect(server.seen).toHaveLength(0);
  });
});
