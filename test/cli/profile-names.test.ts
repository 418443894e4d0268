// Profile names become keys of the config file's `profiles` object: names that would reach the object's prototype
// instead of a profile are refused, like names with characters outside letters, digits, ".", "_" and "-".
import { YclientsConfigError } from "../../src/errors";
import { profileName } from "../../src/cli/profiles";

test.each(["__proto__", "constructor", "toString", "a b", "", "x".repeat(65)])("%j is refused", (name) => {
  expect(() => profileName(name, {})).toThrow(YclientsConfigError);
});

test("ordinary names pass, and YCLIENTS_PROFILE is read when no flag is given", () => {
  expect(profileName("work.salon-2", {})).toEqual({ name: "work.salon-2", explicit: true });
  expect(profileName(undefined, { YCLIENTS_PROFILE: "night" })).toEqual({ name: "night", explicit: true });
  expect(profileName(undefined, {})).toEqual({ name: "default", explicit: false });
});
