// Log channels. By default they are `debug` namespaces (`DEBUG=yclients:*`); with the `logger` option they go to
// the caller's logger (console, pino, winston: anything with debug/info/warn/error). Callers pass only values that
// are safe to print (method, path template, status, timings, request ids); `redact.ts` is applied before anything
// that could hold a secret, so both routes print the same, secret-free lines.
import createDebug from "debug";

/** The shape of `console`, pino and winston loggers. */
export interface Logger {
  debug(message: string, ...rest: unknown[]): void;
  info(message: string, ...rest: unknown[]): void;
  warn(message: string, ...rest: unknown[]): void;
  error(message: string, ...rest: unknown[]): void;
}

/**
 * One channel: call it like `debug` (printf-style `%s`, `%d`, `%j`, `%o`); `enabled` says whether to bother.
 * Typed here rather than as `debug`'s own type, so the published declarations need no `@types/debug`.
 */
export interface LogChannel {
  (format: string, ...args: unknown[]): void;
  enabled: boolean;
  /** Where a `debug` channel writes (tests point it elsewhere). */
  log?: (...args: unknown[]) => void;
}

export interface Log {
  http: LogChannel;
  retry: LogChannel;
  breaker: LogChannel;
  ratelimit: LogChannel;
  /** `validateResponses: "warn"`: where an answer departs from the spec. */
  validate: LogChannel;
}

/** The default: `debug` namespaces, off unless DEBUG names them. */
export const log: Log = {
  http: createDebug("yclients:http"),
  retry: createDebug("yclients:retry"),
  breaker: createDebug("yclients:breaker"),
  ratelimit: createDebug("yclients:ratelimit"),
  validate: createDebug("yclients:validate"),
};

/** The level each channel logs at on a caller's logger: a changed circuit deserves attention, a request doesn't. */
const LEVELS: Record<keyof Log, keyof Logger> = {
  http: "debug",
  retry: "info",
  breaker: "warn",
  ratelimit: "info",
  validate: "warn",
};

/** printf-style formatting as `debug` does it, so messages read the same on both routes. */
export function formatMessage(format: string, args: readonly unknown[]): string {
  let i = 0;
  return format.replace(/%([sdjo%])/g, (match, kind: string) => {
    if (kind === "%") return "%";
    if (i >= args.length) return match;
    const value = args[i++];
    if (kind === "d") return String(Number(value));
    if (kind === "j" || kind === "o") {
      try {
        return JSON.stringify(value);
      } catch {
        return "[unserialisable]";
      }
    }
    return String(value);
  });
}

/** The channels for a client: its `logger` when it has one, else the `debug` namespaces. */
export function logFor(logger: Logger | undefined): Log {
  if (!logger) return log;
  const channel = (name: keyof Log): LogChannel => {
    const level = LEVELS[name];
    const write = (format: string, ...args: unknown[]) =>
      logger[level](`yclients:${name} ${formatMessage(format, args)}`);
    return Object.assign(write, { enabled: true });
  };
  return {
    http: channel("http"),
    retry: channel("retry"),
    breaker: channel("breaker"),
    ratelimit: channel("ratelimit"),
    validate: channel("validate"),
  };
}
