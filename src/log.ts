// Log channels. By default they are `debug`-style namespaces (`DEBUG=yclients:*`, read once, on first use); with
// the `logger` option they go to the caller's logger (console, pino, winston: anything with debug/info/warn/error).
// Callers pass only values that are safe to print (method, path template, status, timings, request ids);
// `redact.ts` is applied before anything that could hold a secret, so both routes print the same, secret-free lines.
//
// Not the `debug` package: its Node build reads process.env when it loads (Deno then needs --allow-env even for
// the webhooks entry), it cost 9 ms of cold start and 2.6 kB gzip in a browser bundle, for logs that are off by
// default. The matching below is the part of it the SDK needs: `*` wildcards, `-` exclusions, commas or spaces.

/** The shape of `console`, pino and winston loggers. */
export interface Logger {
  debug(message: string, ...rest: unknown[]): void;
  info(message: string, ...rest: unknown[]): void;
  warn(message: string, ...rest: unknown[]): void;
  error(message: string, ...rest: unknown[]): void;
}

/**
 * How a logger takes fields: pino (and bunyan) `logger.info(fields, message)`, winston `logger.info(message, fields)`,
 * console a readable line only.
 */
export type LogStyle = "pino" | "winston" | "console";

/** A logger with its calling convention stated, for loggers the automatic detection does not recognise. */
export interface LoggerSetting {
  instance: Logger;
  style: LogStyle;
}

/**
 * What one log event says as data: method, path template, status, durationMs, attempt, requestId, callId… Only
 * values that are safe to print: never a header, a body, a URL with its query, a token or a password.
 */
export type LogFields = Readonly<Record<string, unknown>>;

/**
 * One channel: call it like `debug` (printf-style `%s`, `%d`, `%j`, `%o`), optionally with the event's fields first,
 * as pino does: `channel({ method, path }, "%s %s", method, path)`. `enabled` says whether to bother.
 * Typed here rather than as `debug`'s own type, so the published declarations need no `@types/debug`.
 */
export interface LogChannel {
  (format: string, ...args: unknown[]): void;
  (fields: LogFields, format: string, ...args: unknown[]): void;
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

/**
 * The level each channel logs at on a caller's logger: a changed circuit deserves attention, a request doesn't.
 * A new channel is a line here and one in `Log`.
 */
const LEVELS: Record<keyof Log, keyof Logger> = {
  http: "debug",
  retry: "info",
  breaker: "warn",
  ratelimit: "info",
  validate: "warn",
};

/** Splits a channel call into its fields (if any) and its formatted message. */
function parseCall(args: unknown[]): { fields?: LogFields; message: string } {
  const [first, ...rest] = args;
  if (typeof first === "string") return { message: formatMessage(first, rest) };
  const [format, ...values] = rest;
  return { fields: first as LogFields, message: formatMessage(String(format ?? ""), values) };
}

let namespaces: { include: RegExp[]; exclude: RegExp[] } | undefined;
/** Each channel's answer, kept: `enabled` is read on every request. */
const decided = new Map<string, boolean>();

/** The DEBUG setting (Node, Bun, Deno with --allow-env) or localStorage.debug (browsers); none where unreadable. */
function configuredNamespaces(): string {
  try {
    const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
    if (env?.DEBUG) return env.DEBUG;
  } catch {
    // Deno without --allow-env throws on reading the environment: logs stay off.
  }
  try {
    return (
      (globalThis as { localStorage?: { getItem(key: string): string | null } }).localStorage?.getItem("debug") ?? ""
    );
  } catch {
    return "";
  }
}

/** Sets which `yclients:*` channels print, as DEBUG would (`""` turns them all off). Tests use it. */
export function setDebugNamespaces(spec: string): void {
  const include: RegExp[] = [];
  const exclude: RegExp[] = [];
  for (const part of spec.split(/[\s,]+/).filter(Boolean)) {
    const negated = part.startsWith("-");
    const body = (negated ? part.slice(1) : part).replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*?");
    (negated ? exclude : include).push(new RegExp(`^${body}$`));
  }
  namespaces = { include, exclude };
  decided.clear();
}

function namespaceEnabled(name: string): boolean {
  if (!namespaces) setDebugNamespaces(configuredNamespaces());
  let answer = decided.get(name);
  if (answer === undefined) {
    const { include, exclude } = namespaces!;
    answer = !exclude.some((re) => re.test(name)) && include.some((re) => re.test(name));
    decided.set(name, answer);
  }
  return answer;
}

let sink: ((line: string) => void) | undefined;

/** Where every default channel writes (tests capture lines); `undefined`: stderr, through console.error. */
export function setDebugSink(write: ((line: string) => void) | undefined): void {
  sink = write;
}

/** One default channel: off unless DEBUG names it; `enabled` and `log` can be overridden (tests do). */
function debugChannel(name: string): LogChannel {
  let forced: boolean | undefined;
  const channel = ((...args: unknown[]) => {
    // The readable line only: its message already says what the fields hold.
    const line = `${new Date().toISOString()} ${name} ${parseCall(args).message}`;
    // eslint-disable-next-line no-console -- stderr is where DEBUG output goes, as with the `debug` package
    (channel.log ?? sink ?? console.error)(line);
  }) as LogChannel;
  Object.defineProperty(channel, "enabled", {
    get: () => forced ?? namespaceEnabled(name),
    set: (value: boolean) => {
      forced = value;
    },
  });
  return channel;
}

/** The default: `yclients:*` namespaces, off unless DEBUG names them. */
export const log: Log = {
  http: /* @__PURE__ */ debugChannel("yclients:http"),
  retry: /* @__PURE__ */ debugChannel("yclients:retry"),
  breaker: /* @__PURE__ */ debugChannel("yclients:breaker"),
  ratelimit: /* @__PURE__ */ debugChannel("yclients:ratelimit"),
  validate: /* @__PURE__ */ debugChannel("yclients:validate"),
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

/**
 * The calling convention of a logger, recognised by what it has: pino's `bindings()`, winston's `transports` and
 * `add()`. Anything else (console, loglevel, a hand-written object) gets readable lines.
 */
export function detectLogStyle(logger: Logger): LogStyle {
  const probe = logger as unknown as Record<string, unknown>;
  if (typeof probe.bindings === "function" && typeof probe.child === "function") return "pino";
  if (typeof probe.add === "function" && typeof probe.log === "function" && "transports" in probe) return "winston";
  return "console";
}

/** Whether `value` is the `{ instance, style }` form of the `logger` option. */
export function isLoggerSetting(value: unknown): value is LoggerSetting {
  return typeof value === "object" && value !== null && "instance" in value && "style" in value;
}

/** The channels for a client: its `logger` when it has one, else the `debug` namespaces. */
export function logFor(logger: Logger | LoggerSetting | undefined): Log {
  if (!logger) return log;
  const { instance, style } = isLoggerSetting(logger) ? logger : { instance: logger, style: detectLogStyle(logger) };
  const channel = (name: keyof Log): LogChannel => {
    const level = LEVELS[name];
    const namespace = `yclients:${name}`;
    const write = (...args: unknown[]) => {
      const { fields, message } = parseCall(args);
      if (style === "console") instance[level](`${namespace} ${message}`);
      else if (style === "pino") instance[level]({ channel: namespace, ...fields } as never, message);
      else instance[level](message, { channel: namespace, ...fields });
    };
    return Object.assign(write as LogChannel, { enabled: true });
  };
  const channels = {} as Log;
  for (const name of Object.keys(LEVELS) as Array<keyof Log>) channels[name] = channel(name);
  return channels;
}

let callCounter = 0;
/** A per-process prefix, so that ids from several processes sharing one log index do not collide. */
let callPrefix: string | undefined;

/** An id for one call in log events (`a1b2c3d4-17`): made only when a channel is on, so it costs nothing otherwise. */
export function newCallId(): string {
  callPrefix ??= Math.floor(Math.random() * 0x100000000)
    .toString(16)
    .padStart(8, "0");
  return `${callPrefix}-${(++callCounter).toString(36)}`;
}
