// Clients' personal accounts (deposits) as a collection of the CRUD engine: rows of the chain, listed by a
// client of a company, by phone, or for the whole chain within a balance range (paged, with their owners).
// Top-ups and an account's history stay in handlers/deposits.ts.
import { collection } from "../engine/collection.js";
import { ofChain } from "./loyalty.js";
import { shaped } from "../engine/shape.js";
import type { HandlerContext } from "../handlers/context.js";
import { ofCompany } from "../handlers/money/common.js";
import { loyaltyState, type SimDeposit } from "../loyalty-state.js";
import { abort, fail, invalid } from "../reply.js";
import { normalizePhone } from "../state.js";

export function depositTypeView(ctx: HandlerContext, typeId: number) {
  const type = loyaltyState(ctx.state).depositTypes.find((t) => t.id === typeId)!;
  return shaped("DepositType", type, { salon_group_id: type.chain_id, date_create: type.created_at });
}

export function depositView(deposit: SimDeposit) {
  const { chain_id, type_id, created_at } = deposit;
  return shaped("Deposit", deposit, { salon_group_id: chain_id, deposit_type_id: type_id, date_create: created_at });
}

/** A balance bound of the chain's list; blank means none. */
function amount(value: string, bound: number): number {
  if (value.trim() === "") return bound;
  return Number.isFinite(Number(value))
    ? Number(value)
    : abort(invalid(400, { balance: ["Сумма должна быть числом"] }));
}

const ownerOf = (ctx: HandlerContext, deposit: SimDeposit) => ctx.state.clients.find((c) => c.id === deposit.client_id);

export const deposits = collection({
  ...ofChain("deposits"),
  notFound: "Личный счёт не найден",
  /** A client in the path must be one of the company's. */
  parent: (ctx) =>
    ctx.params.client_id === undefined ||
    ofCompany(ctx.state.clients, Number(ctx.params.company_id), Number(ctx.params.client_id)) ||
    abort(fail(404, "Клиент не найден")),
  filters: {
    client_id: (d, value) => d.client_id === Number(value),
    phone: (d, value, ctx) => normalizePhone(ownerOf(ctx, d)?.phone) === normalizePhone(value),
    balance_from: (d, value) => d.balance >= amount(value, -Infinity),
    balance_to: (d, value) => d.balance <= amount(value, Infinity),
  },
  order: (a, b) => a.id - b.id,
  count: "page",
  /** The account with its type, and in the chain-wide list its owner. */
  view(deposit, ctx) {
    const client = ctx.op.path === "/deposits/chain/{chain_id}" ? ownerOf(ctx, deposit) : undefined;
    const owner = client ? { client: { id: client.id, name: client.name, phone: client.phone } } : {};
    return { deposit: depositView(deposit), deposit_type: depositTypeView(ctx, deposit.type_id), ...owner };
  },
});
