// A `meta` sent as a list of objects (both documentations type the staff positions list's meta so) reaches
// the friendly result as one object, not dropped; the usual `[]` still becomes `{}`.
import { YclientsClient } from "../../src/index";
import { json, ok, useServer } from "../helpers/scripted-server";

const server = useServer();

const client = () =>
  new YclientsClient({
    partnerToken: "p-token",
    userToken: "u-token",
    companyId: 4564,
    baseUrl: server.url,
    retry: false,
    rateLimit: false,
    circuitBreaker: false,
  });

const positions = [{ id: 12, title: "Администратор" }];

describe("meta sent as a list", () => {
  it("a list holding the count gives the count", async () => {
    server.handle((_req, res) => json(res, 200, ok(positions, [{ count: 1 }])));
    const result = await client().positions.listForStaff();
    expect(result.data).toEqual(positions);
    expect(result.meta).toEqual({ count: 1 });
  });

  it("the docs' [{}] and the usual [] give an empty object", async () => {
    for (const meta of [[{}], []]) {
      server.handle((_req, res) => json(res, 200, ok(positions, meta)));
      await expect(client().positions.listForStaff()).resolves.toMatchObject({ data: positions, meta: {} });
    }
  });

  it("a __proto__ key in a listed meta stays a plain field and leaves the prototype alone", async () => {
    server.handle((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(`{"success":true,"data":[],"meta":[{"__proto__":{"polluted":true},"count":0}]}`);
    });
    const { meta } = await client().positions.listForStaff();
    expect(Object.getPrototypeOf(meta)).toBe(Object.prototype);
    expect((meta as Record<string, unknown>).polluted).toBeUndefined();
    expect(meta.count).toBe(0);
  });
});
