// A staff-side visit paid at the desk: an administrator books a client, the visit's document (type 7) appears on
// the record, the sale of that document says what is due, and paying it books the income that the visit's details
// then show. Run it against the simulator with `npx tsx examples/visit-payment.ts`, or call `payForVisit()` with a
// real partner token, user token and company.
import { present, YclientsClient } from "yclients-client";

export interface VisitPaymentSettings {
  partnerToken: string;
  /** A staff user's token (the simulator's is `sim.userToken`). */
  userToken: string;
  companyId: number;
  baseUrl?: string;
  client: { phone: string; name: string };
  print?: (line: string) => void;
}

export async function payForVisit(settings: VisitPaymentSettings) {
  const print = settings.print ?? ((line: string) => console.log(line));
  const { partnerToken, userToken, companyId, baseUrl } = settings;
  const yc = new YclientsClient({ partnerToken, userToken, companyId, baseUrl });

  const form = await yc.booking.services();
  const service = form.data.services?.[0];
  if (!service) throw new Error("The company offers no services");
  const staff = (await yc.booking.staff({ service_ids: [service.id] })).data.find((s) => s.bookable !== false);
  if (!staff) throw new Error("Nobody provides this service");
  const date = (await yc.booking.dates({ staff_id: staff.id, service_ids: [service.id] })).data.booking_dates[0];
  const slot = (await yc.booking.times(staff.id, date, { service_ids: [service.id] })).data[0];
  if (!slot) throw new Error(`No free slots on ${date}`);

  const created = await yc.records.create({
    staff_id: staff.id,
    services: [{ id: service.id }],
    client: settings.client,
    datetime: slot.datetime,
    seance_length: slot.seance_length ?? 3600,
  });
  const record = Array.isArray(created.data) ? created.data[0] : created.data;
  print(`Record:       ${record.id} for ${service.title} at ${slot.datetime}`);

  // The record lists its visit's document; the sale endpoints take that document's id.
  const read = await yc.records.get(record.id);
  const visitDocument = read.data.documents?.find((d) => d.type_id === 7);
  if (!visitDocument) throw new Error("The record has no visit document");
  const sale = await yc.sales.get(visitDocument.id);
  const method = sale.data.payment_methods?.find((m) => m.slug === "account" && m.is_applicable);
  const accountId = method?.account_id;
  const due = method?.applicable_amount;
  if (!method || accountId === undefined || !due) throw new Error("Nothing to pay, or no account to pay into");
  print(`Due:          ${due} to account ${present(method.account)?.title ?? method.account_id}`);

  await yc.sales.pay(visitDocument.id, {
    payment: { method: { slug: "account", account_id: accountId }, amount: Number(due) },
  });
  const visitId = read.data.visit_id;
  if (visitId === undefined) throw new Error("The record names no visit");
  const details = await yc.visits.details(record.id, visitId);
  const paid = details.data.payment_transactions?.reduce((sum, t) => sum + Number(t.amount ?? 0), 0) ?? 0;
  print(`Paid:         ${paid} (${details.data.payment_transactions?.length ?? 0} payment) for visit ${visitId}`);
  return { recordId: record.id, documentId: visitDocument.id, paid };
}

if (require.main === module) {
  void (async () => {
    const { startYclientsSimulator } = await import("yclients-client/testing");
    const sim = await startYclientsSimulator({ seed: 1 });
    try {
      await payForVisit({
        partnerToken: sim.partnerToken,
        userToken: sim.userToken,
        companyId: sim.state.companies[0].id,
        baseUrl: sim.url,
        client: { phone: "79161234567", name: "Анна Смирнова" },
      });
    } finally {
      await sim.close();
    }
  })();
}
