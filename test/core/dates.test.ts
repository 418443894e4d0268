// parseYclientsDate: every date form the API sends, the zone a zone-less value is read in,
// the "no date" markers and the errors for what is not a date.
import { parseYclientsDate, YclientsDateParseError, DEFAULT_YCLIENTS_TIME_ZONE, YclientsError } from "../../src/index";

const iso = (d: Date | null) => d?.toISOString();

describe("parseYclientsDate", () => {
  it("reads ISO 8601 with a colon offset (`datetime`)", () => {
    expect(iso(parseYclientsDate("2019-07-21T12:00:00+03:00"))).toBe("2019-07-21T09:00:00.000Z");
    expect(iso(parseYclientsDate("2019-01-16T16:00:00+09:00"))).toBe("2019-01-16T07:00:00.000Z");
    expect(iso(parseYclientsDate("2019-07-21T12:00:00-04:30"))).toBe("2019-07-21T16:30:00.000Z");
  });

  it("reads an offset without a colon (`create_date`, `last_change_date`)", () => {
    expect(iso(parseYclientsDate("2019-07-21T12:27:06+0300"))).toBe("2019-07-21T09:27:06.000Z");
    expect(iso(parseYclientsDate("2020-03-01T12:00:00+0400"))).toBe("2020-03-01T08:00:00.000Z");
    expect(iso(parseYclientsDate("2019-07-21T12:00:00+03"))).toBe("2019-07-21T09:00:00.000Z");
  });

  it("reads Z and fractional seconds", () => {
    expect(iso(parseYclientsDate("2014-09-21T23:00:00.000+03:00"))).toBe("2014-09-21T20:00:00.000Z");
    expect(iso(parseYclientsDate("2019-07-21T12:00:00.25Z"))).toBe("2019-07-21T12:00:00.250Z");
  });

  it("reads a zone-less value (`date`) as Moscow wall-clock time by default", () => {
    expect(DEFAULT_YCLIENTS_TIME_ZONE).toBe("Europe/Moscow");
    expect(iso(parseYclientsDate("2019-07-21 12:00:00"))).toBe("2019-07-21T09:00:00.000Z");
    expect(iso(parseYclientsDate("2019-07-21T12:00:00"))).toBe("2019-07-21T09:00:00.000Z");
    expect(iso(parseYclientsDate("2019-07-21 12:00"))).toBe("2019-07-21T09:00:00.000Z");
    // Before 2011 Moscow kept summer time (UTC+4 in July 2010, UTC+3 in January), so the offset comes from the zone data.
    expect(iso(parseYclientsDate("2010-07-21 12:00:00"))).toBe("2010-07-21T08:00:00.000Z");
    expect(iso(parseYclientsDate("2010-01-21 12:00:00"))).toBe("2010-01-21T09:00:00.000Z");
  });

  it("reads a zone-less value in the company's time zone when told", () => {
    expect(iso(parseYclientsDate("2019-07-21 12:00:00", { timeZone: "Asia/Yekaterinburg" }))).toBe(
      "2019-07-21T07:00:00.000Z",
    );
    expect(iso(parseYclientsDate("2019-07-21 12:00:00", { timeZone: "+05:00" }))).toBe("2019-07-21T07:00:00.000Z");
    expect(iso(parseYclientsDate("2019-07-21 12:00:00", { timeZone: "UTC" }))).toBe("2019-07-21T12:00:00.000Z");
    // Daylight saving: Berlin is UTC+2 in summer and UTC+1 in winter.
    expect(iso(parseYclientsDate("2026-07-01 10:00:00", { timeZone: "Europe/Berlin" }))).toBe(
      "2026-07-01T08:00:00.000Z",
    );
    expect(iso(parseYclientsDate("2026-01-01 10:00:00", { timeZone: "Europe/Berlin" }))).toBe(
      "2026-01-01T09:00:00.000Z",
    );
  });

  it("ignores the time zone option when the value carries its own offset", () => {
    expect(iso(parseYclientsDate("2019-07-21T12:00:00+03:00", { timeZone: "Asia/Vladivostok" }))).toBe(
      "2019-07-21T09:00:00.000Z",
    );
  });

  it("reads a bare day as its midnight in the company's zone", () => {
    expect(iso(parseYclientsDate("2019-07-21"))).toBe("2019-07-20T21:00:00.000Z");
    expect(iso(parseYclientsDate("2019-07-21", { timeZone: "UTC" }))).toBe("2019-07-21T00:00:00.000Z");
  });

  it("reads Unix seconds as a number or a digit string, and milliseconds when too large for seconds", () => {
    expect(iso(parseYclientsDate(1438633865))).toBe("2015-08-03T20:31:05.000Z");
    expect(iso(parseYclientsDate("1438633865"))).toBe("2015-08-03T20:31:05.000Z");
    expect(iso(parseYclientsDate(1438633865123))).toBe("2015-08-03T20:31:05.123Z");
  });

  it("returns null for the API's 'no date' markers", () => {
    for (const empty of [null, undefined, "", "  ", 0, "0", "0000-00-00", "0000-00-00 00:00:00"]) {
      expect(parseYclientsDate(empty)).toBeNull();
    }
  });

  it("refuses what is not a date with a typed error", () => {
    for (const bad of [
      "yesterday",
      "2019-13-01",
      "2019-02-30 10:00:00",
      "2019-07-21 25:00:00",
      "21.07.2019",
      {},
      true,
    ]) {
      expect(() => parseYclientsDate(bad)).toThrow(YclientsDateParseError);
    }
    expect(() => parseYclientsDate("2019-07-21 12:00:00", { timeZone: "Mars/Olympus" })).toThrow(/Unknown time zone/);
    const err = (() => {
      try {
        parseYclientsDate("nope");
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(YclientsError);
    expect((err as Error).name).toBe("YclientsDateParseError");
  });
});
