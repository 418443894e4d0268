// The compact facts the client reads on every call (generated/operations.ts `operationFacts`: one entry per path
// with its parameter names left out, bits per method) say the same as the full operation table, for every operation.
import { FACT, operations } from "../../generated/operations";
import { factsOf, isBinaryAnswer, isIdempotent, needsUserToken } from "../../src/operations";

describe("operationFacts", () => {
  it("agrees with the operation table on the user token and the retry class of every operation", () => {
    const disagree = operations.filter(
      (o) => needsUserToken(o.method, o.path) !== o.userToken || isIdempotent(o.method, o.path) !== o.idempotent,
    );
    expect(disagree.map((o) => `${o.method} ${o.path}`)).toEqual([]);
    expect(operations.filter((o) => !o.userToken).length).toBeGreaterThan(10);
  });

  it("finds an operation by its path template, whatever the case of the method for the retry class", () => {
    expect(needsUserToken("GET", "/companies")).toBe(false);
    expect(needsUserToken("POST", "/companies")).toBe(true);
    expect(isBinaryAnswer("GET", "/attendance/receipt_print/{visit_id}")).toBe(true);
    expect(isBinaryAnswer("GET", "/attendance/receipt_print/{visit_id}/x")).toBe(false);
    expect(factsOf("DELETE", "/record/{company_id}/{record_id}") & FACT.emptyAnswer).toBe(FACT.emptyAnswer);
    expect(factsOf("POST", "/auth") & FACT.bareAnswer).toBe(FACT.bareAnswer);
    expect(isIdempotent("post", "/company/{company_id}/clients/search")).toBe(true);
  });

  it("has no facts for paths and methods outside the spec, including Object.prototype's names", () => {
    expect(factsOf("GET", "/not/in/the/spec")).toBe(0);
    expect(factsOf("GET", "/constructor")).toBe(0);
    expect(factsOf("constructor", "/auth")).toBe(0);
    expect(factsOf("toString", "/companies")).toBe(0);
    expect(needsUserToken("__proto__", "/companies")).toBe(true);
  });
});
