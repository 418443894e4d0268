// Shared set-up of the CRM tests: a simulator with a pinned "today" in the past (so every seeded
// change lies before the real clock and `changed_after: now` isolates what a test changes), a
// staff client for its first company, and an online booking made the way a widget makes it.
import { YclientsClient } from "../../../src/index";
import { DEFAULT_USERS, startYclientsSimulator, type YclientsSimulator } from "../../../src/testing/index";

export const TODAY = "2026-03-10";

export async function startCrm(): Promise<{ sim: YclientsSimulator; yc: YclientsClient; companyId: number }> {
  const sim = await startYclientsSimulator({ rateLimit: false, today: TODAY, seed: 11 });
  const companyId = sim.state.companies[0].id;
  const user = sim.state.staffUsers.find((u) => u.login === DEFAULT_USERS[0].login)!;
  // The simulator's limit is off, and so is the client's (tested in test/ratelimit).
  const yc = new YclientsClient({
    partnerToken: sim.partnerToken,
    baseUrl: sim.url,
    companyId,
    userToken: user.token,
    rateLimit: false,
  });
  return { sim, yc, companyId };
}

/** Books the first free slot of the first bookable service online (`book_record`), as a new client. */
export async function bookOnline(
  sim: YclientsSimulator,
  yc: YclientsClient,
  companyId: number,
  client: { phone: string; fullname: string },
): Promise<{ recordId: number; staffId: number; serviceId: number }> {
  const service = sim.state.services.find((s) => s.company_id === companyId && s.staff_ids.length > 0)!;
  const staffId = service.staff_ids[0];
  const dates = await yc.booking.dates({ staff_id: staffId, service_ids: [service.id] }, { companyId });
  const date = dates.data.booking_dates![0] as string;
  const times = await yc.booking.times(staffId, date, { service_ids: [service.id] }, { companyId });
  const slot = times.data[0];
  const booked = await yc.booking.createRecord(
    {
      phone: client.phone,
      fullname: client.fullname,
      email: "",
      appointments: [{ id: 1, services: [service.id], staff_id: staffId, datetime: slot.datetime }],
    },
    { companyId },
  );
  return { recordId: Number(booked.data[0].record_id), staffId, serviceId: service.id };
}
