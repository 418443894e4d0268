/* global Request */
// The runtime smoke suite: what every runtime the README names must do with the installed package. Plain ES
// module, no Node APIs (fetch, Request and timers only), so the same file runs in Node, Bun, Deno and, bundled, in
// workerd. `smoke()` answers one JSON-able object; the driver (runtimes.test.ts) compares it across runtimes.
//   sim: { url, companyId, partnerToken } of a simulator started from Node with its default rate limit.
export async function smoke(client, webhooks, sim) {
  const { YclientsClient, YclientsTypedClient, YclientsError, YclientsNotFoundError, YclientsConfigError } = client;
  const options = { partnerToken: sim.partnerToken, baseUrl: sim.url, companyId: sim.companyId };
  const out = {};

  // A typed call, with only the typed client.
  const typed = new YclientsTypedClient(options);
  const { data } = await typed.GET("/book_services/{company_id}", { params: { path: { company_id: sim.companyId } } });
  out.typed = data.success === true && Array.isArray(data.data.services);

  // A friendly call and paging (the simulator's extra companies make the list several pages long).
  const yc = new YclientsClient(options);
  out.friendly = (await yc.booking.services()).success === true;
  let pages = 0;
  let items = 0;
  for await (const _company of yc.companies.iterate(undefined, { pageSize: 5 })) if (++items % 5 === 1) pages++;
  out.paging = { atLeastTwoPages: pages >= 2, items };

  // The rate limiter on by default: more calls at once than the 5-per-second quota, none refused with 429.
  const started = Date.now();
  const burst = await Promise.all(Array.from({ length: 8 }, () => yc.booking.services()));
  out.rateLimit = { allSucceeded: burst.every((r) => r.success), waited: Date.now() - started >= 500 };

  // A webhook handler: a good secret is accepted, a wrong one refused.
  const body = JSON.stringify({ company_id: 1, resource: "record", resource_id: 7, status: "update", data: { id: 7 } });
  const handle = webhooks.createWebhookHandler({ urlSecret: "0123456789abcdef0123" });
  const good = await handle(new Request("https://p.example/h/0123456789abcdef0123", { method: "POST", body }));
  const bad = await handle(new Request("https://p.example/h/wrong-secret-000000", { method: "POST", body }));
  out.webhooks = { good: good.status, bad: bad.status };

  // Errors: typed classes, across entry points.
  try {
    await yc.GET("/book_services/{company_id}", { params: { path: { company_id: 999999999 } } });
    out.notFound = "no error";
  } catch (error) {
    out.notFound =
      error instanceof YclientsNotFoundError && error instanceof YclientsError ? true : String(error?.name);
  }
  try {
    new YclientsClient({});
    out.configError = "no error";
  } catch (error) {
    out.configError = error instanceof YclientsConfigError;
  }
  return out;
}

/** What every runtime must answer, given the simulator's seed. */
export const EXPECTED = {
  typed: true,
  friendly: true,
  rateLimit: { allSucceeded: true, waited: true },
  webhooks: { good: 200, bad: 401 },
  notFound: true,
  configError: true,
};
