// Path matching against the spec's templates.
import { Router } from "../../src/testing/router";
import type { OperationEntry } from "../../src/testing/spec-index";
import { parseDateTime } from "../../src/testing/time";

const op = (method: string, path: string) => ({ method, path, key: `${method} ${path}` }) as OperationEntry;
const router = new Router([
  op("GET", "/company/{company_id}/staff/{staff_id}"),
  op("GET", "/company/{company_id}/staff/schedule"),
  op("PUT", "/company/{company_id}/staff/schedule"),
  op("GET", "/staff/{company_id}/"),
  op("POST", "/staff/{company_id}"),
  op("GET", "/book_staff_seances/{company_id}/{staff_id}/"),
]);

test("a literal segment beats a parameter", () => {
  expect(router.match("GET", "/company/1/staff/schedule")).toMatchObject({
    kind: "found",
    op: { path: "/company/{company_id}/staff/schedule" },
  });
  expect(router.match("GET", "/company/1/staff/7")).toMatchObject({
    kind: "found",
    params: { company_id: "1", staff_id: "7" },
  });
});

test("trailing slashes are optional, and twin templates share a path", () => {
  expect(router.match("GET", "/staff/5")).toMatchObject({ kind: "found", op: { path: "/staff/{company_id}/" } });
  expect(router.match("POST", "/staff/5/")).toMatchObject({ kind: "found", op: { path: "/staff/{company_id}" } });
  expect(router.match("GET", "/book_staff_seances/1/2")).toMatchObject({
    kind: "found",
    params: { company_id: "1", staff_id: "2" },
  });
});

test("known path with another method is 'method'; unknown is 'missing'", () => {
  expect(router.match("DELETE", "/company/1/staff/schedule")).toEqual({
    kind: "method",
    allowed: expect.arrayContaining(["GET", "PUT"]),
  });
  expect(router.match("GET", "/company/1")).toEqual({ kind: "missing" });
  expect(router.match("GET", "/company/1/staff/7/extra")).toEqual({ kind: "missing" });
});

test("parameters are URL-decoded, bad escapes kept raw", () => {
  expect(router.match("GET", "/company/a%20b/staff/%E0")).toMatchObject({
    params: { company_id: "a b", staff_id: "%E0" },
  });
});

test("parseDateTime reads every form clients send back", () => {
  const t = Date.parse("2026-03-12T09:00:00Z") / 1000;
  expect(parseDateTime("2026-03-12T12:00:00+03:00", 180)).toBe(t);
  expect(parseDateTime("2026-03-12T12:00:00+0300", 180)).toBe(t);
  expect(parseDateTime("2026-03-12 12:00:00", 180)).toBe(t);
  expect(parseDateTime("2026-03-12T12:00", 180)).toBe(t);
  expect(parseDateTime("2026-03-12T09:00:00Z", 180)).toBe(t);
  expect(parseDateTime(t, 180)).toBe(t);
  expect(parseDateTime(String(t), 180)).toBe(t);
  expect(parseDateTime(t * 1000, 180)).toBe(t);
  expect(parseDateTime("tomorrow", 180)).toBeUndefined();
  expect(parseDateTime({}, 180)).toBeUndefined();
});
