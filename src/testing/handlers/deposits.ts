// Clients' personal accounts (deposits): an account's history, and top-ups. A top-up also books the payment on
// the company's cash desk or bank account as a finance transaction, so the money area's lists and balances see it.
import { depositTypeView, depositView, deposits } from "../collections/deposits.js";
import { rowOf } from "../engine/engine.js";
import { shaped } from "../engine/shape.js";
import { loyaltyState, type SimDeposit, type SimDepositTransaction } from "../loyalty-state.js";
import { bookTransaction, moneyState, roundMoney } from "../money-state.js";
import { FieldErrors, ok, type SimResponse } from "../reply.js";
import { addRow, nextId } from "../state.js";
import { isoWithOffset, spacedDateTime } from "../time.js";
import { ownBody, type HandlerContext, type HandlerTable } from "./context.js";
import { isObject, toInt } from "./input.js";
import { finiteNumber, ofCompany, transactionView } from "./money/common.js";
import { requireCompany } from "./scope.js";

/** The payment item of a personal-account top-up, as the documentation's example names it. */
const TOP_UP_ITEM = { id: 10, title: "Пополнение счета" };
const TOP_UP_DOCUMENT_TYPE = { id: 9, title: "Пополнение счета (аванс)" };
const TOP_UP_TRANSACTION_TYPE = { id: 1, title: "Пополнение" };

function lineView(ctx: HandlerContext, line: SimDepositTransaction, deposit: SimDeposit) {
  return shaped("DepositTransaction", line, {
    salon_id: line.company_id,
    salon_group_id: deposit.chain_id,
    deposit_type_id: deposit.type_id,
    date_create: isoWithOffset(line.created_at, requireCompany(ctx.state, line.company_id).utcOffset),
    deposit: depositView(deposit),
    deposit_type: depositTypeView(ctx, deposit.type_id),
  });
}

function history(ctx: HandlerContext): SimResponse {
  const deposit = rowOf(deposits, ctx);
  const lines = loyaltyState(ctx.state)
    .depositTransactions.filter((t) => t.deposit_id === deposit.id)
    .sort((a, b) => b.created_at - a.created_at || b.id - a.id)
    .map((t) => ({
      // The history writes its moments in UTC with microseconds.
      deposit_transaction: {
        ...lineView(ctx, t, deposit),
        date_create: new Date(t.created_at * 1000).toISOString().replace(/\.\d{3}Z$/, ".000000Z"),
      },
      deposit_transaction_type: TOP_UP_TRANSACTION_TYPE,
    }));
  return ok(lines, {});
}

function topUp(ctx: HandlerContext): SimResponse {
  const company = requireCompany(ctx.state, ctx.params.salon_id);
  const loyalty = loyaltyState(ctx.state);
  const money = moneyState(ctx.state);
  const body = isObject(ctx.body) ? ctx.body : {};
  const errors = new FieldErrors();
  const client = ofCompany(ctx.state.clients, company.id, toInt(body.client_id));
  if (!client) errors.set("client_id", "Клиент не найден в филиале");
  const deposit = loyalty.deposits.find((d) => d.id === toInt(body.deposit_id) && d.chain_id === company.chain_id);
  if (!deposit) errors.set("deposit_id", "Личный счёт не найден");
  else if (client && deposit.client_id !== client.id)
    errors.set("deposit_id", "Личный счёт принадлежит другому клиенту");
  else if (deposit.blocked) errors.set("deposit_id", "Личный счёт заблокирован");
  const account = ofCompany(money.accounts, company.id, toInt(body.account_id));
  if (!account) errors.set("account_id", "Касса не найдена в филиале");
  const amount = finiteNumber(body.amount);
  if (amount === undefined || amount <= 0) errors.set("amount", "Сумма пополнения должна быть больше нуля");
  errors.check(422);

  const sum = roundMoney(amount!);
  const masterId = toInt(body.master_id) ?? 0;
  const user = ctx.session?.kind === "staff" ? ctx.session.user : undefined;
  const documentId = nextId(ctx.state, "money");
  deposit!.balance = roundMoney(deposit!.balance + sum);
  const line = addRow(ctx.state, "loyalty", loyalty.depositTransactions, {
    deposit_id: deposit!.id,
    company_id: company.id,
    document_id: documentId,
    master_id: masterId,
    user_id: user?.id ?? 0,
    amount: sum,
    comment: "",
    created_at: ctx.now,
  });
  if (!money.paymentItems.some((p) => p.id === TOP_UP_ITEM.id)) money.paymentItems.push(TOP_UP_ITEM);
  const payment = bookTransaction(ctx.state, ctx.now, {
    company_id: company.id,
    document_id: documentId,
    expense_id: TOP_UP_ITEM.id,
    account_id: account!.id,
    amount: sum,
    client_id: client!.id,
    master_id: masterId,
    date: spacedDateTime(ctx.now, company.utcOffset),
  });
  const topUps = money.transactions.filter((t) => t.company_id === company.id && t.expense_id === TOP_UP_ITEM.id);
  const document = shaped("DepositDocument", line, {
    id: documentId,
    salon_id: company.id,
    type_id: TOP_UP_DOCUMENT_TYPE.id,
    type: TOP_UP_DOCUMENT_TYPE,
    number: topUps.length,
    salon: { id: company.id, title: company.title, timezone_name: company.timezone_name, address: company.address },
    user: { id: line.user_id, name: user?.name ?? "" },
  });
  return ok({
    document,
    deposits_transactions: [lineView(ctx, line, deposit!)],
    payment_transactions: [transactionView(ctx, payment)],
  });
}

export const depositHandlers: HandlerTable = {
  "GET /deposits/chain/{chain_id}/deposit_history/{deposit_id}": history,
  "POST /deposits_operations/{salon_id}": ownBody(topUp),
};
