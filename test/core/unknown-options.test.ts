// Unknown option keys are refused at run time in every place that takes options, with a
// "did you mean": what TypeScript refuses at compile time, JavaScript callers and casts get as a clear error.
import { YclientsClient, YclientsConfigError } from "../../src/index";
import { json, ok, useServer } from "../helpers/scripted-server";

const server = useServer((_req, res) => json(res, 200, ok([])));

const base = () => ({ partnerToken: "p", baseUrl: server.url, companyId: 4564, rateLimit: false as const });
const loose = (value: object) => value as never; // what a JavaScript caller passes

describe("unknown options are refused with a suggestion", () => {
  it("in the constructor", () => {
    expect(() => new YclientsClient(loose({ ...base(), timeout: 5 }))).toThrow(YclientsConfigError);
    expect(() => new YclientsClient(loose({ ...base(), timeout: 5 }))).toThrow(
      /new YclientsClient\(\) does not take "timeout"; did you mean "timeoutMs"\?/,
    );
    expect(() => new YclientsClient(loose({ ...base(), retry: { maxTry: 9 } }))).toThrow(
      /retry does not take "maxTry"; did you mean "maxTries"\?/,
    );
    expect(() => new YclientsClient(loose({ ...base(), circuitBreaker: { failure: 2 } }))).toThrow(
      /circuitBreaker does not take "failure"; did you mean "failures"\?/,
    );
    expect(() => new YclientsClient(loose({ ...base(), rateLimit: { maxQueu: 2 } }))).toThrow(
      /rateLimit does not take "maxQueu"; did you mean "maxQueue"\?/,
    );
  });

  it("in withOptions()", () => {
    const yc = new YclientsClient(base());
    expect(() => yc.withOptions(loose({ timeout: 5 }))).toThrow(
      /withOptions\(\) does not take "timeout"; did you mean "timeoutMs"\?/,
    );
    expect(() => yc.withOptions(loose({ retry: { maxTry: 2 } }))).toThrow(/did you mean "maxTries"/);
  });

  it("per call, friendly and typed, before anything is sent", async () => {
    const yc = new YclientsClient(base());
    await expect(yc.booking.dates(undefined, loose({ timeout: 5 }))).rejects.toThrow(
      /options of GET \/book_dates\/\{company_id\} does not take "timeout"; did you mean "timeoutMs"\?/,
    );
    await expect(yc.booking.dates(undefined, loose({ retry: { maxTry: 2 } }))).rejects.toThrow(
      /did you mean "maxTries"/,
    );
    await expect(yc.records.iterate(undefined, loose({ pageSiz: 10 })).next()).rejects.toThrow(
      /did you mean "pageSize"/,
    );
    // A method that works on no company takes no companyId.
    await expect(yc.booking.i18n("ru", undefined, loose({ companyId: 1 }))).rejects.toThrow(
      /does not take "companyId"/,
    );
    await expect(
      yc.GET("/book_dates/{company_id}", loose({ params: { path: { company_id: 1 } }, timeout: 5 })),
    ).rejects.toThrow(/GET \/book_dates\/\{company_id\} does not take "timeout"; did you mean "timeoutMs"\?/);
    expect(server.seen).toHaveLength(0);
    // Known options still pass.
    await yc.booking.dates(undefined, { companyId: 7, timeoutMs: 1000, retry: { maxTries: 1 } });
    await yc.GET("/book_dates/{company_id}", { params: { path: { company_id: 7 } }, timeoutMs: 1000 });
    expect(server.seen.map((s) => s.url)).toEqual(["/api/v1/book_dates/7", "/api/v1/book_dates/7"]);
  });
});
