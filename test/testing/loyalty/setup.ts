// Shared set-up of the loyalty tests: a simulator with a fixed day and an SDK client signed in as one of
// its staff users.
import { YclientsClient } from "../../../src/index";
import { startYclientsSimulator, type YclientsSimulator } from "../../../src/testing/index";
import type { Client, Company } from "../../../src/testing/state";

export interface Harness {
  sim: YclientsSimulator;
  yc: YclientsClient;
  company: Company;
  chainId: number;
  clientsOf(company: Company): Client[];
}

export async function startHarness(): Promise<Harness> {
  const sim = await startYclientsSimulator({ rateLimit: false, today: "2026-03-10" });
  const company = sim.state.companies[0];
  const yc = new YclientsClient({
    partnerToken: sim.partnerToken,
    userToken: sim.state.staffUsers[0].token,
    baseUrl: sim.url,
    companyId: company.id,
    retry: { maxTries: 1 },
    rateLimit: false,
  });
  return {
    sim,
    yc,
    company,
    chainId: sim.state.chain.id,
    clientsOf: (c) => sim.state.clients.filter((client) => client.company_id === c.id),
  };
}
