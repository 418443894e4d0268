// The package as a bundler sees it: the packed tarball installed by name, three consumers bundled with esbuild for
// the browser (bench/shipped-size.ts, the same measurement `make bench` reports). Fails when a bundle outgrows its
// ceiling plus headroom, or when a consumer pulls in code it does not use. Needs `make build` first.
import { installPackedTarball, type InstalledPackage } from "../../bench/installed";
import {
  BUNDLE_CEILINGS,
  BUNDLE_HEADROOM,
  bundleConsumer,
  measureShippedBundles,
  type ShippedBundle,
} from "../../bench/shipped-size";

let installed: InstalledPackage;
let bundles: Map<ShippedBundle["id"], ShippedBundle>;

beforeAll(async () => {
  // Linked dependencies: the same bytes as an install, without waiting on npm.
  installed = installPackedTarball({ preferLinks: true });
  bundles = new Map((await measureShippedBundles(installed.dir)).map((b) => [b.id, b]));
}, 120_000);

afterAll(() => installed?.remove());

describe("bundles of the shipped package (browser, ESM, minified, gzip -9)", () => {
  it.each(Object.entries(BUNDLE_CEILINGS))("%s stays within its ceiling plus headroom", (id, ceiling) => {
    const bundle = bundles.get(id as ShippedBundle["id"])!;
    expect(bundle.gzipBytes).toBeLessThanOrEqual(Math.round(ceiling * BUNDLE_HEADROOM));
  });

  it("a typed-only consumer bundles none of the friendly resources; the friendly client does", () => {
    // `fullnessDaily` is a friendly method name: it exists only in the generated resource table.
    expect(bundles.get("typed-only")!.code).not.toContain("fullnessDaily");
    expect(bundles.get("friendly")!.code).toContain("fullnessDaily");
  });

  it("the webhooks handler alone carries no client core: no openapi-fetch, no cockatiel, no operation table", () => {
    const hooks = bundles.get("webhooks-handler")!;
    expect(hooks.byPackage.map((p) => p.input)).not.toContain("openapi-fetch");
    expect(hooks.byPackage.map((p) => p.input)).not.toContain("yclients-client/dist/index.mjs");
    expect(hooks.code).not.toMatch(/consecutiveFailures|neverAborted/);
  });

  it("no bundle carries the response validator or the spec unless the app imports yclients-client/validation", () => {
    for (const bundle of bundles.values()) {
      expect(bundle.byPackage.map((p) => p.input)).not.toContain("@cfworker/json-schema");
      expect(bundle.code).not.toContain("x-sdk-method");
    }
  });

  it("no bundle carries the `debug` package", () => {
    for (const bundle of bundles.values()) expect(bundle.byPackage.map((p) => p.input)).not.toContain("debug");
  });

  it("an app importing only the errors and a constant from the package bundles no client: it tree-shakes", async () => {
    // A class with a computed key (the inspect method) stays in any bundle, with all it references: the client and
    // the transport inherit that method from one small class (src/safe-to-print.ts) so that they can be left out.
    const result = await bundleConsumer(
      installed.dir,
      `import { YclientsError, DEFAULT_BASE_URL } from "yclients-client";
console.log(new YclientsError(DEFAULT_BASE_URL) instanceof Error);`,
    );
    const code = result.outputFiles[0].text;
    const inputs = Object.keys(Object.values(result.metafile.outputs)[0].inputs);
    expect(inputs.filter((input) => /node_modules\/(openapi-fetch|cockatiel)\//.test(input))).toEqual([]);
    expect(code).not.toMatch(/rate-limit queue|circuit breaker|partnerToken/);
    expect(code.length).toBeLessThan(5_000);
  });
});
