// Two-factor staff sign-in against the simulator: the challenge is not a token, a wrong code costs an
// attempt, the right one gives the token, and no code, password or uuid reaches an error or a log line.
import { inspect } from "node:util";
import { setDebugNamespaces, setDebugSink } from "../../src/log";
import { YclientsClient, YclientsValidationError, YclientsAuthError, isTwoFactorChallenge } from "../../src/index";
import { DEFAULT_PARTNER_TOKEN, startYclientsSimulator, type YclientsSimulator } from "../../src/testing";

const LOGIN = "79000000002";
const PASSWORD = "sim-2fa-password";

let sim: YclientsSimulator;
const lines: string[] = [];
beforeAll(async () => {
  sim = await startYclientsSimulator({ seed: 1, rateLimit: false });
  setDebugSink((line) => lines.push(line));
  setDebugNamespaces("yclients:*");
});
afterAll(async () => {
  setDebugNamespaces("");
  setDebugSink(undefined);
  await sim.close();
});

const client = () =>
  new YclientsClient({ partnerToken: DEFAULT_PARTNER_TOKEN, baseUrl: sim.url, retry: false, rateLimit: false });

describe("two-factor staff sign-in", () => {
  it("friendly: challenge, a wrong code, then the right code gives a working token", async () => {
    const yc = client();
    const first = await yc.auth.getUserToken({ login: LOGIN, password: PASSWORD });
    expect(first.status).toBe(200);
    if (!isTwoFactorChallenge(first.data)) throw new Error("expected a challenge");
    const challenge = first.data;
    expect(challenge).toMatchObject({ flow: "sms", attempts_left: 3, transport: { type: "sms" } });
    expect("user_token" in challenge).toBe(false);

    const wrongCode = sim.state.twoFactorCode === "111111" ? "222222" : "111111";
    const wrong = await yc.auth
      .completeTwoFactor({ login: LOGIN, password: PASSWORD, challenge, code: wrongCode })
      .catch((e) => e);
    expect(wrong).toBeInstanceOf(YclientsValidationError);
    expect(wrong.body.data.attempts_left).toBe(2);

    const done = await yc.auth.completeTwoFactor({
      login: LOGIN,
      password: PASSWORD,
      challenge,
      code: sim.state.twoFactorCode,
    });
    expect(done.status).toBe(201);
    const token = done.data.user_token;
    expect(sim.state.staffUsers.find((u) => u.login === LOGIN)?.token).toBe(token);
    // The token works for an operation that needs one.
    await expect(yc.withUserToken(token).GET("/groups")).resolves.toMatchObject({ data: { success: true } });

    // Nothing secret in the wrong-code error or the log lines.
    const shown = [wrong.message, wrong.stack, JSON.stringify(wrong), inspect(wrong, { depth: 10 }), ...lines].join(
      "\n",
    );
    for (const secret of [PASSWORD, wrongCode, sim.state.twoFactorCode, challenge.uuid]) {
      expect(shown).not.toContain(secret);
    }
    const logged = JSON.stringify(sim.requests.filter((r) => r.path === "/auth"));
    for (const secret of [PASSWORD, wrongCode, sim.state.twoFactorCode, challenge.uuid]) {
      expect(logged).not.toContain(secret);
    }
  });

  it("typed: POST /auth types the answer as a token or a challenge; the last wrong code spends the challenge", async () => {
    const yc = client();
    const { data, response } = await yc.POST("/auth", { body: { login: LOGIN, password: PASSWORD } });
    expect(response.status).toBe(200);
    if (!isTwoFactorChallenge(data.data)) throw new Error("expected a challenge");
    const uuid = data.data.uuid;
    const attempt = (secret: string) =>
      yc.POST("/auth", { body: { login: LOGIN, password: PASSWORD, "2fa": { uuid, secret } } }).catch((e) => e);
    const lefts = [];
    for (let i = 0; i < 3; i++) lefts.push((await attempt("000000")).body.data.attempts_left);
    expect(lefts).toEqual([2, 1, 0]);
    // Spent: even the right code needs a new sign-in now.
    await expect(attempt(sim.state.twoFactorCode)).resolves.toBeInstanceOf(YclientsAuthError);
  });

  it("a user without two-factor sign-in still gets the token at once", async () => {
    const { data, status } = await client().auth.getUserToken({ login: "79000000001", password: "sim-admin-password" });
    expect(status).toBe(201);
    expect(isTwoFactorChallenge(data)).toBe(false);
    if (isTwoFactorChallenge(data)) throw new Error("unexpected challenge");
    expect(typeof data.user_token).toBe("string");
  });
});
