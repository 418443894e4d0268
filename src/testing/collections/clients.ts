// A company's client cards as a collection of the CRUD engine: get, update (the same checks as create, a phone
// another card has is refused) and delete (the client's records stay and show `client: null`). Both changes
// send their webhook. Create, bulk create, the search language and the visit history stay hand-written
// (handlers/clients.ts).
import { collection } from "../engine/collection.js";
import { applyClient, clientErrors } from "../handlers/clients.js";
import { clientView } from "../handlers/crm-views.js";
import { isObject } from "../handlers/input.js";
import type { Client } from "../state.js";
import { findCompany } from "../state.js";
import { clientChange } from "../webhook-payloads.js";

export const clients = collection<Client>({
  rows: (state) => state.clients,
  ids: "client",
  company: "company_id",
  notFound: "Клиент не найден",
  view: (c, ctx) => clientView(ctx.state, c),
  update(client, ctx) {
    const body = isObject(ctx.body) ? ctx.body : {};
    clientErrors(ctx.state, findCompany(ctx.state, client.company_id)!, body, false, client.id).check(422);
    applyClient(client, body, ctx.now);
    ctx.emit(clientChange(ctx.state, client, "update"));
  },
  remove(client, ctx) {
    const change = clientChange(ctx.state, client, "delete");
    ctx.state.clients.splice(ctx.state.clients.indexOf(client), 1);
    ctx.emit(change);
  },
});
