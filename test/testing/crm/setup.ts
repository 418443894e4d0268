// Shared set-up of the group-event, waiting-list, image and request-shape tests: a simulator with a fixed
// day, and an SDK client signed in as one of its staff users, whose requests are recorded by URL.
import { YclientsClient } from "../../../src/index";
import { startYclientsSimulator, type YclientsSimulator } from "../../../src/testing/index";
import type { Company, Service, StaffMember } from "../../../src/testing/state";

export const TODAY = "2026-03-10";

export interface Harness {
  sim: YclientsSimulator;
  yc: YclientsClient;
  company: Company;
  /** Every URL the SDK fetched, in order. */
  urls: string[];
  staffOf(company: Company): StaffMember[];
  servicesOf(company: Company): Service[];
}

export async function startHarness(): Promise<Harness> {
  const sim = await startYclientsSimulator({ rateLimit: false, today: TODAY });
  const company = sim.state.companies[0];
  const urls: string[] = [];
  const recordingFetch: typeof fetch = (input, init) => {
    urls.push(input instanceof Request ? input.url : String(input));
    return fetch(input, init);
  };
  const yc = new YclientsClient({
    partnerToken: sim.partnerToken,
    userToken: sim.state.staffUsers[0].token,
    baseUrl: sim.url,
    companyId: company.id,
    fetch: recordingFetch,
    retry: { maxTries: 3, baseDelay: 1, jitter: false },
    rateLimit: false, // the simulator's limit is off too; the limiter is tested in test/ratelimit
  });
  return {
    sim,
    yc,
    company,
    urls,
    staffOf: (c) => sim.state.staff.filter((s) => s.company_id === c.id && !s.fired),
    servicesOf: (c) => sim.state.services.filter((s) => s.company_id === c.id),
  };
}
