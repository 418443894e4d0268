// `present()`: YCLIENTS sends `[]` for a missing related object; present() turns it (and null) into undefined and
// hands every real value back unchanged, so `present(record.client)?.name` reads on (README "Absent objects").
import { present } from "../../src/index";
import { json, ok, scriptedClient, useServer } from "../helpers/scripted-server";

const server = useServer();

describe("present", () => {
  it("reads an answer's [] in place of an object as undefined, and a real object as itself", async () => {
    const client = { id: 7, name: "Анна" };
    server.handle((_req, res) =>
      json(
        res,
        200,
        ok([
          { id: 1, client: [] },
          { id: 2, client },
        ]),
      ),
    );
    const yc = scriptedClient(server, { companyId: 4564 });
    const { data: records } = await yc.records.list({ count: 2 });
    expect(records.map((record) => present(record.client)?.name ?? "walk-in")).toEqual(["walk-in", "Анна"]);
  });

  it("gives undefined for [], null and undefined only; other values come back as they are", () => {
    for (const absent of [[], null, undefined]) expect(present(absent)).toBeUndefined();
    const list = [1];
    const object = {};
    expect(present(list)).toBe(list);
    expect(present(object)).toBe(object);
    for (const value of [0, "", false]) expect(present(value)).toBe(value);
  });
});
