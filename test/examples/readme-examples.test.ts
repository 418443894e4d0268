// The README's promises, run: the booking-flow example (what `make demo` does) and the
// "Testing your integration" snippet, against the simulator.
import { YclientsClient } from "../../src/index";
import { DEFAULT_PARTNER_TOKEN, startYclientsSimulator, type YclientsSimulator } from "../../src/testing/index";
import { bookingFlow } from "../../examples/booking-flow";
import { payForVisit } from "../../examples/visit-payment";
import { accountBalance, moneyState } from "../../src/testing/money-state";

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

describe("examples/visit-payment.ts", () => {
  it("books a visit, pays its document's sale and sees the payment in the visit's details and the account", async () => {
    const company = sim.state.companies[0];
    const money = moneyState(sim.state);
    const balance = (id: number) => accountBalance(money, id);
    const accounts = money.accounts.filter((a) => a.company_id === company.id);
    const before = accounts.map((a) => balance(a.id));
    const lines: string[] = [];
    const outcome = await payForVisit({
      partnerToken: sim.partnerToken,
      userToken: sim.userToken,
      companyId: company.id,
      baseUrl: sim.url,
      client: { phone: "79161230099", name: "Ольга Платёжная" },
      print: (line) => lines.push(line),
    });
    expect(outcome.paid).toBeGreaterThan(0);
    expect(lines.map((l) => l.split(":")[0])).toEqual(["Record", "Due", "Paid"]);
    const gained = accounts.map((a, i) => balance(a.id) - before[i]).reduce((sum, x) => sum + x, 0);
    expect(gained).toBe(outcome.paid);
    expect(money.documents.find((d) => d.id === Number(outcome.documentId))).toMatchObject({ type_id: 7 });
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
