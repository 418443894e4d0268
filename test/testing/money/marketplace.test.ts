// The partner marketplace lives outside /api/v1: `yc.marketplace.*` sends its host-rooted paths to the
// origin of `baseUrl` (YCLIENTS, Altegio or the simulator alike), with the same Authorization header, and gets
// the same errors and retries as every other call.
import { YclientsClient, YclientsAuthError } from "../../../src/index";
import { startYclientsSimulator } from "../../../src/testing/index";
import { json, ok, useServer } from "../../helpers/scripted-server";

const server = useServer();
beforeEach(() => {
  server.seen.length = 0;
});

describe("yc.marketplace", () => {
  it("sends /marketplace paths to the origin of baseUrl, whatever path baseUrl has, with the same Authorization", async () => {
    server.handle((_req, res) => json(res, 200, { success: true, data: { id: 77 } }));
    // An Altegio-like base URL with a longer path: only its origin counts for host-rooted paths.
    const yc = new YclientsClient({
      partnerToken: "partner-secret",
      userToken: "user-secret",
      baseUrl: `${server.origin}/proxy/api/v1`,
      companyId: 4564,
    });
    const body = {
      salon_id: 1050,
      application_id: 123,
      payment_sum: 990.99,
      currency_iso: "RUB",
      payment_date: "2026-01-01 10:10:00",
      period_from: "2026-01-01 10:10:00",
      period_to: "2026-02-01 10:10:00",
    };
    const answer = await yc.marketplace.notifyPayment(body);
    expect(answer.data.id).toBe(77);
    expect(server.seen.map((s) => `${s.method} ${s.url}`)).toEqual(["POST /marketplace/partner/payment"]);
    expect(server.seen[0].headers.authorization).toBe("Bearer partner-secret, User user-secret");
    expect(JSON.parse(server.seen[0].body)).toEqual(body);
  });

  it("puts path ids and query parameters in place, and v1 calls of the same client still go under /api/v1", async () => {
    server.handle((req, res) =>
      json(
        res,
        200,
        req.url.startsWith("/marketplace") ? { success: true, data: { url: "https://pay.example/x" } } : ok([]),
      ),
    );
    const yc = new YclientsClient({ partnerToken: "p", userToken: "u", baseUrl: server.url, companyId: 4564 });
    const link = await yc.marketplace.getPaymentLink({ salon_id: 1111, application_id: 1, discount: 15.5 });
    expect(link.data.url).toBe("https://pay.example/x");
    await yc.accounts.list();
    expect(server.seen.map((s) => s.url)).toEqual([
      "/marketplace/application/payment_link?salon_id=1111&application_id=1&discount=15.5",
      "/api/v1/accounts/4564",
    ]);
  });

  it("turns a marketplace 401 into the usual typed error", async () => {
    server.handle((_req, res) =>
      json(res, 401, { success: false, data: null, meta: { message: "Необходима авторизация" } }),
    );
    const yc = new YclientsClient({ partnerToken: "p", baseUrl: server.url });
    const failure = yc.marketplace.uninstall(1050, 123);
    await expect(failure).rejects.toBeInstanceOf(YclientsAuthError);
    await expect(failure).rejects.toMatchObject({
      status: 401,
      path: "/marketplace/salon/{salon_id}/application/{application_id}/uninstall",
    });
  });

  it("is answered by the simulator at its origin, like the real host", async () => {
    const sim = await startYclientsSimulator({ rateLimit: false });
    try {
      const yc = new YclientsClient({ partnerToken: sim.partnerToken, baseUrl: sim.url, rateLimit: false });
      const tariffs = await yc.marketplace.listTariffs(123);
      expect(tariffs.data[0].options[0]).toMatchObject({ currency_iso: "RUB" });
      expect(typeof tariffs.data[0].options[0].overall_price).toBe("number");
      expect(sim.requests.at(-1)?.route).toBe("GET /marketplace/application/{application_id}/tariffs");
    } finally {
      await sim.close();
    }
  });
});
