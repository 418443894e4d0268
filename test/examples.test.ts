// The README's promises, run: the booking-flow example (what `make demo` does) and the
// "Testing your integration" snippet, against the simulator.
import { YclientsClient } from "../src/index";
import { DEFAULT_PARTNER_TOKEN, startYclientsSimulator, type YclientsSimulator } from "../src/testing/index";
import { bookingFlow } from "../examples/booking-flow";

let sim: YclientsSimulator;
beforeAll(async () => {
  sim = await startYclientsSimulator({ seed: 7 });
});
afterAll(() => sim.close());

describe("examples/booking-flow.ts", () => {
  it("books, reads back and cancels an appointment, with the rate limit on", async () => {
    const company = sim.state.companies[0];
    const lines: string[] = [];
    const before = sim.state.records.length;
    const { recordId, recordHash } = await bookingFlow({
      partnerToken: DEFAULT_PARTNER_TOKEN,
      companyId: company.id,
      baseUrl: sim.url,
      client: { phone: "79161234567", fullname: "Анна Смирнова" },
      readSmsCode: async (phone) => sim.state.smsCodes.get(phone) ?? "",
      print: (line) => lines.push(line),
    });
    const record = sim.state.records.find((r) => r.id === recordId);
    expect(record).toMatchObject({ hash: recordHash, deleted: true, company_id: company.id });
    expect(sim.state.records.length).toBe(before + 1);
    expect(lines.map((l) => l.split(/:| {2,}/)[0].trim())).toEqual([
      "Company",
      "Service",
      "Staff member",
      "Chosen slot",
      "Client",
      "Booked",
      "Again?",
      "Read back",
      "Cancelled",
    ]);
    expect(lines.find((l) => l.startsWith("Again?"))).toContain("433");
    // Exactly one booking request succeeded; the second was refused, and no POST was ever retried.
    const bookings = sim.requests.filter((r) => r.method === "POST" && r.path.includes("/book_record/"));
    expect(bookings).toHaveLength(2);
  });
});

describe("README: testing your integration", () => {
  it("a flaky API is retried by the SDK", async () => {
    sim.setFaults([{ route: "GET /book_services/{company_id}", kind: "status", status: 503, times: 2 }]);
    try {
      const yc = new YclientsClient({
        partnerToken: DEFAULT_PARTNER_TOKEN,
        baseUrl: sim.url,
        retry: { baseDelay: 0.01 },
      });
      sim.clearRequests();
      await expect(yc.booking.services(undefined, { companyId: sim.state.companies[0].id })).resolves.toMatchObject({
        success: true,
      });
      expect(sim.requests.filter((r) => r.path.includes("/book_services/"))).toHaveLength(3);
    } finally {
      sim.setFaults([]);
    }
  });
});
