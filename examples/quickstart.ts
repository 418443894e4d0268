// The README's snippets as code that `make typecheck` compiles, so the docs cannot drift from the API.
// Run against the real API: YCLIENTS_PARTNER_TOKEN=… YCLIENTS_COMPANY_ID=… npx tsx examples/quickstart.ts
import { backoff, YclientsBookingError, YclientsClient, YclientsValidationError } from "yclients-client";

export async function quickstart(partnerToken: string, companyId: number): Promise<void> {
  const yc = new YclientsClient({ partnerToken, companyId });

  // Typed call: path, parameters and answer all come from the spec.
  const { data } = await yc.GET("/book_dates/{company_id}", {
    params: { path: { company_id: companyId }, query: { staff_id: 16 } },
  });
  console.log(data.data.booking_dates);

  // Friendly methods resolve with { success, data, meta, status, headers, requestId }.
  const services = await yc.booking.services();
  const first = services.data.services?.[0];
  const staff = await yc.booking.staff(first ? { service_ids: [first.id] } : undefined);
  console.log(staff.data.map((s) => s.name));

  // Per-call options come last.
  const controller = new AbortController();
  await yc.booking.dates({ staff_id: 16 }, { timeoutMs: 2000, signal: controller.signal });

  // Pagination.
  for await (const company of yc.companies.iterate({ my: 1 })) console.log(company.title);
  const all = await yc.companies.listAll({ my: 1 }, { limit: 5000 });
  console.log(all.length);
}

export async function bookOrExplain(
  yc: YclientsClient,
  phone: string,
  fullname: string,
  staffId: number,
  datetime: string,
) {
  try {
    return await yc.booking.createRecord({
      phone,
      fullname,
      appointments: [{ id: 1, services: [1], staff_id: staffId, datetime }],
    });
  } catch (error) {
    if (error instanceof YclientsBookingError && error.code === 433) return "taken";
    if (error instanceof YclientsValidationError) return error.fieldErrors;
    throw error;
  }
}

/** README "Derived clients", "Middleware" and "Logging": one salon's client, tracing, and your own logger. */
export async function derivedClients(partnerToken: string, userToken: string): Promise<void> {
  const yc = new YclientsClient({
    partnerToken,
    logger: console,
    middleware: [{ onRequest: ({ request }) => (request.headers.set("X-Trace-Id", "trace-1"), request) }],
  });
  const salon = yc.withOptions({ companyId: 4564, userToken, timeoutMs: 10_000 });
  await salon.records.list({ changed_after: "2026-11-01" });
  await yc.booking.dates(undefined, { companyId: 4564, retry: false });
}

class DatabaseBusyError extends Error {}

export class Sync {
  @backoff({ retryOn: [DatabaseBusyError], maxTries: 5 })
  async pushVisits(day: string): Promise<string> {
    return day;
  }
}

if (require.main === module) {
  const token = process.env.YCLIENTS_PARTNER_TOKEN;
  const company = Number(process.env.YCLIENTS_COMPANY_ID);
  if (!token || !company) {
    console.error("Set YCLIENTS_PARTNER_TOKEN and YCLIENTS_COMPANY_ID to run this against the real API.");
    process.exit(1);
  }
  quickstart(token, company).catch((error) => {
    console.error(String(error));
    process.exit(1);
  });
}
