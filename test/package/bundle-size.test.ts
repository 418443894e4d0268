// The package as a bundler sees it: the packed tarball installed by name, three consumers bundled with esbuild for
// the browser (bench/shipped-size.ts, the same measurement `make bench` reports). Fails when a bundle outgrows its
// ceiling plus headroom, or when a consumer pulls in code it does not use. Needs `make build` first.
import { installPackedTarball, type InstalledPackage } from "../../bench/installed";
import { BUNDLE_CEILINGS, BUNDLE_HEADROOM, measureShippedBundles, type ShippedBundle } from "../../bench/shipped-size";

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
});
