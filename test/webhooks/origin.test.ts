// The constant-time comparisons of the URL secret and the partner token must refuse anything that is not
// exactly the secret: the secret with a suffix, a prefix of it (even one that repeats to fill its length),
// and the empty string.
import { checkPartnerToken, constantTimeEqual, urlCarriesSecret } from "../../src/webhooks/origin";
import type { MarketplaceEvent } from "../../src/webhooks/index";

const SECRET = "whsec-abcabcabcabc"; // periodic on purpose: "abc" repeated is also a prefix
const near = [
  ["the secret followed by a suffix", `${SECRET}x`],
  ["the secret followed by itself", SECRET + SECRET],
  ["a prefix", SECRET.slice(0, 8)],
  ["a prefix that repeats to the secret's length", "whsec-abc"],
  ["all but the last character", SECRET.slice(0, -1)],
  ["one character", "w"],
  ["the empty string", ""],
] as const;

describe("constantTimeEqual", () => {
  it("is true for the same string only", () => {
    expect(constantTimeEqual(SECRET, SECRET)).toBe(true);
    for (const [name, given] of near)
      expect({ name, equal: constantTimeEqual(given, SECRET) }).toEqual({ name, equal: false });
  });

  it("never accepts an empty expected value, even against an empty string", () => {
    expect(constantTimeEqual("", "")).toBe(false);
    expect(constantTimeEqual("x", "")).toBe(false);
  });

  it("compares bytes, not UTF-16 units", () => {
    expect(constantTimeEqual("é", "é")).toBe(true);
    expect(constantTimeEqual("é", "e\u0301")).toBe(false);
  });
});

describe("urlCarriesSecret", () => {
  it("accepts the exact secret in the query or as a path segment, and nothing near it", () => {
    expect(urlCarriesSecret(`/hooks?token=${SECRET}`, { secret: SECRET })).toBe(true);
    expect(urlCarriesSecret(`/hooks/${SECRET}`, { secret: SECRET })).toBe(true);
    for (const [name, given] of near) {
      const inQuery = urlCarriesSecret(`/hooks?token=${encodeURIComponent(given)}`, { secret: SECRET });
      const inPath = urlCarriesSecret(`/hooks/${encodeURIComponent(given)}`, { secret: SECRET });
      expect({ name, inQuery, inPath }).toEqual({ name, inQuery: false, inPath: false });
    }
  });
});

describe("checkPartnerToken", () => {
  const PARTNER = "fake_partner_token_abcabc";
  const event = (token: string) =>
    ({ salon_id: 1, application_id: 2, event: "uninstall", partner_token: token }) as MarketplaceEvent;

  it("accepts the exact partner token and refuses a suffix, a prefix and the empty string", () => {
    expect(() => checkPartnerToken(event(PARTNER), PARTNER)).not.toThrow();
    for (const given of [`${PARTNER}0`, PARTNER.slice(0, -3), "fake_partner_token_abc", ""]) {
      expect(() => checkPartnerToken(event(given), PARTNER)).toThrow(/partner token/);
    }
  });
});
