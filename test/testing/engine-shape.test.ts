// Views shaped by the spec (engine/shape.ts): every field the component schema documents is there, in its order,
// from the additions first, then the row's field of the same name, else empty by its type (null where the schema
// allows null, [] for a relation that may be a list); the row's undocumented fields stay out.
import { shaped } from "../../src/testing/engine/shape";

describe("shaped", () => {
  it("fills a schema from the additions, then the row, then empty values, and leaves the row's own fields out", () => {
    const row = { id: 7, type_id: 1, comment: "внутренний", company_id: 3, deleted: false };
    const answer = shaped("Document", row, { type: { id: 1, title: "Продажа товара" } });
    expect(Object.keys(answer)).toEqual([
      "id",
      "type_id",
      "type",
      "storage_id",
      "user_id",
      "company_id",
      "number",
      "comment",
      "create_date",
      "storage",
      "company",
      "user",
    ]);
    expect(answer).toMatchObject({ id: 7, type: { id: 1, title: "Продажа товара" }, comment: "внутренний" });
    // Undocumented row fields do not leak; unknown numbers are 0, relations an empty list.
    expect(answer).not.toHaveProperty("deleted");
    expect(answer).toMatchObject({ storage_id: 0, number: 0, create_date: "", storage: [], user: [] });
  });

  it("sends null where the schema allows it, and keeps additions the schema does not name", () => {
    const answer = shaped("StorageOperation", { id: 1 }, { extra: true });
    expect(answer.sale_unit).toBeNull();
    expect(answer.extra).toBe(true);
  });

  it("refuses a schema name the spec does not have", () => {
    expect(() => shaped("NoSuchSchema", {})).toThrow(/NoSuchSchema/);
  });
});
