// Books online the way a booking widget does, for the CRM tests that need a record made by a client.
import type { YclientsClient } from "../../../src/index";
import type { YclientsSimulator } from "../../../src/testing/index";

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
