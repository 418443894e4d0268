// Type-level promises of the money types (tsc over test/ fails if a @ts-expect-error stops being an error),
// and the runtime half: what the simulator sends really has those types.
import type {
  components,
  FiscalDocument,
  FiscalStatus,
  SmsDeliveryStatus,
  SmsSendRequest,
  SmsSendResult,
} from "../../../src/index";
import { useSignedIn } from "../../helpers/simulator";

type Schemas = components["schemas"];

const h = useSignedIn();

describe("money types", () => {
  it("list amounts may be strings, so arithmetic needs an explicit conversion", async () => {
    const [cash] = (await h.yc.accounts.list()).data;
    await h.yc.financeTransactions.create({
      expense_id: 5,
      amount: 250.5,
      account_id: Number(cash.id),
      date: "2026-03-10 12:00:00",
    });
    const [listed] = (await h.yc.financeTransactions.list({ account_id: Number(cash.id) })).data;
    // @ts-expect-error `amount` is `number | string`: lists send "250.50"
    const wrong: number = listed.amount;
    expect(typeof wrong).toBe("string");
    const amount: number = Number(listed.amount);
    expect(amount).toBe(250.5);
  });

  it("answers are closed: a misspelled money field is a compile error", () => {
    const tx: Schemas["FinanceTransaction"] = { id: 1, amount: -100 };
    // @ts-expect-error there is no `sum` on a finance transaction
    expect(tx.sum).toBeUndefined();
    const good: Schemas["Good"] = { title: "Шампунь", cost: "1200", actual_amounts: [{ storage_id: 1, amount: 3 }] };
    expect(good.actual_amounts?.[0].amount).toBe(3);
  });

  it("partner payload types describe what the partner receives and sends", () => {
    const request: SmsSendRequest = {
      destination_params: [{ id: "1", phone: "79001112233" }],
      from: "Salon",
      text: "Ждём вас завтра",
      dispatch_type: "service",
      delivery_callback_url: "https://yclients.com/smsprovider/status/callback/token",
    };
    const results: SmsSendResult[] = request.destination_params.map((d) => ({ id: d.id, ext_id: `ext-${d.id}` }));
    const statuses: SmsDeliveryStatus[] = [{ id: results[0].id, status: 1, payment_sum: 2.5, currency_iso: "RUB" }];
    // @ts-expect-error 3 is not a documented delivery status
    const bad: SmsDeliveryStatus = { id: "1", status: 3 };
    expect([statuses[0].status, bad.status]).toEqual([1, 3]);

    const document: Pick<FiscalDocument, "id" | "type"> = { id: "d72fece5", type: "sale" };
    const answer: FiscalStatus = { id: document.id, status: "pending", code: 0 };
    // @ts-expect-error a fiscal status is success, pending or error
    const wrongStatus: FiscalStatus = { id: document.id, status: "done" };
    expect([answer.status, wrongStatus.status]).toEqual(["pending", "done"]);
  });
});
