// A runtime may refuse to show the environment (Deno without --allow-env throws on every read of process.env).
// The client then uses its documented defaults instead of failing to construct.
import { YclientsClient } from "../../src/index";
import { resolveRetry } from "../../src/config";

function withRefusedEnv<T>(body: () => T): T {
  const saved = Object.getOwnPropertyDescriptor(process, "env")!;
  const refusing = new Proxy(
    {},
    {
      get: () => {
        throw new Error('NotCapable: Requires env access to "X"');
      },
    },
  );
  Object.defineProperty(process, "env", { value: refusing, configurable: true });
  try {
    return body();
  } finally {
    Object.defineProperty(process, "env", saved);
  }
}

describe("an environment the runtime refuses to show", () => {
  it("constructs a client with the default retry settings", () => {
    const retry = withRefusedEnv(() => {
      new YclientsClient({ partnerToken: "p" });
      return resolveRetry(undefined);
    });
    expect(retry).toEqual(resolveRetry(undefined, {}));
  });
});
