// The CLI's own secret registry: the values it adds for masking, on top of the SDK's redaction. Each test makes
// one registered value reach stderr by a path the SDK does not mask (a config error quoting a URL path, a
// success answer the CLI prints), so it fails as soon as that registration is removed.
import { useCli } from "./cli-harness";
import { json, ok, useServer } from "../helpers/scripted-server";

const cli = useCli();
const server = useServer();

const PARTNER = "partner-REGISTRY-secret-1";
const env = () => ({ YCLIENTS_PARTNER_TOKEN: PARTNER, YCLIENTS_BASE_URL: server.url });

/** A two-factor challenge whose recipient is whatever a hostile or echoing server chose to put there. */
const challenge = (uuid: string, recipient: string) =>
  ok({ uuid, flow: "sms", transport: { type: "sms", recipient }, attempts_left: 3 });
interface TwoFactorStep {
  uuid: string;
  secret: string;
}
const signedIn = ok({ id: 1, user_token: "user-REGISTRY-token", name: "Staff" }, []);

describe("the CLI masks the secrets it registers", () => {
  it("the partner token, quoted by the config error of an invalid base URL", async () => {
    // The token sits in the URL's path, which the SDK's own masking of config URLs keeps readable.
    const run = await cli.run(["call", "GET", "/countries"], {
      env: { YCLIENTS_PARTNER_TOKEN: PARTNER, YCLIENTS_BASE_URL: `http://bad host/${PARTNER}` },
    });
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('baseUrl is not a valid URL: "http://bad host/[REDACTED]"');
    expect(run.stderr).not.toContain(PARTNER);
    expect(run.stdout).not.toContain(PARTNER);
  });

  it("the password, echoed by the server in the two-factor challenge the CLI prints", async () => {
    const password = "pass-REGISTRY-secret-2";
    server.handle((req, res, i) => {
      const body = JSON.parse(req.body) as { password: string };
      json(res, i === 0 ? 200 : 201, i === 0 ? challenge("uuid-1", `+7 ${body.password}`) : signedIn);
    });
    const run = await cli.run(["login", "--login", "staff@example.com"], {
      env: env(),
      input: `${password}\n123456\n`,
    });
    expect(run.code).toBe(0);
    expect(server.seen).toHaveLength(2);
    expect(run.stderr).toContain("a code was sent to +7 [REDACTED]");
    expect(run.stderr).not.toContain(password);
  });

  // The SDK masks what a request sent wherever it appears in an error's body and message, but the request id is
  // the server's own header, printed as it came: here the server echoes the code, then the uuid, in it.
  it.each([
    ["the two-factor code", "493817", (sent: TwoFactorStep) => sent.secret],
    ["the challenge's uuid", "uuid-REGISTRY-secret-3", (sent: TwoFactorStep) => sent.uuid],
  ])("%s, echoed by the server in the request id of a refused code", async (_what, secret, echoed) => {
    server.handle((req, res, i) => {
      if (i === 0) return json(res, 200, challenge("uuid-REGISTRY-secret-3", "+7 999 *** ** 11"));
      const sent = (JSON.parse(req.body) as { "2fa": TwoFactorStep })["2fa"];
      json(
        res,
        422,
        { success: false, data: { attempts_left: 0 }, meta: { message: "wrong code" } },
        { "x-request-id": `echo ${echoed(sent)}` },
      );
    });
    const run = await cli.run(["login", "--login", "staff@example.com"], {
      env: env(),
      input: `any-password\n493817\n`,
    });
    expect(run.code).not.toBe(0);
    expect(server.seen).toHaveLength(2);
    expect(run.stderr).toContain("YclientsValidationError (HTTP 422, request id echo [REDACTED])");
    expect(run.stderr).not.toContain(secret);
  });
});
