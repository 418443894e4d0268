// Fields every source always sends are required in the answers (typed users need no `?.`), and
// request fields the sources name differently are accepted under each name. Checked with the spec validator.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createSpecValidator } from "../../scripts/spec-validator";
import { repoRoot } from "./reference-examples";

const spec = JSON.parse(readFileSync(join(repoRoot, "generated", "openapi.json"), "utf8"));
const validator = createSpecValidator(spec);

describe("fields every source sends", () => {
  const dates = {
    booking_dates: ["2026-10-17"],
    booking_days: { "10": ["17"] },
    working_dates: ["2026-10-17"],
    working_days: { "10": ["17"] },
  };

  it("book_dates answers carry all four day lists", () => {
    const answer = (data: object) => ({ success: true, data, meta: [] });
    expect(validator.response("/book_dates/{company_id}", "GET", "200", answer(dates))).toBeUndefined();
    for (const field of Object.keys(dates)) {
      const { [field as keyof typeof dates]: _dropped, ...rest } = dates;
      expect(validator.response("/book_dates/{company_id}", "GET", "200", answer(rest))).toMatch(field);
    }
  });
});

describe("the payment item of a finance transaction update", () => {
  const path = "/finance_transactions/{company_id}/{transaction_id}";
  const base = { amount: 333, account_id: 35501, date: "2017-03-22 20:50:01" };

  it("is accepted as expense_id (current docs) and as type_id (2024 Blueprint)", () => {
    expect(validator.requestBody(path, "PUT", { ...base, expense_id: 2640 })).toBeUndefined();
    expect(validator.requestBody(path, "PUT", { ...base, type_id: 2640 })).toBeUndefined();
  });

  it("still requires amount, account and date", () => {
    expect(validator.requestBody(path, "PUT", { type_id: 2640 })).toMatch(/amount/);
  });
});
