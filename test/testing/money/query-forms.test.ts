// Query forms the money descriptions promise: arrays PHP-style (`ids[]=1&ids[]=2`), the goods search's
// `term` / `count` names, and the call list's filters as query parameters of the GET.
import { YclientsClient } from "../../../src/index";
import { json, ok, useServer } from "../../helpers/scripted-server";

const server = useServer((_req, res) => json(res, 200, ok([])));
let yc: YclientsClient;
beforeAll(() => {
  yc = new YclientsClient({
    partnerToken: "p",
    userToken: "u",
    baseUrl: server.url,
    companyId: 4564,
    rateLimit: false,
  });
});

const sentQuery = () => decodeURIComponent(server.seen[0].url.split("?")[1] ?? "");

describe("money query forms", () => {
  it("goodsCategories.getMany sends the ids PHP-style", async () => {
    await yc.goodsCategories.getMany({ ids: [1, 2] });
    expect(server.seen[0].url.split("?")[0]).toBe("/api/v1/goods_categories/multiple/4564");
    expect(sentQuery()).toBe("ids[]=1&ids[]=2");
  });

  it("goods.search sends term and count", async () => {
    await yc.goods.search({ term: "Шампунь", count: 10 });
    expect(sentQuery()).toBe("term=Шампунь&count=10");
  });

  it("telephony.listCalls sends its filters in the query of the GET, arrays PHP-style", async () => {
    await yc.telephony.listCalls({
      salon_id: 615243,
      types: ["incoming", "internal"],
      statuses: ["missed"],
      page: 1,
      limit: 25,
    });
    expect(server.seen[0].method).toBe("GET");
    expect(server.seen[0].body).toBe("");
    expect(sentQuery()).toBe("salon_id=615243&types[]=incoming&types[]=internal&statuses[]=missed&page=1&limit=25");
  });
});
