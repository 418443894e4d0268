// One resource for a whole test file (a server, a built CLI): started in beforeAll, stopped in afterAll, and
// held in a `const` at the top of the file through an object that reads through to it once it exists.

export function perFile<T extends object>(
  what: string,
  start: () => Promise<T>,
  stop: (resource: T) => unknown,
  timeoutMs?: number,
): T {
  let current: T | undefined;
  beforeAll(async () => {
    current = await start();
  }, timeoutMs);
  afterAll(() => (current ? stop(current) : undefined));
  return new Proxy({} as T, {
    get(_target, key) {
      if (!current) throw new Error(`${what} starts in beforeAll; use it inside a test or hook`);
      const value = Reflect.get(current, key);
      return typeof value === "function" ? value.bind(current) : value;
    },
  });
}
