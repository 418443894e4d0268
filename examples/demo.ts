// `make demo`: starts the built-in simulator and runs the booking flow against it.
import { DEFAULT_PARTNER_TOKEN, startYclientsSimulator } from "../src/testing/index";
import { bookingFlow } from "./booking-flow";

async function main(): Promise<void> {
  const sim = await startYclientsSimulator({ seed: 7 });
  try {
    const company = sim.state.companies[0];
    console.log(`YCLIENTS simulator at ${sim.url}`);
    await bookingFlow({
      partnerToken: DEFAULT_PARTNER_TOKEN,
      companyId: company.id,
      baseUrl: sim.url,
      client: { phone: "79161234567", fullname: "Анна Смирнова", email: "anna@example.com" },
      readSmsCode: async (phone) => sim.state.smsCodes.get(phone) ?? "",
    });
    console.log("Done: booked, read back and cancelled through the SDK.");
  } finally {
    await sim.close();
  }
}

main().catch((error) => {
  console.error(`Demo failed: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
  process.exit(1);
});
