import { YclientsConfigError } from "../../src/index";
import { expectCall, expectNothingSent, useHarness, WITH_USER } from "./harness";

const h = useHarness();

describe("yc.bookingUsers", () => {
  it("get() reads the signed-in client's profile with the user token", async () => {
    const { result, example, sent } = await expectCall(h, "GET", "/booking/user/data", () => h.yc.bookingUsers.get());
    expect(sent.path).toBe("/api/v1/booking/user/data");
    expect(sent.authorization).toBe(WITH_USER);
    expect(result.data.id).toBe(example.data.id);
    expect(result.data.phone).toBe("79161234567");
  });

  it("update() PUTs the profile change and surfaces the 202 meta message", async () => {
    const body = { name: "Анна Смирнова", phone: "79161234568", confirmation_code: "1234" };
    const { result, sent } = await expectCall(h, "PUT", "/booking/user", () => h.yc.bookingUsers.update(body));
    expect(sent.path).toBe("/api/v1/booking/user");
    expect(sent.body).toEqual(body);
    expect(sent.authorization).toBe(WITH_USER);
    expect(result.status).toBe(202);
    expect(result.meta.message).toBe("Accepted");
  });

  it("changePassword() PUTs both passwords and returns the new token", async () => {
    const body = { old_password: "old-pass-1", new_password: "new-pass-2" };
    const { result, sent } = await expectCall(h, "PUT", "/booking/user/password", () =>
      h.yc.bookingUsers.changePassword(body, { userToken: "per-call-token" }),
    );
    expect(sent.path).toBe("/api/v1/booking/user/password");
    expect(sent.body).toEqual(body);
    expect(sent.authorization).toBe("Bearer partner-res-1, User per-call-token");
    expect(result.data.user_token).toBe("example_new_user_token");
  });

  it("sendPhoneCode() sends phone and company_id in the query string", async () => {
    const { result, sent } = await expectCall(h, "GET", "/booking/user/phone_confirmation", () =>
      h.yc.bookingUsers.sendPhoneCode({ phone: "79161234568", company_id: 4564 }),
    );
    expect(sent.path).toBe("/api/v1/booking/user/phone_confirmation");
    expect(sent.query).toEqual({ phone: "79161234568", company_id: "4564" });
    expect(sent.body).toBeUndefined();
    expect(result.status).toBe(202);
  });

  it("sendPhoneCode() refuses a missing phone before sending", async () => {
    await expectNothingSent(
      h,
      () => h.yc.bookingUsers.sendPhoneCode({ company_id: 4564 } as unknown as { phone: string }),
      YclientsConfigError,
    );
  });

  it("every operation needs the client's user token", async () => {
    await expectNothingSent(h, () => h.partner.bookingUsers.get(), YclientsConfigError);
    await expectNothingSent(
      h,
      () => h.partner.bookingUsers.sendPhoneCode({ phone: "79161234568" }),
      YclientsConfigError,
    );
  });
});
