// `yclients … --all` against a server that repeats the same page whatever page is asked for: it stops with a
// YclientsPaginationError (exit 14) after the second request instead of printing the same items forever.
import { useCli } from "./cli-harness";
import { json, ok, useServer } from "../helpers/scripted-server";

const cli = useCli();
const server = useServer();

it("--all stops on a repeated page with exit 14 and says which page", async () => {
  server.handle((_req, res, i) => {
    // A guard for a broken build: the loop still ends, with a different error.
    if (i >= 200) return json(res, 500, { success: false, data: null, meta: { message: "runaway" } });
    json(res, 200, ok(Array.from({ length: 50 }, (_, n) => ({ id: n + 1, title: `Company ${n + 1}` }))));
  });
  const run = await cli.run(["call", "GET", "/companies", "--all", "--jsonl"], {
    env: { YCLIENTS_PARTNER_TOKEN: "partner-token-1", YCLIENTS_BASE_URL: server.url },
  });
  expect(run.stderr).toContain(
    "yclients: YclientsPaginationError (request id req-test-1): GET /companies made no progress: page 2 has the same 50 items as page 1",
  );
  expect(run.code).toBe(14);
  expect(run.stdout.trim().split("\n")).toHaveLength(50);
  expect(server.seen).toHaveLength(2);
});
