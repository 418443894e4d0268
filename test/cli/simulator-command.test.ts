// `yclients simulator` as a process other commands talk to, and `--simulator` for one command in-process.
import { once } from "node:events";
import { useCli } from "./cli-harness";

const cli = useCli();

describe("yclients simulator", () => {
  it("serves the API until it is stopped, and prints the variables that point the CLI at it", async () => {
    const child = cli.spawn(["simulator", "--port", "0", "--seed", "7", "--no-rate-limit"]);
    let printed = "";
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => (printed += chunk));
    while (!printed.includes("YCLIENTS_COMPANY_ID=")) await once(child.stdout, "data");
    const env = Object.fromEntries(
      [...printed.matchAll(/^export (\w+)=(\S+)$/gm)].map((m) => [m[1], m[2]] as [string, string]),
    );
    expect(Object.keys(env).sort()).toEqual([
      "YCLIENTS_BASE_URL",
      "YCLIENTS_COMPANY_ID",
      "YCLIENTS_PARTNER_TOKEN",
      "YCLIENTS_USER_TOKEN",
    ]);
    expect(env.YCLIENTS_BASE_URL).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1$/);
    const company = await cli.run(["companies", "get"], { env });
    expect(company.code).toBe(0);
    expect(JSON.parse(company.stdout).id).toBe(Number(env.YCLIENTS_COMPANY_ID));
    const records = await cli.run(["records", "list", "--count", "3"], { env });
    expect(records.code).toBe(0);
    expect(JSON.parse(records.stdout)).toHaveLength(3);
    child.kill("SIGTERM");
    const [code] = await once(child, "close");
    expect(code).toBe(0);
  });

  it("--simulator runs one command against a simulator of its own, with no token or company set", async () => {
    const { code, stdout, stderr } = await cli.run(["records", "list", "--count", "2", "--simulator", "--seed", "3"]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const records = JSON.parse(stdout) as { company_id: number }[];
    expect(records).toHaveLength(2);
    const again = await cli.run(["--simulator", "--seed", "3", "records", "list", "--count", "2"]);
    expect(JSON.parse(again.stdout)).toEqual(records); // same seed, same data; options may precede the command
  });

  it("refuses a bad port (exit 2)", async () => {
    const { code, stderr } = await cli.run(["simulator", "--port", "70000"]);
    expect(code).toBe(2);
    expect(stderr).toContain("--port must be an integer from 0 to 65535");
  });
});
