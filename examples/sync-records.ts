// Incremental sync of appointments, the daily job of a CRM integration: fetch every record created,
// changed or deleted since the last run, page by page (300 per request, the API's maximum), and
// remember where to start next time. Run it against the built-in simulator with
// `npx tsx examples/sync-records.ts`, or against the real API with YCLIENTS_PARTNER_TOKEN,
// YCLIENTS_USER_TOKEN, YCLIENTS_COMPANY_ID (and optionally YCLIENTS_BASE_URL, SYNC_SINCE).
import { parseYclientsDate, YclientsClient } from "yclients-client";

export interface SyncSettings {
  partnerToken: string;
  userToken: string;
  companyId: number;
  baseUrl?: string;
  /** Last checkpoint: company-local `YYYY-MM-DDTHH:MM:SS`, as `changed_after` takes it. */
  since: string;
  /** The company's time zone (its `timezone_name`); record dates without an offset are read in it. */
  timeZone?: string;
  print?: (line: string) => void;
}

export interface SyncResult {
  /** Records changed since the checkpoint, deleted ones included. */
  count: number;
  deleted: number;
  /** Where the next run starts: the latest change seen, or the old checkpoint when nothing changed. */
  nextSince: string;
}

/** `2026-03-10T12:00:00` in `timeZone`, the form `changed_after` takes. */
function companyLocal(instant: Date, timeZone: string): string {
  const text = new Intl.DateTimeFormat("sv-SE", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
  }).format(instant);
  return text.replace(" ", "T");
}

export async function syncRecords(settings: SyncSettings): Promise<SyncResult> {
  const print = settings.print ?? ((line: string) => console.log(line));
  const timeZone = settings.timeZone ?? "Europe/Moscow";
  const yc = new YclientsClient({
    partnerToken: settings.partnerToken,
    userToken: settings.userToken,
    companyId: settings.companyId,
    baseUrl: settings.baseUrl,
  });

  let count = 0;
  let deleted = 0;
  let latest: Date | undefined;
  // `iterate` asks for the next page only when the loop needs it and stops on a short page:
  // the list's `meta.total_count` is not reliable, so it is never used to stop early.
  for await (const record of yc.records.iterate({ changed_after: settings.since, with_deleted: 1 })) {
    count++;
    if (record.deleted === true) deleted++;
    const changed = parseYclientsDate(record.last_change_date, { timeZone });
    if (changed && (!latest || changed > latest)) latest = changed;
    // A real integration would upsert `record` into its own store here (and drop it when deleted).
  }
  const nextSince = latest ? companyLocal(latest, timeZone) : settings.since;
  print(`Records changed since ${settings.since}: ${count} (${deleted} deleted)`);
  print(`Next run: changed_after=${nextSince}`);
  return { count, deleted, nextSince };
}

async function main(): Promise<void> {
  const env = process.env;
  if (env.YCLIENTS_PARTNER_TOKEN && env.YCLIENTS_USER_TOKEN && env.YCLIENTS_COMPANY_ID) {
    await syncRecords({
      partnerToken: env.YCLIENTS_PARTNER_TOKEN,
      userToken: env.YCLIENTS_USER_TOKEN,
      companyId: Number(env.YCLIENTS_COMPANY_ID),
      baseUrl: env.YCLIENTS_BASE_URL,
      since: env.SYNC_SINCE ?? "2000-01-01T00:00:00",
    });
    return;
  }
  const { startYclientsSimulator } = await import("yclients-client/testing");
  const sim = await startYclientsSimulator({ seed: 7 });
  try {
    await syncRecords({
      partnerToken: sim.partnerToken,
      userToken: sim.state.staffUsers[0].token,
      companyId: sim.state.companies[0].id,
      baseUrl: sim.url,
      since: env.SYNC_SINCE ?? "2000-01-01T00:00:00",
    });
  } finally {
    await sim.close();
  }
}

if (require.main === module) {
  main().catch((error) => {
    console.error(`Sync failed: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
    process.exit(1);
  });
}
