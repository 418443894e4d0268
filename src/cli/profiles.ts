// Saved logins, as `gh auth` and `stripe login` keep them: one JSON file per user at
// $XDG_CONFIG_HOME/yclients/config.json (default ~/.config), readable by its owner only, holding named profiles.
// Later commands take their tokens, base URL and company from the profile; flags and environment variables win.
import { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import { YclientsConfigError } from "../errors.js";

export interface Profile {
  partnerToken?: string;
  userToken?: string;
  baseUrl?: string;
  companyId?: string;
}

interface ConfigFile {
  profiles: Record<string, Profile>;
}

export const DEFAULT_PROFILE = "default";

export function configPath(env: NodeJS.ProcessEnv): string {
  const base = env.XDG_CONFIG_HOME || join(env.HOME || homedir(), ".config");
  return join(base, "yclients", "config.json");
}

/** The profile's name: --profile, else YCLIENTS_PROFILE, else "default"; `explicit` when one was named. */
export function profileName(flag: string | undefined, env: NodeJS.ProcessEnv): { name: string; explicit: boolean } {
  const name = flag ?? env.YCLIENTS_PROFILE;
  // `__proto__` and friends would name the object's prototype, not a profile.
  if (name !== undefined && (!/^[\w.-]{1,64}$/.test(name) || name in Object.prototype))
    throw new YclientsConfigError(
      `profile names are letters, digits, ".", "_" and "-" (got ${JSON.stringify(name.slice(0, 64))})`,
    );
  return { name: name ?? DEFAULT_PROFILE, explicit: name !== undefined };
}

function readConfig(file: string): ConfigFile {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { profiles: {} };
    throw new YclientsConfigError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? "error"}`);
  }
  try {
    const parsed = JSON.parse(text) as Partial<ConfigFile>;
    if (parsed && typeof parsed.profiles === "object" && parsed.profiles !== null) return parsed as ConfigFile;
  } catch {
    // not quoted: the file holds tokens
  }
  throw new YclientsConfigError(`${file} is not a yclients config file ({"profiles": {…}})`);
}

/** The saved profile, or undefined when there is none by that name. */
export function loadProfile(env: NodeJS.ProcessEnv, name: string): Profile | undefined {
  return readConfig(configPath(env)).profiles[name];
}

/** Writes the whole file anew (other profiles kept): a 0600 temporary file renamed over the old one. */
function writeConfig(file: string, config: ConfigFile): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
  chmodSync(temporary, 0o600);
  renameSync(temporary, file);
}

export function saveProfile(env: NodeJS.ProcessEnv, name: string, profile: Profile): string {
  const file = configPath(env);
  const config = readConfig(file);
  config.profiles[name] = profile;
  writeConfig(file, config);
  return file;
}

/** Removes a profile; false when there was none. */
export function removeProfile(env: NodeJS.ProcessEnv, name: string): boolean {
  const file = configPath(env);
  const config = readConfig(file);
  if (!(name in config.profiles)) return false;
  delete config.profiles[name];
  writeConfig(file, config);
  return true;
}

/** The company the chosen profile holds, for the checks made before a session opens. */
export function savedCompany(flag: string | undefined, env: NodeJS.ProcessEnv): string | undefined {
  return loadProfile(env, profileName(flag, env).name)?.companyId;
}
