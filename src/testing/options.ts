// The simulator's public options and defaults.
import type { Fault } from "./faults.js";
import type { WebhookDeliveryOptions } from "./webhook-sender.js";

/** A YCLIENTS staff user who can sign in with `POST /auth`. */
export interface SimulatorUser {
  login: string;
  password: string;
  /** The user token `/auth` hands out; one is derived from the seed when omitted. */
  token?: string;
  name?: string;
  phone?: string;
  /** Two-factor sign-in: `/auth` answers with a challenge and the code `state.twoFactorCode` completes it. */
  twoFactor?: boolean;
}

/** At most `limit` requests in any rolling window of `windowMs` milliseconds. */
export interface RateLimitWindow {
  limit: number;
  windowMs: number;
}

export interface RateLimitOptions {
  /** Requests allowed in any rolling one-second window (default 5). */
  perSecond?: number;
  /** Requests allowed in any rolling 60-second window (default 200). */
  perMinute?: number;
  /**
   * The windows themselves, replacing `perSecond` and `perMinute`: e.g. `[{ limit: 20, windowMs: 1000 },
   * { limit: 100, windowMs: 5000 }]` exercises both limits in a few seconds.
   */
  windows?: RateLimitWindow[];
}

export interface SimulatorOptions {
  /** TCP port; 0 (the default) picks a free one. */
  port?: number;
  /** Interface to listen on; only loopback makes sense (default 127.0.0.1). */
  host?: string;
  /** Seed of the generated data and of fault decisions (default 1). */
  seed?: number;
  /** The partner token every request must carry (default `DEFAULT_PARTNER_TOKEN`). */
  partnerToken?: string;
  /** Staff users for `POST /auth` (default `DEFAULT_USERS`). */
  users?: SimulatorUser[];
  /** `false` turns the rate limit off; an object tunes it (default on: 5/s and 200/min per client IP). */
  rateLimit?: boolean | RateLimitOptions;
  /** Faults injected from the start; change them later with `sim.setFaults()`. */
  faults?: Fault[];
  /**
   * The simulator's "today" as `YYYY-MM-DD` (default: the current date in Moscow). Seeded
   * records and bookable dates are placed relative to it, so pin it for byte-identical data.
   */
  today?: string;
  /**
   * Extra companies in the chain with no staff or services (default 0): enough of them make the company
   * list long enough to exercise pagination.
   */
  extraCompanies?: number;
  /** How many requests `sim.requests` keeps, newest last (default 10,000). */
  maxLoggedRequests?: number;
  /** Retries, timeout and log size of the webhooks the simulator sends (see `sim.webhookDeliveries`). */
  webhooks?: WebhookDeliveryOptions;
}

export const DEFAULT_PARTNER_TOKEN = "sim-partner-token";
export const DEFAULT_SEED = 1;
export const DEFAULT_MAX_LOGGED_REQUESTS = 10_000;

export const DEFAULT_USERS: readonly SimulatorUser[] = [
  { login: "79000000001", password: "sim-admin-password", name: "Администратор Симулятора", phone: "79000000001" },
  {
    login: "79000000002",
    password: "sim-2fa-password",
    name: "Управляющий Симулятора",
    phone: "79000000002",
    // A fixed token, so adding this user left the seeded data of every seed unchanged.
    token: "usr_sim_two_factor_0000000000000000",
    twoFactor: true,
  },
];

export const DEFAULT_RATE_LIMIT = { perSecond: 5, perMinute: 200 } as const;

/** The windows an option describes: its own `windows`, else one second and one minute. */
export function rateLimitWindows(option: RateLimitOptions = {}): RateLimitWindow[] {
  if (option.windows) return option.windows.map((w) => ({ limit: w.limit, windowMs: w.windowMs }));
  return [
    { limit: option.perSecond ?? DEFAULT_RATE_LIMIT.perSecond, windowMs: 1_000 },
    { limit: option.perMinute ?? DEFAULT_RATE_LIMIT.perMinute, windowMs: 60_000 },
  ];
}
