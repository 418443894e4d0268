// The online-booking client's own profile: read it, change it, change the password (which
// replaces the token), and have a code texted to a new phone number.
import { abort, fail, invalid, MESSAGES, ok, type SimResponse } from "../reply.js";
import { newSecret } from "../secrets.js";
import type { BookingUser } from "../state.js";
import { userView } from "./auth.js";
import type { HandlerContext, HandlerTable } from "./context.js";
import { text, validPhone } from "./input.js";

/** Profile changes need a client token; a staff user has no booking profile. */
const clientOf = (ctx: HandlerContext): BookingUser =>
  ctx.session?.kind === "client" ? ctx.session.user : abort(fail(403, MESSAGES.forbidden));

const getBookingUser = (ctx: HandlerContext): SimResponse =>
  ctx.session ? ok(userView(ctx.session.user)) : fail(403, MESSAGES.forbidden);

function updateBookingUser(ctx: HandlerContext): SimResponse {
  const user = clientOf(ctx);
  const body = ctx.body ?? {};
  let phone: string | undefined;
  if (body.phone !== undefined) {
    phone = validPhone(body.phone);
    if (!phone) return invalid(422, { phone: ["Неверный формат номера телефона"] });
    if (phone !== user.phone && ctx.state.smsCodes.get(phone) !== text(body.confirmation_code)) {
      return invalid(422, { confirmation_code: ["Неверный код подтверждения"] });
    }
  }
  if (typeof body.name === "string" && body.name.trim()) user.name = body.name.trim();
  if (typeof body.email === "string") user.email = body.email.trim();
  if (phone && phone !== user.phone) {
    ctx.state.smsCodes.delete(phone);
    user.phone = user.login = phone;
  }
  return ok(null, { message: "Accepted" }, 202);
}

function changeBookingUserPassword(ctx: HandlerContext): SimResponse {
  const user = clientOf(ctx);
  if (user.password !== undefined && user.password !== String(ctx.body?.old_password ?? "")) {
    return invalid(422, { old_password: ["Неверный текущий пароль"] });
  }
  user.password = String(ctx.body?.new_password ?? "");
  user.token = newSecret(ctx.state, "cli_");
  return ok({ user_token: user.token });
}

function sendBookingUserPhoneCode(ctx: HandlerContext): SimResponse {
  clientOf(ctx);
  const phone = validPhone(ctx.query.get("phone") ?? "");
  if (!phone) return invalid(422, { phone: ["Неверный формат номера телефона"] });
  ctx.state.smsCodes.set(phone, ctx.state.smsCode);
  return ok(null, { message: "Accepted" }, 202);
}

export const bookingUserHandlers: HandlerTable = {
  "GET /booking/user/data": getBookingUser,
  "PUT /booking/user": updateBookingUser,
  "PUT /booking/user/password": changeBookingUserPassword,
  "GET /booking/user/phone_confirmation": sendBookingUserPhoneCode,
};
