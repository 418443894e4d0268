// `yclients login`: a staff user signs in with login and password (the password never echoed), answers a
// two-factor challenge with the code it was sent, and gets the user token: printed on stdout, or written to
// a file readable by its owner only. Prompts and hints go to stderr; the secrets are masked in everything
// this run prints except the token's own output.
import { closeSync, fchmodSync, openSync, writeSync } from "node:fs";
import { YclientsValidationError } from "../errors.js";
import { present } from "../present.js";
import { isTwoFactorChallenge, type TwoFactorChallenge } from "../two-factor.js";
import type { CommandContext } from "./command-context.js";
import type { GlobalValues } from "./global-options.js";
import type { OptionSpecs, Parsed } from "./commander-options.js";
import { profileName, removeProfile, saveProfile } from "./profiles.js";
import { Prompter } from "./prompt.js";
import { openSession } from "./session.js";
import { CliUsageError } from "./usage-error.js";

export const LOGIN_HELP = `Usage: yclients login [--login PHONE_OR_EMAIL] [--out FILE | --save [--profile NAME]]

Signs a staff user in (POST /auth) and prints the user token, or writes it to FILE with mode 0600.
Asks for the login (unless --login), the password (not shown while typed) and, when the account has
two-factor sign-in, the code that was sent. Needs YCLIENTS_PARTNER_TOKEN. From a pipe, the answers are
read one per line. Use the token as YCLIENTS_USER_TOKEN.

--save keeps the tokens, the base URL and the company of this login in the profile NAME (default
"default") of $XDG_CONFIG_HOME/yclients/config.json (mode 0600); later commands use it (--profile NAME),
while flags and YCLIENTS_* variables still win. \`yclients logout [--profile NAME]\` forgets it.`;

export const LOGOUT_HELP = `Usage: yclients logout [--profile NAME]

Removes the saved profile NAME (default: YCLIENTS_PROFILE, else "default") from the config file.`;

/** Writes the token to a new or existing file, leaving it readable and writable by its owner only. */
function writeSecretFile(file: string, token: string): void {
  let fd: number;
  try {
    fd = openSync(file, "w", 0o600);
  } catch (error) {
    throw new CliUsageError(`cannot write ${file}: ${(error as NodeJS.ErrnoException).code ?? "error"}`);
  }
  try {
    fchmodSync(fd, 0o600); // an existing file keeps its old mode on open; tighten it before writing
    writeSync(fd, `${token}\n`);
  } finally {
    closeSync(fd);
  }
}

export const LOGIN_OPTIONS: OptionSpecs = {
  login: { type: "string" },
  out: { type: "string" },
  save: { type: "boolean" },
};

export async function loginCommand({ values }: Parsed, ctx: CommandContext): Promise<void> {
  if (values.save && values.out) throw new CliUsageError("--save and --out cannot be used together");
  if (values.profile !== undefined && !values.save)
    throw new CliUsageError("login --profile NAME saves into that profile: add --save");
  const session = await openSession(values as GlobalValues, ctx.diagnostics, ctx.env, {
    userToken: false,
    newProfile: Boolean(values.save),
  });
  const prompter = new Prompter(ctx.stdin, ctx.stderr);
  try {
    const login = (values.login as string | undefined) ?? (await prompter.ask("Login (phone or e-mail): ")).trim();
    const password = await prompter.askSecret("Password: ");
    ctx.diagnostics.addSecret(password);
    if (!login || !password) throw new CliUsageError("login and password must not be empty");
    let answer = (await session.yc.auth.getUserToken({ login, password })).data as unknown;
    let challenge: TwoFactorChallenge | undefined;
    while (isTwoFactorChallenge(answer as TwoFactorChallenge)) {
      challenge = answer as TwoFactorChallenge;
      ctx.diagnostics.addSecret(challenge.uuid);
      const transport = present(challenge.transport);
      const to = transport?.recipient ? ` to ${transport.recipient}` : "";
      ctx.diagnostics.line(`Two-factor sign-in: a code was sent${to}${transport?.type ? ` (${transport.type})` : ""}.`);
      const code = (await prompter.askSecret("Code: ")).trim();
      ctx.diagnostics.addSecret(code);
      try {
        answer = (await session.yc.auth.completeTwoFactor({ login, password, challenge, code })).data;
      } catch (error) {
        const left = ((error as YclientsValidationError).body as { data?: { attempts_left?: unknown } } | undefined)
          ?.data?.attempts_left;
        if (error instanceof YclientsValidationError && typeof left === "number" && left > 0) {
          ctx.diagnostics.line(`The code was not accepted; ${left} attempt${left === 1 ? "" : "s"} left.`);
          continue; // the same challenge, another code
        }
        throw error;
      }
    }
    const token = (answer as { user_token?: unknown }).user_token;
    if (typeof token !== "string" || !token) throw new CliUsageError("POST /auth answered without a user token");
    ctx.diagnostics.addSecret(token);
    const out = values.out as string | undefined;
    if (values.save) {
      const { profile, partnerToken, baseUrl, companyId } = session.settings;
      const file = saveProfile(ctx.env, profile, { partnerToken, userToken: token, baseUrl, companyId });
      ctx.diagnostics.line(`Signed in; saved as profile "${profile}" in ${file} (mode 0600).`);
    } else if (out) {
      writeSecretFile(out, token);
      ctx.diagnostics.line(`Signed in; the user token is in ${out} (mode 0600). Use it as YCLIENTS_USER_TOKEN.`);
    } else {
      ctx.stdout.write(`${token}\n`);
    }
  } finally {
    prompter.close();
    await session.close();
  }
}

export const LOGOUT_OPTIONS: OptionSpecs = { profile: { type: "string" } };

export function logoutCommand({ values }: Parsed, ctx: CommandContext): void {
  const { name } = profileName(values.profile as string | undefined, ctx.env);
  if (!removeProfile(ctx.env, name)) throw new CliUsageError(`there is no saved profile "${name}"`);
  ctx.diagnostics.line(`Removed the profile "${name}".`);
}
