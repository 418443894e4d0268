// Every collection the CRUD engine serves, by the name the spec's `x-sim` bindings use.
import type { Collection } from "../engine/collection.js";
import { clients } from "./clients.js";
import { customFields } from "./custom-fields.js";
import { goods } from "./goods.js";
import { groupEvents, groupEventsV2 } from "./group-events.js";
import { labels } from "./labels.js";
import { abonementTypes, abonements } from "./abonements.js";
import { deposits } from "./deposits.js";
import { cardWithdrawals, loyaltyCardTypes, loyaltyCards } from "./loyalty.js";
import { accounts, documents, goodsLines, storages, transactions } from "./money.js";
import { records } from "./records.js";
import { waitingList } from "./waiting-list.js";
import { companies, positions, serviceCategories, services, staff } from "./catalogue.js";

export const collections: Record<string, Collection> = {
  companies,
  staff,
  services,
  serviceCategories,
  positions,
  labels,
  waitingList,
  goods,
  customFields,
  accounts,
  storages,
  transactions,
  documents,
  goodsLines,
  loyaltyCards,
  loyaltyCardTypes,
  cardWithdrawals,
  deposits,
  abonementTypes,
  abonements,
  groupEvents,
  groupEventsV2,
  clients,
  records,
};
