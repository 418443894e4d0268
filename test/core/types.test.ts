// Type-level checks: `make typecheck` (tsc over test/) fails if a @ts-expect-error line stops being an error.
// The runtime part makes sure the calls really behave as their types say.
import { YclientsClient, type YclientsResponse } from "../../src/index";
import { json, ok, useServer } from "../helpers/scripted-server";

const server = useServer((_req, res) => json(res, 200, ok([{ id: "16", name: "Ирина" }])));

describe("types follow raiseClientErrors", () => {
  it("a raising client's data needs no null check; a lenient one's does", async () => {
    const raising = new YclientsClient({ partnerToken: "p", baseUrl: server.url, companyId: 1 });
    const lenient = new YclientsClient({
      partnerToken: "p",
      baseUrl: server.url,
      companyId: 1,
      raiseClientErrors: false,
    });

    const typed = await raising.GET("/book_staff/{company_id}", { params: { path: { company_id: 1 } } });
    const name: string = typed.data.data[0].name; // no `?.`: data is never undefined here
    expect(name).toBe("Ирина");

    const loose = await lenient.GET("/book_staff/{company_id}", { params: { path: { company_id: 1 } } });
    // @ts-expect-error data may be undefined when client errors are returned
    expect(loose.data.data[0].name).toBe("Ирина");

    const friendly = await raising.booking.staff();
    const staffName: string = friendly.data[0].name;
    expect(staffName).toBe("Ирина");

    const lenientFriendly = await lenient.booking.staff();
    // @ts-expect-error data is null on a returned failure, so it must be narrowed by `success`
    expect(lenientFriendly.data[0].name).toBe("Ирина");
    if (lenientFriendly.success) expect(lenientFriendly.data[0].name).toBe("Ирина");
  });

  it("answers are closed: a misspelled field is a compile error, and ids chain into the next call", async () => {
    const yc = new YclientsClient({ partnerToken: "p", baseUrl: server.url, companyId: 1 });
    const staff = await yc.booking.staff();
    const first = staff.data[0];
    // @ts-expect-error `nmae` is not a field of a bookable staff member
    expect(first.nmae).toBeUndefined();
    expect(first.name).toBe("Ирина");
    // The list sends the id as a string; the next call takes it as it is, no Number() needed.
    const unusedChain = () => yc.booking.times(first.id, "2026-12-01");
    expect(typeof unusedChain).toBe("function");
    // Same for the typed client's answer.
    const typed = await yc.GET("/book_staff/{company_id}", { params: { path: { company_id: 1 } } });
    // @ts-expect-error misspelled field of a typed answer
    expect(typed.data.data[0].nmae).toBeUndefined();
  });

  it("paths, parameters and bodies are checked", () => {
    const yc = new YclientsClient({ partnerToken: "p", baseUrl: server.url });
    const unused = () => {
      // @ts-expect-error unknown path
      void yc.GET("/book_staffs/{company_id}", { params: { path: { company_id: 1 } } });
      // @ts-expect-error the path parameter is required
      void yc.GET("/book_staff/{company_id}", { params: { path: {} } });
      // @ts-expect-error a misspelled call option (timeoutMs) is rejected, as friendly methods do
      void yc.GET("/book_staff/{company_id}", { params: { path: { company_id: 1 } }, timeout: 100 });
      // Known options of the SDK and of openapi-fetch are accepted.
      void yc.GET("/book_staff/{company_id}", { params: { path: { company_id: 1 } }, timeoutMs: 100, userToken: "u" });
      // @ts-expect-error POST /auth needs login and password
      void yc.POST("/auth", { body: { login: "x" } });
      // @ts-expect-error a friendly method's id is a number or a string of digits, nothing else
      void yc.booking.times({ id: 16 }, "2026-12-01");
      // @ts-expect-error request bodies are strict: no unknown fields
      void yc.booking.check({ appointments: [], unknown_field: 1 });
      // @ts-expect-error a misspelled client option is rejected at compile time too
      void new YclientsClient({ partnerToken: "p", timeout: 100 });
      // @ts-expect-error withOptions() takes only what a derived client may change
      void yc.withOptions({ timeout: 100 });
      // @ts-expect-error nor what stays shared with the client it derives from
      void yc.withOptions({ baseUrl: "https://api.alteg.io/api/v1" });
      // @ts-expect-error a friendly method's call options are checked too
      void yc.booking.dates(undefined, { timeout: 100 });
    };
    expect(typeof unused).toBe("function");
    const response: YclientsResponse<number> = {
      success: true,
      data: 1,
      meta: {},
      status: 200,
      headers: new Headers(),
    };
    expect(response.data).toBe(1);
  });
});
