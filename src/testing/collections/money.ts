// The money state's cash desks and bank accounts, and its warehouses, as read-only collections of the CRUD
// engine. Balances, transactions and stock stay with the hand-written handlers (handlers/money/).
import { collection } from "../engine/collection.js";
import { moneyState, type MoneyAccount, type MoneyStorage } from "../money-state.js";

export const accounts = collection<MoneyAccount>({
  rows: (state) => moneyState(state).accounts,
  ids: "money",
  company: "company_id",
  notFound: "Касса не найдена",
  view: (a) => ({ id: a.id, title: a.title, type: a.type, comment: a.comment }),
});

export const storages = collection<MoneyStorage>({
  rows: (state) => moneyState(state).storages,
  ids: "money",
  company: "company_id",
  notFound: "Склад не найден",
  view: ({ id, title, for_service, for_sale, comment }) => ({ id, title, for_service, for_sale, comment }),
});
