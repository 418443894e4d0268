// Authorization and Accept handling, and the tokens the auth operations hand out.
import { redactAuthorization } from "../../src/redact";
import { acceptsV2, parseAuthorization } from "../../src/testing/request-headers";
import type { YclientsSimulator } from "../../src/testing/index";
import { call, start, tokens } from "../helpers/simulator";

let sim: YclientsSimulator;
beforeAll(async () => {
  sim = await start({
    partnerToken: "partner-abc",
    users: [
      { login: "79001230000", password: "s3cret", name: "Ирина Админова" },
      { login: "admin@example.com", password: "pw", token: "fixed-user-token" },
    ],
  });
});
afterAll(() => sim.close());

describe("header parsing", () => {
  test.each([
    ["Bearer p", { partner: "p", user: undefined }],
    ["Bearer p, User u", { partner: "p", user: "u" }],
    ["Bearer p,User u", { partner: "p", user: "u" }],
    ["  bearer   p ,  user   u  ", { partner: "p", user: "u" }],
  ])("%j", (header, expected) => {
    expect(parseAuthorization(header)).toEqual(expected);
  });
  test.each([[""], ["Basic abc"], ["Bearer"], ["Bearer p, Admin u"], ["Bearer p u"]])("rejects %j", (header) => {
    expect(parseAuthorization(header)).toBeUndefined();
  });
  test("redaction keeps the scheme words only", () => {
    expect(redactAuthorization("Bearer p, User u")).toBe("Bearer [REDACTED], User [REDACTED]");
    expect(redactAuthorization("Bearer p")).toBe("Bearer [REDACTED]");
    expect(redactAuthorization("Token xyz")).toBe("[REDACTED]");
  });
  test("Accept must select the v2 format", () => {
    expect(acceptsV2("application/vnd.yclients.v2+json")).toBe(true);
    expect(acceptsV2("application/vnd.api.v2+json")).toBe(true);
    expect(acceptsV2("application/json, application/vnd.yclients.v2+json;q=0.9")).toBe(true);
    expect(acceptsV2("application/json")).toBe(false);
    expect(acceptsV2(undefined)).toBe(false);
  });
});

describe("over HTTP", () => {
  const staffPath = () => `/company/${sim.state.companies[0].id}/staff/`;

  test("partner token: missing or wrong is 401 in the errors shape", async () => {
    for (const authorization of [null, "Bearer wrong", "Basic partner-abc", "partner-abc"]) {
      const res = await call(sim, "GET", `/book_services/${sim.state.companies[0].id}`, { authorization });
      expect(res.status).toBe(401);
      expect(res.body).toEqual({
        errors: { code: 401, message: expect.any(String) },
        meta: { message: expect.any(String) },
      });
    }
  });

  test("both documented Accept values work; anything else is refused", async () => {
    const path = `/book_services/${sim.state.companies[0].id}`;
    expect((await call(sim, "GET", path, { accept: "application/vnd.api.v2+json" })).status).toBe(200);
    const res = await call(sim, "GET", path, { accept: null });
    expect(res.status).toBe(400);
    expect(res.body.meta.message).toContain("Accept");
  });

  test("a user token is required where the spec says so, and must be one the simulator knows", async () => {
    expect((await call(sim, "GET", staffPath())).status).toBe(401);
    expect((await call(sim, "GET", staffPath(), { user: "made-up" })).status).toBe(401);
    expect((await call(sim, "GET", staffPath(), { user: "fixed-user-token" })).status).toBe(200);
    expect(
      (await call(sim, "GET", staffPath(), { authorization: "Bearer partner-abc,User fixed-user-token" })).status,
    ).toBe(200);
  });

  test("POST /auth issues a token that is then accepted; a wrong password is 401", async () => {
    const bad = await call(sim, "POST", "/auth", { body: { login: "79001230000", password: "nope" } });
    expect(bad.status).toBe(401);
    const res = await call(sim, "POST", "/auth", { body: { login: "+7 (900) 123-00-00", password: "s3cret" } });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({
      name: "Ирина Админова",
      login: "79001230000",
      user_token: expect.any(String),
    });
    expect((await call(sim, "GET", staffPath(), { user: res.body.data.user_token })).status).toBe(200);
    const byMail = await call(sim, "POST", "/auth", { body: { login: "ADMIN@example.com", password: "pw" } });
    expect(byMail.body.data.user_token).toBe("fixed-user-token");
  });

  test("a booking client's token works on the client's operations but not on staff ones", async () => {
    const client = sim.state.bookingUsers[0];
    const res = await call(sim, "POST", "/booking/auth", { body: { login: client.login, password: client.password } });
    expect(res.status).toBe(201);
    expect(res.body.data.user_token).toBe(client.token);
    expect((await call(sim, "GET", "/booking/user/data", { user: client.token })).body.data).toMatchObject({
      phone: client.phone,
    });
    const staff = await call(sim, "GET", staffPath(), { user: client.token });
    expect(staff.status).toBe(403);
    expect(staff.body).toMatchObject({ success: false, data: null, meta: { message: expect.any(String) } });
  });

  test("changing the client's password replaces the token", async () => {
    const client = sim.state.bookingUsers[1];
    const old = client.token;
    const res = await call(sim, "PUT", "/booking/user/password", {
      user: old,
      body: { old_password: client.password, new_password: "n3w" },
    });
    expect(res.status).toBe(200);
    expect(res.body.data.user_token).not.toBe(old);
    expect((await call(sim, "GET", "/booking/user/data", { user: old })).status).toBe(401);
    expect((await call(sim, "GET", "/booking/user/data", { user: res.body.data.user_token })).status).toBe(200);
  });

  test("default users and seeded clients are usable without configuration", async () => {
    const plain = await start();
    try {
      const { staff, client } = tokens(plain);
      expect((await call(plain, "GET", `/company/${plain.state.companies[0].id}/staff/`, { user: staff })).status).toBe(
        200,
      );
      expect((await call(plain, "GET", "/booking/user/data", { user: client })).status).toBe(200);
    } finally {
      await plain.close();
    }
  });
});
