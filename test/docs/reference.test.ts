// The method reference `make docs` builds (scripts/docs/): a page and an anchor for every friendly method of the
// generated resource table, its call shape and HTTP line on it, a search entry by name and HTTP path, params split
// into query and body as the row sends them, and no page a browser would choke on.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { resourceTable } from "../../generated/resources";
import { argName, helperNames, queryNames, walkRows } from "../../src/resources/rows";
import { buildReference } from "../../scripts/docs/build";

const MAX_PAGE_BYTES = 5 * 1024 * 1024;
const CHROMIUM = "/usr/bin/chromium";

let out: string;
beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), "yc-reference-"));
  buildReference(out);
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

const pages = new Map<string, string>();
function pageOf(resource: string): string {
  if (!pages.has(resource)) pages.set(resource, readFileSync(join(out, "resources", `${resource}.html`), "utf8"));
  return pages.get(resource)!;
}

/** The section of one method on its page (from its anchor to the next section). */
function sectionOf(resource: string, anchor: string): string {
  const html = pageOf(resource);
  const start = html.indexOf(`<section class="method" id="${anchor}">`);
  const deprecatedStart = html.indexOf(`<section class="method deprecated" id="${anchor}">`);
  const at = start >= 0 ? start : deprecatedStart;
  if (at < 0) return "";
  return html.slice(at, html.indexOf("</section>", at));
}

function search(): string[][] {
  const text = readFileSync(join(out, "search-index.js"), "utf8");
  return JSON.parse(text.slice(text.indexOf("["), text.lastIndexOf("]") + 1));
}

const rows = walkRows(resourceTable);

test("every row of the resource table has a section on its resource page with its signature and HTTP line", () => {
  expect(rows.length).toBeGreaterThan(300);
  const missing: string[] = [];
  for (const { name, row } of rows) {
    const section = sectionOf(name[0], name.slice(1).join("."));
    const ids = (row.path ?? []).map(argName).join(", ");
    if (!section.includes(`yc.${name.join(".")}(${ids}`) || !section.includes(row.op.replace(/&/g, "&#38;"))) {
      missing.push(name.join("."));
    }
    if (row.paged) {
      const helpers = helperNames(name[name.length - 1]);
      for (const helper of [helpers.iterate, helpers.all]) {
        const anchor = [...name.slice(1, -1), helper].join(".");
        if (!pageOf(name[0]).includes(`id="${anchor}"`)) missing.push(`${name[0]}.${anchor}`);
      }
    }
  }
  expect(missing).toEqual([]);
});

test("the search index finds every method by name and by HTTP path", () => {
  const entries = search();
  const byName = new Map(entries.map((e) => [e[0], e]));
  for (const { name, row } of rows) {
    const entry = byName.get(name.join("."));
    expect(entry?.[1]).toBe(row.op);
    expect(entry?.[3]).toBe(`resources/${name[0]}.html#${name.slice(1).join(".")}`);
  }
  expect(byName.get("booking.times")?.[1]).toBe("GET /book_times/{company_id}/{staff_id}/{date}");
  expect(byName.has("loyalty.cards.manualTransaction")).toBe(true);
});

test("params are split as the row sends them: query keys in the query, the rest of the fields in the body", () => {
  let checked = 0;
  for (const { name, row } of rows.filter((r) => r.row.body === "fields" && r.row.query)) {
    const section = sectionOf(name[0], name.slice(1).join("."));
    for (const q of row.query!) {
      const { key, wire } = queryNames(q);
      const label = key === wire ? `params.${key}` : `params.${key} (sent as ${wire})`;
      expect(section).toContain(`<tr><td><code>${label}</code></td><td>query</td>`);
      checked++;
    }
    expect(section).toMatch(/<td>body<\/td>/);
  }
  expect(checked).toBeGreaterThan(0);
  expect(sectionOf("booking", "times")).toContain("<tr><td><code>params.service_ids</code></td><td>query</td>");
});

test("no page of the reference is over 5 MB", () => {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(dir, entry.name));
      else files.push(join(dir, entry.name));
    }
  };
  walk(out);
  expect(files.length).toBeGreaterThan(10);
  const large = files.filter((f) => statSync(f).size > MAX_PAGE_BYTES);
  expect(large).toEqual([]);
});

// The search itself, in a real browser: skipped where Chromium is not installed.
(existsSync(CHROMIUM) ? test : test.skip)(
  "headless Chromium: the index page's search finds booking.times",
  () => {
    const url = `${pathToFileURL(join(out, "index.html")).href}?q=booking.times`;
    const dom = execFileSync(
      CHROMIUM,
      ["--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=" + join(out, ".chromium"), "--dump-dom", url],
      { encoding: "utf8", timeout: 60_000, stdio: ["ignore", "pipe", "ignore"] },
    );
    const results = dom.slice(dom.indexOf('<ol id="results">'), dom.indexOf("</ol>", dom.indexOf('<ol id="results">')));
    expect(results).toContain('href="resources/booking.html#times"');
    expect(results).toContain("GET /book_times/{company_id}/{staff_id}/{date}");
  },
  90_000,
);
