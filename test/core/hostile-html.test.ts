// An HTML error page is reduced to its gist (title, else bare text) for the error message in one forward scan:
// a crafted page costs time in proportion to its length. Before, an unclosed `<title` followed by many `<` made
// each `<` rescan the rest of the page (0.7–0.9 s at 64 KiB, minutes at 1 MiB) with the event loop blocked.
import { YclientsClient, YclientsServerError } from "../../src/index";
import { reasonOf } from "../../src/classify-error";
import { startServer, type TestServer } from "../helpers/scripted-server";

const KiB = 1024;

/** Pages built so that a regex with a `[^>]*` or lazy `[\s\S]*?` after each `<` rescans to the end every time. */
const hostilePages: Record<string, (size: number) => string> = {
  "an unclosed <title then many <": (size) => `<html><title${"<".repeat(size)}`,
  "many tag starts and no >": (size) => "<a".repeat(size / 2),
  "many <title> and no </title>": (size) => "<title>".repeat(Math.floor(size / 7)),
  "many <script> and no </script>, then a tag": (size) => `${"<script>".repeat(size / 8)}<p>x`,
  "many <style and no >": (size) => `<p>${"<style ".repeat(size / 7)}`,
};

/** Generous: the linear scan takes a few milliseconds; the quadratic one took seconds at 64 KiB. */
const BOUND_MS = 200;

function timed(run: () => void): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

describe("the gist of a hostile HTML page takes linear time", () => {
  it.each(Object.keys(hostilePages))("%s: 64 KiB, then 1 MiB", (shape) => {
    const page = hostilePages[shape];
    // 64 KiB first: a quadratic scan fails here in seconds instead of blocking for minutes on the 1 MiB page.
    expect(timed(() => reasonOf(page(64 * KiB)))).toBeLessThan(BOUND_MS);
    expect(timed(() => reasonOf(page(1024 * KiB)))).toBeLessThan(BOUND_MS);
  });

  it("through a real 502 answer of 1 MiB kept whole", async () => {
    const page = hostilePages["an unclosed <title then many <"](1024 * KiB);
    const server: TestServer = await startServer((_req, res) => {
      res.writeHead(502, { "content-type": "text/html" });
      res.end(page);
    });
    try {
      const yc = new YclientsClient({
        partnerToken: "p",
        baseUrl: server.url,
        retry: false,
        rateLimit: false,
        errorBodyLimit: Infinity,
      });
      // The loop is measured, not the call: a timer that fires late means the event loop was blocked.
      let longestTickMs = 0;
      let last = performance.now();
      const ticker = setInterval(() => {
        const now = performance.now();
        longestTickMs = Math.max(longestTickMs, now - last);
        last = now;
      }, 5);
      const error = await yc.GET("/countries").catch((e: unknown) => e);
      clearInterval(ticker);
      expect(error).toBeInstanceOf(YclientsServerError);
      expect((error as YclientsServerError).status).toBe(502);
      expect(longestTickMs).toBeLessThan(BOUND_MS + 300);
    } finally {
      await server.close();
    }
  });
});

describe("what the gist keeps", () => {
  it.each([
    ["<html><head><title> Bad\n Gateway </title></head><body>nginx</body></html>", "Bad Gateway"],
    ["<html><TITLE lang=en>Upstream down</TITLE></html>", "Upstream down"],
    ["<html><title> </title><body><h1>Service   Unavailable</h1></body></html>", "Service Unavailable"],
    ["<html><style>h1{color:red}</style><script>var a = '<b>';</script><p>Try&nbsp;later</p></html>", "Try later"],
    ["<p>a</p><SCRIPT>x</SCRIPT><script>never closed <p>b</p>", "a never closed b"],
    ["plain text, 1 < 2", "plain text, 1 < 2"],
    ["<title unclosed and <p>text</p>", "text"],
  ])("%j → %j", (page, gist) => {
    expect(reasonOf(page)).toBe(gist);
  });
});
