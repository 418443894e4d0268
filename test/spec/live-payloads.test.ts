// The spec against what the real API sends. Every recorded live payload in test/fixtures/live validates
// against the spec; and the mismatches once found in live captures (null where the spec said a value,
// numeric strings, 201s, partial updates) are held here as small payloads of the same shape.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { createSpecValidator } from "../../scripts/spec-validator";

const repoRoot = join(__dirname, "..", "..");
const spec = JSON.parse(readFileSync(join(repoRoot, "generated", "openapi.json"), "utf8"));
const validator = createSpecValidator(spec);
const liveDir = join(repoRoot, "test", "fixtures", "live");
const sources = readFileSync(join(liveDir, "SOURCES.md"), "utf8");

/** Each live answer fixture and the answer it is: `METHOD path status`. */
const LIVE: Record<string, [string, string, string]> = {
  "altegio-webhook-record.json": ["GET", "/record/{company_id}/{record_id}", "200"],
  "yclients-staff-list-member.json": ["GET", "/company/{company_id}/staff/", "200"],
  "altegio-demo-analytics-overall.json": ["GET", "/company/{company_id}/analytics/overall/", "200"],
  "altegio-demo-charts-income-daily.json": [
    "GET",
    "/company/{company_id}/analytics/overall/charts/income_daily/",
    "200",
  ],
  "altegio-demo-charts-fullness-daily.json": [
    "GET",
    "/company/{company_id}/analytics/overall/charts/fullness_daily/",
    "200",
  ],
  "altegio-demo-charts-records-daily.json": [
    "GET",
    "/company/{company_id}/analytics/overall/charts/records_daily/",
    "200",
  ],
  "altegio-demo-z-report.json": ["GET", "/reports/z_report/{company_id}", "200"],
  // Operations beyond the YCLIENTS inventory, added from these recordings.
  "altegio-demo-charts-clients-daily.json": [
    "GET",
    "/company/{company_id}/analytics/overall/charts/clients_daily/",
    "200",
  ],
  "altegio-demo-receptionist-clients-scheduled.json": [
    "GET",
    "/company/{company_id}/analytics/administrator/clients_scheduled",
    "200",
  ],
  "altegio-demo-receptionist-records-closed.json": [
    "GET",
    "/company/{company_id}/analytics/administrator/records_closed",
    "200",
  ],
  "altegio-demo-receptionist-income.json": ["GET", "/company/{company_id}/analytics/administrator/income", "200"],
  "altegio-demo-receptionist-visited-rescheduled.json": [
    "GET",
    "/company/{company_id}/analytics/administrator/visited_clients_rescheduled",
    "200",
  ],
  "altegio-demo-staff-workload.json": ["GET", "/company/{company_id}/staff/workload", "200"],
  "altegio-team-workload.json": ["GET", "/company/{company_id}/staff/workload", "200"],
  "altegio-day-report.json": ["GET", "/reports/day_report/{company_id}/{date}", "200"],
  "altegio-records-list.json": ["GET", "/records/{company_id}", "200"],
  "altegio-staff-list.json": ["GET", "/company/{company_id}/staff/", "200"],
  "altegio-clients-list.json": ["GET", "/clients/{company_id}", "200"],
  "altegio-services-list.json": ["GET", "/company/{company_id}/services/", "200"],
};

/**
 * Each live webhook delivery, the spec webhook it is, and the get-one answer whose object its `data` also is
 * (a delivery carries the same object the API answers).
 */
const LIVE_DELIVERIES: Record<string, [string, string]> = {
  "yclients-webhook-record-update.json": ["record", "/record/{company_id}/{record_id}"],
  "yclients-webhook-finance-operation.json": [
    "finances_operation",
    "/finance_transactions/{company_id}/{transaction_id}",
  ],
  "yclients-webhook-goods-sale.json": [
    "goods_operations",
    "/storage_operations/goods_transactions/{company_id}/{transaction_id}",
  ],
};

const readLive = (file: string) => JSON.parse(readFileSync(join(liveDir, file), "utf8"));

describe("recorded live payloads", () => {
  it("every fixture is listed here and in SOURCES.md", () => {
    const files = readdirSync(liveDir).filter((f) => f.endsWith(".json"));
    expect(files.sort()).toEqual([...Object.keys(LIVE), ...Object.keys(LIVE_DELIVERIES)].sort());
    for (const file of files) expect(sources).toContain(`\`${file}\``);
  });

  it.each(Object.entries(LIVE))("%s validates", (file, [method, path, status]) => {
    expect(validator.response(path, method, status, readLive(file))).toBeUndefined();
  });

  it.each(Object.entries(LIVE_DELIVERIES))("%s validates as the delivery and as the answer", (file, [hook, path]) => {
    const delivery = readLive(file);
    expect(validator.webhookBody(hook, delivery)).toBeUndefined();
    expect(validator.response(path, "GET", "200", { success: true, data: delivery.data, meta: [] })).toBeUndefined();
  });
});

const record = JSON.parse(readFileSync(join(liveDir, "altegio-webhook-record.json"), "utf8")).data;

describe("live mismatches the spec now allows", () => {
  it("a consumables document with a null comment and a null receipt flag", () => {
    const consumables = {
      ...record.documents[0],
      type_id: 8,
      type_title: "Расходники",
      comment: null,
      is_sale_bill_printed: null,
    };
    const body = {
      success: true,
      data: [{ ...record, is_sale_bill_printed: null, documents: [record.documents[0], consumables] }],
      meta: { total_count: 1 },
    };
    expect(validator.response("/records/{company_id}", "GET", "200", body)).toBeUndefined();
  });

  it("the analytics overview of a period without records (null percents)", () => {
    const example =
      spec.paths["/company/{company_id}/analytics/overall/"].get.responses["200"].content["application/json"].example;
    const data = structuredClone(example.data);
    data.income_total_stats.change_percent = null;
    data.fullness_stats = { current_percent: null, previous_percent: null, change_percent: null };
    data.record_stats = { ...data.record_stats, current_completed_percent: null, change_percent: null };
    data.client_stats = { ...data.client_stats, new_percent: null, return_percent: null, lost_percent: null };
    expect(
      validator.response("/company/{company_id}/analytics/overall/", "GET", "200", { ...example, data }),
    ).toBeUndefined();
  });

  it("a record whose staff came as [] and whose client card is a number", () => {
    const withEmpty = { ...record, client: { ...record.client, card: 5550001 }, staff: [] };
    expect(
      validator.response("/record/{company_id}/{record_id}", "GET", "200", {
        success: true,
        data: withEmpty,
        meta: [],
      }),
    ).toBeUndefined();
  });

  it("a nullable object sent as [] (a staff member without a user account), where the envelope's data stays itself", () => {
    const staff = JSON.parse(readFileSync(join(liveDir, "altegio-staff-list.json"), "utf8"));
    const member = { ...staff.data[1], user: [], chain: [] };
    const body = { success: true, data: [member], meta: { total_count: 1 } };
    expect(validator.response("/company/{company_id}/staff/", "GET", "200", body)).toBeUndefined();
    // The rule is about objects inside an answer: an enveloped entity is never `[]`.
    expect(
      validator.response("/labels/{company_id}", "POST", "200", { success: true, data: [], meta: [] }),
    ).toBeDefined();
  });

  it("goods with the loyalty type ids as numeric strings", () => {
    const example =
      spec.paths["/goods/{company_id}/{good_id}"].get.responses["200"].content["application/json"].example;
    const data = [{ ...example.data[0], loyalty_abonement_type_id: "0", loyalty_certificate_type_id: "12" }];
    expect(validator.response("/goods/{company_id}/{good_id}", "GET", "200", { ...example, data })).toBeUndefined();
  });

  it("the marketplace answers as they come", () => {
    const created = { success: true, data: null, meta: [] };
    expect(validator.response("/marketplace/partner/callback", "POST", "201", created)).toBeUndefined();
    expect(validator.response("/marketplace/partner/short_names", "POST", "201", created)).toBeUndefined();
    expect(
      validator.response("/marketplace/partner/callback/redirect", "POST", "200", { success: true }),
    ).toBeUndefined();
    expect(validator.response("/marketplace/partner/callback/redirect", "POST", "301", undefined)).toBeUndefined();
    const channel = { success: true, data: { channel_slug: "sms", is_available: false }, meta: [] };
    expect(validator.response("/marketplace/application/update_channel", "POST", "200", channel)).toBeUndefined();
  });

  it("partial updates: only what a source requires", () => {
    expect(validator.requestBody("/goods/{company_id}/{good_id}", "PUT", { cost: 1200 })).toBeUndefined();
    expect(
      validator.requestBody("/activity/{company_id}/duplication_strategy/{strategy_id}", "PUT", { title: "Weekly" }),
    ).toBeUndefined();
    expect(validator.requestBody("/service_category/{company_id}/{id}", "PUT", { weight: 3 })).toBeUndefined();
    expect(
      validator.requestBody("/storage_operations/documents/{company_id}/{document_id}", "PUT", {
        type_id: 1,
        storage_id: 2,
        comment: "x",
      }),
    ).toBeUndefined();
    // What a source does require stays required.
    expect(
      validator.requestBody("/storage_operations/documents/{company_id}/{document_id}", "PUT", { comment: "x" }),
    ).toBeDefined();
    expect(validator.requestBody("/staff/{company_id}/{staff_id}", "PUT", { specialization: "x" })).toBeDefined();
  });

  it("the record's update and delete take the documented include flags", () => {
    for (const method of ["put", "delete"]) {
      const names = spec.paths["/record/{company_id}/{record_id}"][method].parameters.map(
        (p: { name?: string }) => p.name,
      );
      expect(names).toEqual(expect.arrayContaining(["include_consumables", "include_finance_transactions"]));
    }
  });
});
