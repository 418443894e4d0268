// The simulator answers a browser's CORS preflight and marks every answer readable from any origin, so a
// browser app (or test/browser) can call it. Preflights are not API requests: not logged, not rate-limited.
import { request } from "node:http";
import { startYclientsSimulator, type YclientsSimulator } from "../../src/testing/index";

let sim: YclientsSimulator;
beforeAll(async () => {
  sim = await startYclientsSimulator({ rateLimit: false });
});
afterAll(() => sim.close());

function send(method: string, path: string, headers: Record<string, string>) {
  return new Promise<{ status: number; headers: Record<string, unknown> }>((resolve, reject) => {
    const req = request(`${sim.url}${path}`, { method, headers }, (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("CORS", () => {
  it("answers a preflight with the methods and headers the SDK uses, without logging it", async () => {
    const before = sim.requests.length;
    const res = await send("OPTIONS", "/book_dates/1", {
      origin: "http://localhost:5173",
      "access-control-request-method": "GET",
      "access-control-request-headers": "authorization,accept",
    });
    expect(res.status).toBe(204);
    expect(res.headers["access-control-allow-origin"]).toBe("*");
    expect(String(res.headers["access-control-allow-headers"])).toMatch(/Authorization/);
    expect(String(res.headers["access-control-allow-methods"])).toMatch(/PATCH/);
    expect(sim.requests.length).toBe(before);
  });

  it("lets a page read every answer and its request id", async () => {
    const res = await send("GET", "/book_dates/1", {
      origin: "http://localhost:5173",
      accept: "application/vnd.yclients.v2+json",
      authorization: `Bearer ${sim.partnerToken}`,
    });
    expect(res.headers["access-control-allow-origin"]).toBe("*");
    expect(String(res.headers["access-control-expose-headers"])).toMatch(/X-Request-Id/);
  });

  it("an OPTIONS request that is not a preflight is still an API request (405)", async () => {
    const res = await send("OPTIONS", "/book_dates/1", { authorization: `Bearer ${sim.partnerToken}` });
    expect(res.status).toBe(405);
  });
});
