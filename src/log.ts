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
  const channel = ((format: string, ...args: unknown[]) => {
    const line = `${new Date().toISOString()} ${name} ${formatMessage(format, args)}`;
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
