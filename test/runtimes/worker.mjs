/* global URL, Response */
// The Cloudflare Worker the runtime suite runs in workerd (through miniflare), bundled from the installed package.
// What a Worker should do with the SDK: build the client inside `fetch`, per request, and share the quota through
// a store kept at module scope. The limiter's waits are timers and promises of the request that made them; workerd
// cancels those when that request ends, so one client kept at module scope would strand other requests' waits.
// A store is plain data (no timers), so it may outlive a request.
import * as client from "yclients-client";
import { MemoryRateLimitStore, YclientsClient } from "yclients-client";
import * as webhooks from "yclients-client/webhooks";
import { smoke } from "./smoke.mjs";

const quota = new MemoryRateLimitStore();

export default {
  async fetch(request, env) {
    const sim = JSON.parse(env.SIM);
    const { pathname } = new URL(request.url);
    if (pathname === "/smoke") return Response.json(await smoke(client, webhooks, sim));
    if (pathname === "/one") {
      const yc = new YclientsClient({
        partnerToken: sim.partnerToken,
        baseUrl: sim.url,
        companyId: sim.companyId,
        rateLimit: { store: quota },
      });
      return Response.json({ ok: (await yc.booking.services()).success });
    }
    return new Response("not found", { status: 404 });
  },
};
