// 10,000 mixed good and bad requests over keep-alive: the server never crashes, memory stays
// bounded, and close() leaves no handle behind.
import { Agent, request } from "node:http";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { bookingWindow, freeStarts } from "../../src/testing/slots";
import { isoWithOffset } from "../../src/testing/time";
import { ACCEPT, start } from "../helpers/simulator";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

interface Raw {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

function send(agent: Agent, base: string, r: Raw): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(base + r.path, { method: r.method, agent, headers: r.headers }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(r.body);
  });
}

const watched = ["TCPServerWrap", "TCPSocketWrap", "Timeout"];
const handleCounts = () => {
  const counts: Record<string, number> = {};
  for (const kind of process.getActiveResourcesInfo())
    if (watched.includes(kind)) counts[kind] = (counts[kind] ?? 0) + 1;
  return counts;
};

test("survives 10,000 mixed requests without leaking memory or handles", async () => {
  const before = handleCounts();
  const sim = await start({ maxLoggedRequests: 1_000 });
  const agent = new Agent({ keepAlive: true, maxSockets: 8 });
  const base = `http://127.0.0.1:${sim.port}`;
  const company = sim.state.companies[0];
  const member = sim.state.staff.find((s) => s.company_id === company.id)!;
  const service = sim.state.services.find((s) => s.id === member.service_ids[0])!;
  const slot = bookingWindow(sim.state, company)
    .map((date) => freeStarts(sim.state, company, member, date, service.duration)[0])
    .find((t) => t !== undefined)!;
  const good = { authorization: `Bearer ${sim.partnerToken}`, accept: ACCEPT, "content-type": "application/json" };
  const user = { ...good, authorization: `${good.authorization}, User ${sim.state.staffUsers[0].token}` };
  const v1 = "/api/v1";
  const mix: Raw[] = [
    { method: "GET", path: `${v1}/book_services/${company.id}`, headers: good },
    { method: "GET", path: `${v1}/book_times/${company.id}/${member.id}/2026-03-12`, headers: good },
    { method: "GET", path: `${v1}/book_dates/${company.id}?service_ids[]=${member.service_ids[0]}`, headers: good },
    { method: "GET", path: `${v1}/companies?count=2&page=2`, headers: good },
    { method: "GET", path: `${v1}/company/${company.id}/staff/`, headers: user },
    { method: "GET", path: `${v1}/countries`, headers: good },
    {
      method: "POST",
      path: `${v1}/book_check/${company.id}`,
      headers: good,
      body: JSON.stringify({
        appointments: [
          { id: 1, staff_id: member.id, datetime: isoWithOffset(slot, company.utcOffset), services: [service.id] },
        ],
      }),
    },
    { method: "POST", path: `${v1}/book_check/${company.id}`, headers: good, body: '{"appointments": [' },
    {
      method: "POST",
      path: `${v1}/book_record/${company.id}`,
      headers: good,
      body: JSON.stringify({ phone: "x", appointments: "no" }),
    },
    { method: "POST", path: `${v1}/auth`, headers: good, body: JSON.stringify({ login: 1, password: { a: [] } }) },
    { method: "POST", path: `${v1}/auth`, headers: good, body: "x".repeat(20_000) },
    { method: "GET", path: `${v1}/book_services/abc`, headers: good },
    { method: "GET", path: `${v1}/book_services/${company.id}`, headers: { accept: ACCEPT } },
    { method: "GET", path: `${v1}/book_services/${company.id}`, headers: { ...good, authorization: "Bearer , User" } },
    { method: "GET", path: `${v1}/book_services/${company.id}`, headers: { ...good, accept: "text/html" } },
    { method: "DELETE", path: `${v1}/countries`, headers: good },
    { method: "GET", path: `${v1}/%E0%A4%A/../..//x?%zz=%`, headers: good },
    { method: "GET", path: "/elsewhere", headers: good },
    { method: "GET", path: `${v1}/companies?count=9999&page=-1`, headers: good },
    { method: "GET", path: `${v1}/book_times/${company.id}/0/not-a-date?service_ids=1,2,x`, headers: good },
    { method: "PUT", path: `${v1}/booking/user/password`, headers: user, body: "[]" },
  ];
  const statuses = new Map<number, number>();
  let sent = 0;
  const run = async (count: number) => {
    const target = sent + count;
    const worker = async () => {
      while (sent < target) {
        const r = mix[sent++ % mix.length];
        const status = await send(agent, base, r);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
  };

  try {
    await run(2_000);
    gc();
    const heapAfterWarmup = process.memoryUsage().heapUsed;
    await run(8_000);
    gc();
    const growth = process.memoryUsage().heapUsed - heapAfterWarmup;
    expect(sent).toBe(10_000);
    expect(growth).toBeLessThan(8 * 1024 * 1024);
    expect(sim.requests.length).toBe(1_000);
    expect(statuses.get(500)).toBeUndefined();
    expect([...statuses.keys()].sort()).toEqual([200, 201, 400, 401, 404, 405, 422]);
  } finally {
    // Close while the agent still holds its keep-alive connections: close() must drop them.
    await sim.close();
    agent.destroy();
  }
  // Closed handles leave the list once libuv has run their close callbacks: give it a moment.
  // "At most as many as before": handles of earlier test files in this worker may close meanwhile.
  const settled = (now: Record<string, number>) => watched.every((kind) => (now[kind] ?? 0) <= (before[kind] ?? 0));
  for (let i = 0; i < 50 && !settled(handleCounts()); i++) await new Promise((r) => setTimeout(r, 20));
  expect(settled(handleCounts())).toBe(true);
}, 60_000);
