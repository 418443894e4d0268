// Configuration errors quote what was wrong, but never a secret: a URL's credentials and query values are
// masked, and a header "name" that carries a value is quoted only up to where it stops being a name.
import { inspect } from "node:util";
import { YclientsClient, YclientsConfigError, YclientsTypedClient } from "../../src/index";
import { redactConfigUrl } from "../../src/redact";

const SECRET = /CONFIG-secret/;

function configError(make: () => unknown): YclientsConfigError {
  try {
    make();
  } catch (error) {
    expect(error).toBeInstanceOf(YclientsConfigError);
    return error as YclientsConfigError;
  }
  throw new Error("expected a YclientsConfigError");
}

const shown = (error: Error) => [error.message, error.stack, JSON.stringify(error), inspect(error)].join("\n");

describe("an invalid baseUrl is quoted with its secrets masked", () => {
  it.each([
    ["query value", "https://api example.com/api/v1?partner_token=CONFIG-secret-1", "?partner_token=[REDACTED]"],
    [
      "every query value, whatever its name",
      "http://bad host/v1?a=CONFIG-secret-1&key=CONFIG-secret-2;x=CONFIG-secret-3",
      "?a=[REDACTED]&key=[REDACTED];x=[REDACTED]",
    ],
    ["a bare query item", "http://bad host/v1?CONFIG-secret-1", "/v1?[REDACTED]"],
    ["a fragment", "http://bad host/v1#access_token=CONFIG-secret-1", "#access_token=[REDACTED]"],
    ["userinfo", "https://me:CONFIG-secret-1@bad host/api/v1", "https://[REDACTED]@bad host/api/v1"],
    ["userinfo with an @ in the password", "https://me:CONFIG@secret-1@bad host/", "https://[REDACTED]@bad host/"],
    ["userinfo without a scheme", "//me:CONFIG-secret-1@bad host/", "//[REDACTED]@bad host/"],
  ])("%s", (_what, baseUrl, kept) => {
    for (const Client of [YclientsClient, YclientsTypedClient]) {
      const error = configError(() => new Client({ partnerToken: "p", baseUrl }));
      expect(error.message).toMatch(/^baseUrl is not a valid URL: "/);
      expect(error.message).toContain(kept);
      expect(shown(error)).not.toMatch(SECRET);
      expect(shown(error)).not.toContain("secret-1");
    }
  });

  it("keeps what helps find the mistake", () => {
    expect(redactConfigUrl("http://bad host/api/v1")).toBe("http://bad host/api/v1");
    expect(redactConfigUrl("htp:/x?y=1&&z")).toBe("htp:/x?y=[REDACTED]&&[REDACTED]");
  });
});

describe("a header name that carries a value", () => {
  it("is quoted only up to its first invalid character", () => {
    const error = configError(
      () => new YclientsClient({ partnerToken: "p", headers: { "X-Api-Key: CONFIG-secret-1": "" } }),
    );
    expect(error.message).toBe('headers: "X-Api-Key…" is not a valid header name');
    expect(shown(error)).not.toMatch(SECRET);
    const derived = configError(() =>
      new YclientsClient({ partnerToken: "p" }).withOptions({ headers: { "Bearer CONFIG-secret-1": "x" } }),
    );
    expect(derived.message).toBe('headers: "Bearer…" is not a valid header name');
  });
});
