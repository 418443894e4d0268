// Books an appointment through the online-booking flow, the way a booking widget or a chat bot would:
// pick a service, a staff member, a day and a slot; confirm the client's phone by SMS; check, book,
// read the record back and cancel it. Run it with `make demo` (it starts a local simulator) or point it
// at the real API with YCLIENTS_PARTNER_TOKEN, YCLIENTS_COMPANY_ID and YCLIENTS_BASE_URL.
import { YclientsBookingError, YclientsClient } from "yclients-client";

export interface BookingFlowSettings {
  partnerToken: string;
  companyId: number;
  baseUrl?: string;
  /** The client who books. */
  client: { phone: string; fullname: string; email?: string };
  /** Where the SMS code comes from: the simulator reads it from its state; a real integration asks the user. */
  readSmsCode: (phone: string) => Promise<string>;
  print?: (line: string) => void;
}

export async function bookingFlow(settings: BookingFlowSettings): Promise<{ recordId: number; recordHash: string }> {
  const print = settings.print ?? ((line: string) => console.log(line));
  const yc = new YclientsClient({
    partnerToken: settings.partnerToken,
    companyId: settings.companyId,
    baseUrl: settings.baseUrl,
  });

  const companies = await yc.companies.list({ id: settings.companyId });
  const company = companies.data.find((c) => `${c.id}` === `${settings.companyId}`);
  print(`Company:      ${company ? `${company.title}, ${company.address ?? ""}` : `id ${settings.companyId}`}`);

  const form = await yc.booking.services();
  const service = form.data.services?.[0];
  if (!service) throw new Error("The company offers no services for online booking");
  print(`Service:      ${service.title} (${service.price_min ?? "?"}–${service.price_max ?? "?"} ₽, id ${service.id})`);

  const staffList = await yc.booking.staff({ service_ids: [service.id] });
  const staff = staffList.data.find((s) => s.bookable !== false);
  if (!staff) throw new Error("Nobody can be booked for this service");
  print(`Staff member: ${staff.name}${staff.specialization ? `, ${staff.specialization}` : ""} (id ${staff.id})`);

  const dates = await yc.booking.dates({ staff_id: staff.id, service_ids: [service.id] });
  // The API sends days as YYYY-MM-DD or Unix seconds; either goes straight back in.
  const date = dates.data.booking_dates?.[0];
  if (date === undefined) throw new Error("No free days");

  const times = await yc.booking.times(staff.id, date, { service_ids: [service.id] });
  const slot = times.data[0];
  if (!slot) throw new Error(`No free slots on ${date}`);
  print(`Chosen slot:  ${date} ${slot.time} (${Math.round((slot.seance_length ?? 0) / 60)} min)`);

  // The client confirms the phone number: the API texts a code, the client types it in.
  const { phone, fullname, email } = settings.client;
  await yc.auth.sendSmsCode({ phone, fullname });
  const code = await settings.readSmsCode(phone);
  const signedIn = await yc.auth.getClientTokenBySmsCode({ phone, code });
  const asClient = yc.withUserToken(signedIn.data.user_token);
  print(`Client:       ${fullname}, phone confirmed by SMS`);

  const appointment = { id: 1, services: [service.id], staff_id: staff.id, datetime: slot.datetime };
  await asClient.booking.check({ appointments: [appointment] });
  const booked = await asClient.booking.createRecord({ phone, fullname, email, appointments: [appointment] });
  const created = booked.data[0];
  print(`Booked:       record ${created.record_id} (request id ${booked.requestId ?? "-"})`);

  try {
    await asClient.booking.createRecord({ phone, fullname, email, appointments: [appointment] });
    throw new Error("The same slot was booked twice");
  } catch (error) {
    if (!(error instanceof YclientsBookingError)) throw error;
    print(`Again?        refused with booking error ${error.code}: the slot is taken now`);
  }

  const record = await asClient.userRecords.get(created.record_id, created.record_hash);
  const first = Array.isArray(record.data) ? record.data[0] : record.data;
  print(
    `Read back:    ${JSON.stringify({ id: first?.id, datetime: first?.datetime, services: first?.services?.map((s) => s.title) })}`,
  );

  await asClient.userRecords.delete(created.record_id, created.record_hash);
  print(`Cancelled:    record ${created.record_id}`);
  return { recordId: created.record_id, recordHash: created.record_hash };
}
