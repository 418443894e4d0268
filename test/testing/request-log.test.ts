// sim.requests: what arrived, with secrets redacted, bounded in size.
import { redactBody, redactHeaders } from "../../src/testing/request-log";
import { call, start, tokens } from "../helpers/simulator";

test("secret body fields and headers are masked at any depth", () => {
  expect(
    redactBody({ login: "a", password: "p", nested: [{ user_token: "t", code: 1234, note: "ok" }], code_list: [1] }),
  ).toEqual({
    login: "a",
    password: "[REDACTED]",
    nested: [{ user_token: "[REDACTED]", code: "[REDACTED]", note: "ok" }],
    code_list: [1],
  });
  expect(redactHeaders({ authorization: "Bearer a, User b", cookie: "s=1", accept: "x" })).toEqual({
    authorization: "Bearer [REDACTED], User [REDACTED]",
    cookie: "[REDACTED]",
    accept: "x",
  });
});

test("requests are recorded with method, path, query, headers, body and status, and never a token", async () => {
  const sim = await start({ partnerToken: "partner-secret-value" });
  try {
    const { staff } = tokens(sim);
    const user = sim.state.staffUsers[0];
    await call(sim, "POST", "/auth", { body: { login: user.login, password: user.password } });
    await call(sim, "GET", `/company/${sim.state.companies[0].id}/staff/`, {
      user: staff,
      query: { x: "1", "ids[]": [1, 2] },
    });
    await call(sim, "POST", "/user/auth", { body: { phone: "79000000000", code: "1234" } });
    await call(sim, "POST", "/book_code/1", { rawBody: "{oops" });

    expect(sim.requests).toHaveLength(4);
    const [auth, list, sms, broken] = sim.requests;
    expect(auth).toMatchObject({
      method: "POST",
      path: "/auth",
      route: "POST /auth",
      operationId: "authUser",
      status: 201,
    });
    expect(auth.body).toEqual({ login: user.login, password: "[REDACTED]" });
    expect(auth.headers.authorization).toBe("Bearer [REDACTED]");
    expect(list.headers.authorization).toBe("Bearer [REDACTED], User [REDACTED]");
    expect(list.query).toEqual({ x: "1", "ids[]": ["1", "2"] });
    expect(list.status).toBe(200);
    expect(typeof list.time).toBe("number");
    expect(sms.body).toEqual({ phone: "79000000000", code: "[REDACTED]" });
    expect(broken.body).toMatch(/unparsable/);
    expect(broken.status).toBe(400);
    expect(new Set(sim.requests.map((r) => r.id)).size).toBe(4);

    const dump = JSON.stringify(sim.requests);
    for (const secret of ["partner-secret-value", staff, user.password, "1234"]) expect(dump).not.toContain(secret);

    sim.clearRequests();
    expect(sim.requests).toHaveLength(0);
    await call(sim, "GET", "/countries");
    expect(sim.requests).toHaveLength(1);
  } finally {
    await sim.close();
  }
});

test("the log keeps only the newest maxLoggedRequests entries", async () => {
  const sim = await start({ maxLoggedRequests: 3 });
  try {
    for (let i = 0; i < 5; i++) await call(sim, "GET", "/countries", { query: { n: i } });
    expect(sim.requests.map((r) => r.query.n)).toEqual(["2", "3", "4"]);
  } finally {
    await sim.close();
  }
});
