// `yclients login` driven through stdin (not a terminal: one answer per line), against the simulator's staff
// users, one of them with two-factor sign-in.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DEFAULT_USERS, startYclientsSimulator, type YclientsSimulator } from "../../src/testing";
import { buildCliForTest, type CliHandle } from "./cli-harness";

let sim: YclientsSimulator;
let cli: CliHandle;
let env: Record<string, string>;
const plain = DEFAULT_USERS.find((u) => !u.twoFactor)!;
const twoFactor = DEFAULT_USERS.find((u) => u.twoFactor)!;

beforeAll(async () => {
  [sim, cli] = await Promise.all([startYclientsSimulator({ rateLimit: false }), buildCliForTest()]);
  env = { YCLIENTS_PARTNER_TOKEN: sim.partnerToken, YCLIENTS_BASE_URL: sim.url };
}, 60_000);

afterAll(async () => {
  await sim.close();
  cli.dispose();
});

const tokenOf = (login: string) => sim.state.staffUsers.find((u) => u.login === login)!.token;

describe("yclients login", () => {
  it("asks for login and password and prints the user token on stdout only", async () => {
    const { code, stdout, stderr } = await cli.run(["login"], { env, input: `${plain.login}\n${plain.password}\n` });
    expect(code).toBe(0);
    expect(stdout).toBe(`${tokenOf(plain.login)}\n`);
    expect(stderr).toContain("Login (phone or e-mail): ");
    expect(stderr).toContain("Password: ");
    expect(stderr).not.toContain(plain.password);
    expect(stderr).not.toContain(tokenOf(plain.login));
  });

  it("answers the two-factor challenge with the code read next, after a wrong one", async () => {
    const code = sim.state.twoFactorCode;
    const wrong = code === "111111" ? "222222" : "111111";
    const run = await cli.run(["login", "--login", twoFactor.login], {
      env,
      input: `${twoFactor.password}\n${wrong}\n${code}\n`,
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`${tokenOf(twoFactor.login)}\n`);
    expect(run.stderr).toMatch(/Two-factor sign-in: a code was sent to .+\./);
    expect(run.stderr).toMatch(/The code was not accepted; \d+ attempts? left\./);
    for (const secret of [twoFactor.password, code, wrong, tokenOf(twoFactor.login)]) {
      expect(run.stderr).not.toContain(secret);
    }
    // What the simulator received: the code went in the 2fa body, masked in its log like everything secret.
    const completions = sim.requests.filter((r) => r.path === "/auth" && JSON.stringify(r.body).includes("2fa"));
    expect(completions).toHaveLength(2);
  });

  it("with DEBUG=yclients:* the request lines show no password, code or token", async () => {
    const code = sim.state.twoFactorCode;
    const run = await cli.run(["login", "--login", twoFactor.login, "--out", join(cli.dir, "debug-token")], {
      env: { ...env, DEBUG: "yclients:*" },
      input: `${twoFactor.password}\n${code}\n`,
    });
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/yclients:http POST \/auth -> 200 /);
    expect(run.stderr).toMatch(/yclients:http POST \/auth -> 201 /);
    for (const secret of [twoFactor.password, code, tokenOf(twoFactor.login), sim.partnerToken]) {
      expect(run.stdout + run.stderr).not.toContain(secret);
    }
  });

  it("writes the token to a file with mode 0600, also over an existing file, and prints nothing secret", async () => {
    const file = join(cli.dir, "token");
    writeFileSync(file, "old\n", { mode: 0o644 });
    const run = await cli.run(["login", "--login", plain.login, "--out", file], { env, input: `${plain.password}\n` });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain(`the user token is in ${file} (mode 0600)`);
    expect(readFileSync(file, "utf8")).toBe(`${tokenOf(plain.login)}\n`);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(run.stderr).not.toContain(tokenOf(plain.login));
  });

  it("a wrong password is an auth error (exit 4), and the password is not shown", async () => {
    const password = "definitely-wrong-password";
    const run = await cli.run(["login", "--login", plain.login], { env, input: `${password}\n` });
    expect(run.code).toBe(4);
    expect(run.stderr).toMatch(
      /^Password: \nyclients: YclientsAuthError \(HTTP 401, request id [\w-]+\): POST \/auth /,
    );
    expect(run.stdout).toBe("");
    expect(run.stderr).not.toContain(password);
  });

  it("on a terminal the password and the code are not echoed, while the login is", async () => {
    const command = [process.execPath, cli.file, "login"].map((a) => `'${a}'`).join(" ");
    // `script` runs the CLI on a pseudo-terminal and passes our writes to it as typing.
    const terminal = spawn("script", ["-qec", command, "/dev/null"], {
      env: { ...process.env, ...env, NODE_PATH: join(__dirname, "..", "..", "node_modules") },
    });
    let screen = "";
    terminal.stdout.on("data", (chunk: Buffer) => (screen += chunk.toString("utf8")));
    const typeAfter = async (prompt: string, text: string) => {
      while (!screen.includes(prompt)) await once(terminal.stdout, "data");
      terminal.stdin.write(text);
    };
    await typeAfter("Login (phone or e-mail): ", `${twoFactor.login}\r`);
    await typeAfter("Password: ", `${twoFactor.password}\r`);
    await typeAfter("Code: ", `${sim.state.twoFactorCode}\r`);
    const [code] = await once(terminal, "close");
    expect(code).toBe(0);
    expect(screen).toContain(twoFactor.login); // echoed as typed
    expect(screen).toContain(tokenOf(twoFactor.login)); // the output of login is the token
    expect(screen).not.toContain(twoFactor.password);
    expect(screen).not.toContain(sim.state.twoFactorCode);
  });

  it("a saved profile fills only what flags and variables leave out, field by field; it lives in ~/.config by default", async () => {
    // The profile points at a second simulator (same seed, so the same companies and tokens).
    const other = await startYclientsSimulator({ rateLimit: false });
    try {
      const home = join(cli.dir, "home");
      const [company, savedCompany] = sim.state.companies.map((c) => String(c.id));
      const profile = { partnerToken: sim.partnerToken, userToken: tokenOf(plain.login), baseUrl: other.url };
      mkdirSync(join(home, ".config", "yclients"), { recursive: true });
      writeFileSync(
        join(home, ".config", "yclients", "config.json"),
        JSON.stringify({ profiles: { default: { ...profile, companyId: savedCompany } } }),
        { mode: 0o600 },
      );
      const noXdg = { HOME: home, XDG_CONFIG_HOME: undefined };
      // The variable's base URL and the flag's company win; the tokens come from the profile.
      const overridden = await cli.run(["records", "list", "--count", "1", "--company", company], {
        env: { ...noXdg, YCLIENTS_BASE_URL: sim.url },
      });
      expect(overridden.code).toBe(0);
      expect(sim.requests.at(-1)?.path).toBe(`/records/${company}`);
      // Nothing overrides: the profile's base URL and company.
      const saved = await cli.run(["records", "list", "--count", "1"], { env: noXdg });
      expect(saved.code).toBe(0);
      expect(other.requests.map((r) => r.path)).toEqual([`/records/${savedCompany}`]);
      for (const run of [overridden, saved]) expect(run.stdout + run.stderr).not.toContain(profile.userToken);
    } finally {
      await other.close();
    }
  });

  it("refuses flags that contradict each other before asking anything or sending (exit 2)", async () => {
    const before = sim.requests.length;
    const cases: Array<[string[], string]> = [
      [["login", "--save", "--out", join(cli.dir, "both")], "--save and --out cannot be used together"],
      [["login", "--profile", "salon2"], "login --profile NAME saves into that profile: add --save"],
      [["login", "--altegio", "--base-url", sim.url], "--altegio and --base-url cannot be used together"],
    ];
    for (const [args, says] of cases) {
      const run = await cli.run(args, { env, input: `${plain.login}\n${plain.password}\n` });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(says);
      expect(run.stderr).not.toContain("Password: ");
      expect(run.stdout).toBe("");
    }
    expect(sim.requests).toHaveLength(before);
  });

  it("stdin that ends before the password is a usage error (exit 2)", async () => {
    const run = await cli.run(["login", "--login", plain.login], { env, input: "" });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("stdin ended before the answer was given");
  });

  it("--save keeps the tokens in a 0600 profile under $XDG_CONFIG_HOME that later commands use; env wins", async () => {
    const config = join(cli.dir, "xdg");
    const file = join(config, "yclients", "config.json");
    const token = tokenOf(plain.login);
    const save = await cli.run(["login", "--login", plain.login, "--save"], {
      env: { ...env, XDG_CONFIG_HOME: config },
      input: `${plain.password}\n`,
    });
    expect(save.code).toBe(0);
    expect(save.stdout).toBe("");
    expect(save.stderr).toContain(`saved as profile "default" in ${file} (mode 0600)`);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const saved = JSON.parse(readFileSync(file, "utf8")) as { profiles: Record<string, Record<string, string>> };
    expect(saved.profiles.default).toEqual({ partnerToken: sim.partnerToken, userToken: token, baseUrl: sim.url });

    // A later command with no token in its environment: the default profile answers.
    const companyId = String(sim.state.companies[0].id);
    const list = await cli.run(["records", "list", "--count", "1", "--company", companyId], {
      env: { XDG_CONFIG_HOME: config },
    });
    expect(list.stderr).toBe("");
    expect(list.code).toBe(0);
    expect(sim.requests.at(-1)?.path).toBe(`/records/${companyId}`);
    // An environment variable wins over the profile: a wrong token there is an auth error (exit 4).
    const wrong = await cli.run(["records", "list", "--company", companyId], {
      env: { XDG_CONFIG_HOME: config, YCLIENTS_USER_TOKEN: "wrong-user-token-123456" },
    });
    expect(wrong.code).toBe(4);

    // A second, named profile; --profile picks it, a missing one is a config error (exit 3).
    const second = await cli.run(["login", "--login", twoFactor.login, "--save", "--profile", "boss"], {
      env: { ...env, XDG_CONFIG_HOME: config, YCLIENTS_COMPANY_ID: companyId },
      input: `${twoFactor.password}\n${sim.state.twoFactorCode}\n`,
    });
    expect(second.code).toBe(0);
    const both = JSON.parse(readFileSync(file, "utf8")) as typeof saved;
    expect(Object.keys(both.profiles).sort()).toEqual(["boss", "default"]);
    expect(both.profiles.boss).toMatchObject({ userToken: tokenOf(twoFactor.login), companyId });
    const boss = await cli.run(["records", "list", "--count", "1", "--profile", "boss"], {
      env: { XDG_CONFIG_HOME: config },
    });
    expect(boss.code).toBe(0);
    const missing = await cli.run(["records", "list", "--company", companyId, "--profile", "nobody"], {
      env: { XDG_CONFIG_HOME: config },
    });
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain('no saved profile "nobody"');

    // logout forgets one profile and keeps the other.
    const logout = await cli.run(["logout", "--profile", "boss"], { env: { XDG_CONFIG_HOME: config } });
    expect(logout.code).toBe(0);
    expect(Object.keys((JSON.parse(readFileSync(file, "utf8")) as typeof saved).profiles)).toEqual(["default"]);

    // Nothing any of these runs printed holds a saved token.
    for (const run of [save, list, wrong, second, boss, missing, logout]) {
      for (const secret of [token, tokenOf(twoFactor.login), sim.partnerToken]) {
        expect(run.stdout + run.stderr).not.toContain(secret);
      }
    }
  });
});
