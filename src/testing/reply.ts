// Answers in the API's shapes: the success envelope, the two error shapes and the
// online-booking error with its numeric code.

export interface SimResponse {
  status: number;
  /** JSON body, or a Buffer sent as is (set its content-type in `headers`); undefined sends no body (204). */
  body?: unknown;
  headers?: Record<string, string>;
}

/** The API sends `meta: []` when there is nothing to say. */
export type Meta = Record<string, unknown> | [];

export function ok(data: unknown, meta: Meta = [], status = 200): SimResponse {
  return { status, body: { success: true, data, meta } };
}

/** The usual error body: `{success: false, data: null, meta: {message, ...}}`. */
export function fail(status: number, message: string, meta: Record<string, unknown> = {}): SimResponse {
  return { status, body: { success: false, data: null, meta: { message, ...meta } } };
}

/** The second error shape (no `success` key) the API uses for 401. */
export function unauthorized(message: string): SimResponse {
  return { status: 401, body: { errors: { code: 401, message }, meta: { message } } };
}

/** The rate limit's 429, with the whole seconds to wait in `Retry-After`. */
export function tooManyRequests(retryAfter: number): SimResponse {
  return { ...fail(429, MESSAGES.tooMany), headers: { "retry-after": String(Math.max(0, Math.ceil(retryAfter))) } };
}

/** A validation failure: `meta.errors` maps each field to its messages. */
export function invalid(status: 400 | 422, errors: Record<string, string[]>, message = "Ошибка валидации") {
  return fail(status, message, { errors });
}

/**
 * Collects what is wrong with a request, field by field, and answers it all at once through `invalid`: the one
 * way the simulator builds a validation failure.
 */
export class FieldErrors {
  private readonly errors: Record<string, string[]> = {};
  add(field: string, message: string): void {
    (this.errors[field] ??= []).push(message);
  }
  /** Makes `message` the field's only message. */
  set(field: string, message: string): void {
    this.errors[field] = [message];
  }
  get any(): boolean {
    return Object.keys(this.errors).length > 0;
  }
  first(field: string): string | undefined {
    return this.errors[field]?.[0];
  }
  response(status: 400 | 422 = 422, message?: string): SimResponse {
    return invalid(status, this.errors, message);
  }
  /** Answers early (through `abort`) when any field is wrong. */
  check(status: 400 | 422 = 422, message?: string): void {
    if (this.any) abort(this.response(status, message));
  }
}

export const BOOKING_ERRORS = {
  badPhone: 431,
  wrongCode: 432,
  slotTaken: 433,
  blacklisted: 434,
  noName: 435,
  noStaff: 436,
  overlap: 437,
  notBookable: 438,
} as const;

export type BookingErrorCode = (typeof BOOKING_ERRORS)[keyof typeof BOOKING_ERRORS];

/**
 * Online-booking failure: HTTP 422 (403 for a black-listed phone) with the code in
 * `errors.code`; `appointmentId` names the appointment of the request that failed (433, 437).
 */
export function bookingFail(code: BookingErrorCode, message: string, appointmentId?: number): SimResponse {
  const errors = appointmentId === undefined ? { code, message } : { code, message, id: appointmentId };
  return {
    status: code === BOOKING_ERRORS.blacklisted ? 403 : 422,
    body: { success: false, data: null, meta: { message }, errors },
  };
}

export const MESSAGES = {
  notFound: "Не найдено",
  noAuth: "Необходима авторизация",
  badPartner: "Партнер не найден",
  badUser: "Пользователь не найден или токен недействителен",
  forbidden: "Недостаточно прав",
  badAccept: "Для использования API укажите в запросе заголовок Accept: application/vnd.yclients.v2+json",
  badJson: "Некорректный JSON в теле запроса",
  tooMany: "Превышен лимит запросов, повторите позже",
  methodNotAllowed: "Метод не поддерживается для этого адреса",
  serverError: "Внутренняя ошибка сервера",
  tooLarge: "Слишком большое тело запроса",
} as const;

/** Thrown by handlers to answer early (not found, booking errors); the core sends `response`. */
export class Reply extends Error {
  constructor(readonly response: SimResponse) {
    super(`reply ${response.status}`);
  }
}

export function abort(response: SimResponse): never {
  throw new Reply(response);
}
