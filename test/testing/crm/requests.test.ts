// How the SDK shapes the calls of the example-based CRM operations (users, notifications, communications,
// reviews, group-event filters), checked in the simulator's request log: paths, company fallback, query
// encoding, which calls need a user token, and the deprecated user list.
import { operations } from "../../../generated/operations";
import { YclientsClient, YclientsConfigError } from "../../../src/index";
import { useSignedIn } from "../../helpers/simulator";

const h = useSignedIn({ client: { retry: { maxTries: 3, baseDelay: 1, jitter: false } } });
beforeEach(() => h.sim.clearRequests());

const last = () => h.sim.requests[h.sim.requests.length - 1];

describe("request shaping of the CRM operations", () => {
  it("users.invite sends to /user/invite/{salon_id} with the client's company id", async () => {
    const answer = await h.yc.users.invite({ invites: [{ name: "Оксана", search: "oxana@example.com" }] });
    expect(answer.status).toBe(202);
    expect(last()).toMatchObject({ method: "POST", path: `/user/invite/${h.company.id}`, operationId: "inviteUsers" });
    expect(last().body).toEqual({ invites: [{ name: "Оксана", search: "oxana@example.com" }] });
  });

  it("users.list sends the approval filter as 1/0 under its bracketed name", async () => {
    await h.yc.users.list({ "filter[is_approved]": false });
    expect(last().query).toEqual({ "filter[is_approved]": "0" });
  });

  it("user ids come first and the company in the options: notifications.updateForUser(userId, params, { companyId })", async () => {
    const other = h.sim.state.companies[1];
    await h.yc.notifications.updateForUser(
      77,
      { notification_types: [{ type: "record_move_admin", channels: { push: 0 } }] },
      { companyId: other.id },
    );
    expect(last().path).toBe(`/notification_settings/${other.id}/users/77`);
  });

  it("campaign filters go in the query, the text in the body, from one params object", async () => {
    const answer = await h.yc.communications.sendSmsByFilter({ text: "Скидка 10%", fullname: "Анна", phone: "7916" });
    expect(answer.success).toBe(true);
    expect(last()).toMatchObject({
      path: `/sms/clients/by_filter/${h.company.id}`,
      query: { fullname: "Анна", phone: "7916" },
      body: { text: "Скидка 10%" },
    });
  });

  it("group-event filters are sent PHP-style as repeated `name[]`", async () => {
    await h.yc.groupEvents.filters({ staff_ids: [5, 6], service_ids: [7] });
    expect(last().query).toEqual({ "staff_ids[]": ["5", "6"], "service_ids[]": "7" });
  });

  it("operations that need a user token fail before sending without one; partner-only ones go through", async () => {
    const partnerOnly = new YclientsClient({
      partnerToken: h.sim.partnerToken,
      baseUrl: h.sim.url,
      companyId: h.company.id,
    });
    await expect(partnerOnly.users.list()).rejects.toBeInstanceOf(YclientsConfigError);
    await expect(partnerOnly.notifications.listTypes()).rejects.toBeInstanceOf(YclientsConfigError);
    expect(h.sim.requests).toHaveLength(0);

    const form = await partnerOnly.reviews.getForm("a1b2c3d4e5f6");
    expect(form.data.is_review_submitted).toBe(false);
    await partnerOnly.groupEvents.dates({ from: "2026-03-01", till: "2026-03-31" });
    expect(h.sim.requests.map((r) => r.headers.authorization)).toEqual(["Bearer [REDACTED]", "Bearer [REDACTED]"]);
  });

  it("the deprecated user list is marked so in the operation table, and still answers", async () => {
    const legacy = operations.find((o) => o.operationId === "listCompanyUsersLegacy");
    expect(legacy).toMatchObject({ deprecated: true, path: "/company_users/{company_id}" });
    const answer = await h.yc.users.listLegacy();
    expect(answer.data[0]).toHaveProperty("access");
  });
});
