// A configured client for one run: tokens from the environment (or flags, with a warning), the base URL,
// the default company, and with --simulator an in-process simulator that is closed when the run ends.
import { ALTEGIO_BASE_URL } from "../config.js";
import { YclientsClient } from "../client.js";
import { YclientsConfigError } from "../errors.js";
import { CountingRateLimitStore } from "./counting-store.js";
import type { Diagnostics } from "./diagnostics.js";
import type { GlobalValues } from "./global-options.js";
import type { Logger } from "../log.js";
import type { ProgressCounters } from "./progress.js";
import { configPath, loadProfile, profileName, type Profile } from "./profiles.js";
import { CliUsageError } from "./usage-error.js";

export interface Session {
  yc: YclientsClient;
  counters: ProgressCounters;
  /** What the client was configured with (for `login --save`); never printed. */
  settings: { profile: string; partnerToken: string; baseUrl?: string; companyId?: string };
  close(): Promise<void>;
}

export interface SessionNeeds {
  /**
   * `false` for `login`, which gets the user token rather than sending one; `"required"` for an operation
   * that fails without one (checked here so the message names the variable, not an SDK option).
   */
  userToken?: false | "required";
  /** The operation, for that message. */
  operation?: string;
  /** `login --save --profile NEW` creates the profile it names, so a missing one is no error there. */
  newProfile?: boolean;
}

export async function openSession(
  values: GlobalValues,
  diagnostics: Diagnostics,
  env: NodeJS.ProcessEnv = process.env,
  needs: SessionNeeds = {},
): Promise<Session> {
  for (const flag of ["partner-token", "user-token"] as const) {
    if (values[flag] !== undefined) {
      diagnostics.warn(
        `--${flag} is visible to other users of this machine (ps, /proc); prefer the ${flag === "partner-token" ? "YCLIENTS_PARTNER_TOKEN" : "YCLIENTS_USER_TOKEN"} environment variable`,
      );
    }
  }
  if (values.altegio && values["base-url"]) throw new CliUsageError("--altegio and --base-url cannot be used together");
  // A saved login fills what neither a flag nor the environment gives (the simulator brings its own).
  const { name: profile, explicit } = profileName(values.profile, env);
  const saved: Profile = (values.simulator ? undefined : loadProfile(env, profile)) ?? {};
  if (explicit && !values.simulator && !needs.newProfile && !loadProfile(env, profile)) {
    throw new YclientsConfigError(
      `no saved profile "${profile}" in ${configPath(env)}: \`yclients login --save --profile ${profile}\` makes one`,
    );
  }
  diagnostics.addSecret(saved.partnerToken);
  diagnostics.addSecret(saved.userToken);
  let partnerToken = values["partner-token"] ?? env.YCLIENTS_PARTNER_TOKEN ?? saved.partnerToken;
  let userToken =
    needs.userToken === false ? undefined : (values["user-token"] ?? env.YCLIENTS_USER_TOKEN ?? saved.userToken);
  let baseUrl = values.altegio ? ALTEGIO_BASE_URL : (values["base-url"] ?? env.YCLIENTS_BASE_URL ?? saved.baseUrl);
  let companyId: string | undefined = values.company ?? env.YCLIENTS_COMPANY_ID ?? saved.companyId;
  let closeSimulator = async () => {};

  if (values.simulator) {
    const { startYclientsSimulator } = await import("../testing/index.js");
    const seed = values.seed === undefined ? undefined : Number(values.seed);
    if (seed !== undefined && !Number.isInteger(seed)) throw new CliUsageError("--seed must be an integer");
    const sim = await startYclientsSimulator({ seed, rateLimit: false });
    closeSimulator = () => sim.close();
    partnerToken = sim.partnerToken;
    baseUrl = sim.url;
    // The simulator's first administrator: its token works for every staff operation of the simulator.
    if (needs.userToken !== false && values["user-token"] === undefined) userToken = sim.state.staffUsers[0].token;
    companyId = values.company ?? String(sim.state.companies[0].id);
  }

  diagnostics.addSecret(partnerToken);
  diagnostics.addSecret(userToken);
  if (!partnerToken) {
    await closeSimulator();
    throw new YclientsConfigError(
      "No partner token: set YCLIENTS_PARTNER_TOKEN (or pass --partner-token, which other users of the machine can see)",
    );
  }
  if (companyId !== undefined && !/^[1-9][0-9]*$/.test(companyId)) {
    await closeSimulator();
    throw new CliUsageError("--company (or YCLIENTS_COMPANY_ID) must be a positive integer");
  }
  if (needs.userToken === "required" && !userToken) {
    await closeSimulator();
    throw new YclientsConfigError(
      `${needs.operation ?? "This operation"} needs a user token: set YCLIENTS_USER_TOKEN (\`yclients login\` gets one)`,
    );
  }
  const validate = values.validate;
  if (validate !== undefined && validate !== "warn" && validate !== "throw") {
    await closeSimulator();
    throw new CliUsageError("--validate takes no value (warn) or --validate=warn / --validate=throw");
  }
  const counters: ProgressCounters = { pages: 0, rateLimitWaits: 0 };
  try {
    const yc = new YclientsClient({
      partnerToken,
      userToken: userToken || undefined,
      baseUrl,
      companyId,
      rateLimit: { store: new CountingRateLimitStore(counters) },
      fetch: async (request, init) => {
        const response = await globalThis.fetch(request, init);
        if (response.ok) counters.pages++;
        return response;
      },
      ...(validate ? { validateResponses: validate, logger: stderrLogger(diagnostics) } : {}),
    });
    return { yc, counters, settings: { profile, partnerToken, baseUrl, companyId }, close: closeSimulator };
  } catch (error) {
    await closeSimulator();
    throw error;
  }
}

/**
 * With --validate: the SDK's warnings (a finding, an opened circuit) go to stderr through the masking diagnostics;
 * its debug and info lines are dropped, as they are without a logger unless DEBUG asks for them.
 */
function stderrLogger(diagnostics: Diagnostics): Logger {
  const ignore = () => {};
  const print = (message: string) => diagnostics.warn(message);
  return { debug: ignore, info: ignore, warn: print, error: print };
}
