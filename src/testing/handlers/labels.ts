// The client-label search by name, 25 per page. The other label operations are the CRUD engine's
// (collections/labels.ts).
import { ok } from "../reply.js";
import { requireCompany } from "./scope.js";
import type { HandlerTable } from "./context.js";
import { labelView } from "../collections/labels.js";
import { toInt } from "./input.js";

/** The client-label search answers 25 per page, as the documented example's total suggests; the size is fixed. */
const CLIENT_LABEL_PAGE = 25;

export const labelHandlers: HandlerTable = {
  "GET /labels/{company_id}/clients": (ctx) => {
    const company = requireCompany(ctx.state, ctx.params.company_id);
    const term = (ctx.query.get("term") ?? "").trim().toLowerCase();
    const page = Math.max(1, toInt(ctx.query.get("page") ?? "") ?? 1);
    const found = ctx.state.labels.filter(
      (l) => l.company_id === company.id && l.entity === 1 && l.title.toLowerCase().includes(term),
    );
    const items = found.slice((page - 1) * CLIENT_LABEL_PAGE, page * CLIENT_LABEL_PAGE).map(labelView);
    return ok(items, { page, total_count: found.length });
  },
};
