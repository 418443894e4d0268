// Visit → document → payment as one flow on the simulator's state: a record created by staff lists its visit
// document, the visit's details and the sale of that document both show the record's services as due, paying
// the sale books income on the account, and the details and the finance transactions then show that payment.
import { YclientsValidationError } from "../../src/index";
import { accountBalance, moneyState } from "../../src/testing/money-state";
import { useSignedIn } from "../helpers/simulator";

// No default company: every call below names its company.
const h = useSignedIn({ client: { companyId: undefined } });

test("sim.userToken is the first staff user's token and signs staff calls", async () => {
  expect(h.sim.userToken).toBe(h.sim.state.staffUsers[0].token);
  expect(h.sim.userToken).not.toBe("");
});

test("record → its visit document → details → sale → payment → details, income and balance agree", async () => {
  const company = h.sim.state.companies[0];
  const staff = h.sim.state.staff.find((s) => s.company_id === company.id && s.service_ids.length > 0)!;
  const service = h.sim.state.services.find((s) => s.id === staff.service_ids[0])!;
  const cash = moneyState(h.sim.state).accounts.find((a) => a.company_id === company.id && a.type === 0)!;
  const balance = accountBalance(moneyState(h.sim.state), cash.id);

  const created = await h.yc.POST("/records/{company_id}", {
    params: { path: { company_id: company.id } },
    body: {
      staff_id: staff.id,
      services: [{ id: service.id }],
      client: { phone: "79161112233", name: "Платёж Тестов" },
      datetime: "2026-03-20T12:00:00+03:00",
      seance_length: 3600,
    },
  });
  // The answer is documented both as the record and as a one-item list; the simulator sends the list.
  const answer = created.data!.data;
  const record = Array.isArray(answer) ? answer[0] : answer;
  const visitId = Number(record.visit_id);

  const read = await h.yc.GET("/record/{company_id}/{record_id}", {
    params: { path: { company_id: company.id, record_id: record.id } },
  });
  const documents = read.data!.data.documents!;
  expect(documents).toHaveLength(1);
  expect(documents[0]).toMatchObject({ type_id: 7, visit_id: record.visit_id });
  const documentId = documents[0].id;

  const details = () =>
    h.yc.GET("/visit/details/{salon_id}/{record_id}/{visit_id}", {
      params: { path: { salon_id: company.id, record_id: record.id, visit_id: visitId } },
    });
  const before = (await details()).data!.data;
  expect(before.items).toEqual([
    expect.objectContaining({
      service_id: service.id,
      cost: service.price_min,
      record_id: record.id,
      is_service: true,
    }),
  ]);
  expect(before.payment_transactions).toEqual([]);

  const sale = await h.yc.GET("/company/{company_id}/sale/{document_id}", {
    params: { path: { company_id: company.id, document_id: documentId } },
  });
  const method = sale.data!.data.payment_methods!.find((m) => m.account_id === cash.id)!;
  expect(method).toMatchObject({ is_applicable: true, applicable_amount: service.price_min });

  const pay = (amount: number) =>
    h.yc.POST("/company/{company_id}/sale/{document_id}/payment", {
      params: { path: { company_id: company.id, document_id: documentId } },
      body: { payment: { method: { slug: "account", account_id: cash.id }, amount } },
    });
  await expect(pay(service.price_min + 1)).rejects.toBeInstanceOf(YclientsValidationError);
  await pay(service.price_min);

  const after = (await details()).data!.data;
  expect(after.payment_transactions).toEqual([
    expect.objectContaining({
      amount: service.price_min,
      account_id: cash.id,
      document_id: documentId,
      record_id: record.id,
    }),
  ]);
  expect(accountBalance(moneyState(h.sim.state), cash.id)).toBe(balance + service.price_min);
  const income = await h.yc.GET("/timetable/transactions/{company_id}", {
    params: { path: { company_id: company.id }, query: { visit_id: visitId } },
  });
  expect(income.data!.data.map((t) => [Number(t.amount), t.record_id, t.visit_id])).toEqual([
    [service.price_min, record.id, visitId],
  ]);

  // Nothing is left to pay.
  await expect(pay(1)).rejects.toBeInstanceOf(YclientsValidationError);
});
