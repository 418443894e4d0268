// Signing in: staff users by login and password, online-booking clients by password or by
// the SMS code. Every token handed out here is one the simulator then accepts.
import { BOOKING_ERRORS, bookingFail, ok, unauthorized, type SimResponse } from "../reply.js";
import { newSecret } from "../secrets.js";
import { nextId, type BookingUser, type SimulatorState, type StaffUser } from "../state.js";
import type { HandlerContext, HandlerTable } from "./context.js";
import { text, validPhone } from "./input.js";

const AVATAR = "https://assets.yclients.com/general/0/no-avatar.png";

/** Phones compare by digits (`+7 900…` = `7900…`), e-mails case-insensitively. */
function sameLogin(a: string, b: string): boolean {
  const phoneA = validPhone(a);
  const phoneB = validPhone(b);
  if (phoneA && phoneB) return phoneA === phoneB;
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

export function userView(user: StaffUser | BookingUser): Record<string, unknown> {
  return {
    id: user.id,
    user_token: user.token,
    name: user.name,
    phone: user.phone,
    login: user.login,
    email: user.email,
    avatar: AVATAR,
    is_approved: true,
  };
}

const WRONG_CREDENTIALS = "Неверный логин или пароль";

function authUser(ctx: HandlerContext): SimResponse {
  const login = text(ctx.body?.login);
  const password = String(ctx.body?.password ?? "");
  const user = ctx.state.staffUsers.find((u) => sameLogin(u.login, login) && u.password === password);
  return user ? ok(userView(user), [], 201) : unauthorized(WRONG_CREDENTIALS);
}

function authBookingUser(ctx: HandlerContext): SimResponse {
  const login = text(ctx.body?.login);
  const password = String(ctx.body?.password ?? "");
  const user = ctx.state.bookingUsers.find(
    (u) => u.password !== undefined && sameLogin(u.login, login) && u.password === password,
  );
  return user ? ok(userView(user), [], 201) : unauthorized(WRONG_CREDENTIALS);
}

/** The booking account for a phone, created on first SMS sign-in. */
function bookingUserFor(state: SimulatorState, phone: string): BookingUser {
  const existing = state.bookingUsers.find((u) => u.phone === phone);
  if (existing) return existing;
  const client = state.clients.find((c) => c.phone === phone);
  const user: BookingUser = {
    id: nextId(state, "bookingUser"),
    login: phone,
    token: newSecret(state, "cli_"),
    name: client ? `${client.name} ${client.surname}`.trim() : "Клиент",
    phone,
    email: client?.email ?? "",
  };
  state.bookingUsers.push(user);
  return user;
}

function authBySmsCode(ctx: HandlerContext): SimResponse {
  const phone = validPhone(ctx.body?.phone);
  if (!phone) return bookingFail(BOOKING_ERRORS.badPhone, "Неверный формат номера телефона");
  const sent = ctx.state.smsCodes.get(phone);
  if (!sent || sent !== text(ctx.body?.code))
    return bookingFail(BOOKING_ERRORS.wrongCode, "Неверный код подтверждения");
  ctx.state.smsCodes.delete(phone);
  return ok(userView(bookingUserFor(ctx.state, phone)), [], 201);
}

export const authHandlers: HandlerTable = {
  "POST /auth": authUser,
  "POST /booking/auth": authBookingUser,
  "POST /user/auth": authBySmsCode,
};
