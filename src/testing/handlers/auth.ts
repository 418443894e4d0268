// Signing in: staff users by login and password, online-booking clients by password or by
// the SMS code. Every token handed out here is one the simulator then accepts.
import { BOOKING_ERRORS, bookingFail, fail, ok, unauthorized, type SimResponse } from "../reply.js";
import { newSecret } from "../secrets.js";
import { nextId, type BookingUser, type SimulatorState, type StaffUser } from "../state.js";
import { shaped } from "../engine/shape.js";
import type { HandlerContext, HandlerTable } from "./context.js";
import { text, validPhone } from "./input.js";

const AVATAR = "https://assets.yclients.com/general/0/no-avatar.png";

/** Phones compare by digits (`+7 900…` = `7900…`), e-mails case-insensitively. */
function sameLogin(a: string, b: string): boolean {
  const [phoneA, phoneB] = [validPhone(a), validPhone(b)];
  return phoneA && phoneB ? phoneA === phoneB : a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** The signed-in account as `AuthUser` (its password and flags stay out). */
export const userView = (user: StaffUser | BookingUser): Record<string, unknown> =>
  shaped("AuthUser", user, { user_token: user.token, avatar: AVATAR, is_approved: true });

const WRONG_CREDENTIALS = "Неверный логин или пароль";

/** The account the body's login and password name (accounts without a password cannot sign in by one). */
function signIn<User extends StaffUser | BookingUser>(users: User[], body: any): User | undefined {
  const login = text(body?.login);
  const password = String(body?.password ?? "");
  return users.find((u) => u.password !== undefined && sameLogin(u.login, login) && u.password === password);
}

const TWO_FACTOR_ATTEMPTS = 3;

/**
 * Staff sign-in. A user with two-factor sign-in first gets a challenge (HTTP 200, `data.uuid`); repeating
 * the login and password with `"2fa": {uuid, secret}` and the right code gives the token (201). A wrong
 * code is a 422 with the attempts left in `data.attempts_left`; the last wrong one spends the challenge.
 */
function authUser(ctx: HandlerContext): SimResponse {
  const user = signIn(ctx.state.staffUsers, ctx.body);
  if (!user) return unauthorized(WRONG_CREDENTIALS);
  if (!user.twoFactor) return ok(userView(user), [], 201);
  const step = ctx.body?.["2fa"] as { uuid?: unknown; secret?: unknown } | undefined;
  if (step === undefined || step === null) return challenge(ctx.state, user);
  const uuid = text(step.uuid);
  const open = ctx.state.twoFactorChallenges.get(uuid);
  if (!open || !sameLogin(open.login, user.login)) {
    return unauthorized("Код подтверждения больше не действует, войдите заново");
  }
  if (text(step.secret) === ctx.state.twoFactorCode) {
    ctx.state.twoFactorChallenges.delete(uuid);
    return ok(userView(user), [], 201);
  }
  open.attemptsLeft -= 1;
  if (open.attemptsLeft <= 0) ctx.state.twoFactorChallenges.delete(uuid);
  const wrong = fail(422, "Неверный код подтверждения");
  return { ...wrong, body: { ...(wrong.body as object), data: { attempts_left: open.attemptsLeft } } };
}

function challenge(state: SimulatorState, user: StaffUser): SimResponse {
  const uuid = newSecret(state).replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, "$1-$2-$3-$4-$5");
  state.twoFactorChallenges.set(uuid, { login: user.login, attemptsLeft: TWO_FACTOR_ATTEMPTS });
  return ok({
    uuid,
    flow: "sms",
    transport: { type: "sms", recipient: `+${user.phone.slice(0, 4)}*****${user.phone.slice(-2)}` },
    refresh_ttl_sec: 60,
    attempts_left: TWO_FACTOR_ATTEMPTS,
  });
}

function authBookingUser(ctx: HandlerContext): SimResponse {
  const user = signIn(ctx.state.bookingUsers, ctx.body);
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
