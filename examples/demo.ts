// `make demo`: starts the built-in simulator and runs the booking flow against it.
import { DEFAULT_PARTNER_TOKEN, startYclientsSimulator } from "yclients-client/testing";
import { YclientsClient } from "yclients-client";
import { registerWebhook } from "yclients-client/webhooks";
import { bookingFlow } from "./booking-flow";
import { startWebhookReceiver } from "./webhook-receiver";

async function main(): Promise<void> {
  const sim = await startYclientsSimulator({ seed: 7 });
  const receiver = await startWebhookReceiver();
  try {
    const company = sim.state.companies[0];
    console.log(`YCLIENTS simulator at ${sim.url}`);
    // The company's webhooks go to a local receiver; it prints each event as it arrives.
    const admin = new YclientsClient({ partnerToken: DEFAULT_PARTNER_TOKEN, baseUrl: sim.url, companyId: company.id });
    const userToken = sim.state.staffUsers[0].token;
    await registerWebhook(admin, { url: receiver.url, resources: ["record", "client"], userToken });
    await bookingFlow({
      partnerToken: DEFAULT_PARTNER_TOKEN,
      companyId: company.id,
      baseUrl: sim.url,
      client: { phone: "79161234567", fullname: "Анна Смирнова", email: "anna@example.com" },
      readSmsCode: async (phone) => sim.state.smsCodes.get(phone) ?? "",
    });
    await sim.webhooksIdle();
    console.log(`Done: booked, read back and cancelled through the SDK; ${receiver.events.length} webhooks received.`);
  } finally {
    await receiver.close();
    await sim.close();
  }
}

main().catch((error) => {
  console.error(`Demo failed: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
  process.exit(1);
});
