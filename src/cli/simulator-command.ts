// `yclients simulator [--port N] [--seed N]`: the bundled simulator (yclients-client/testing) as a process,
// so the CLI and users' own code can be tried without an account. It prints the variables to export and
// runs until interrupted. The tokens it prints are the simulator's own, not secrets.
import type { CommandContext } from "./command-context.js";
import type { OptionSpecs, Parsed } from "./commander-options.js";
import { CliUsageError } from "./usage-error.js";

export const SIMULATOR_HELP = `Usage: yclients simulator [--port N] [--seed N] [--no-rate-limit]

Starts the local YCLIENTS simulator on 127.0.0.1 (port 0 = any free port) and prints the environment
variables that point the CLI and the SDK at it. Stops on Ctrl-C.`;

function integer(raw: string | undefined, name: string, min: number, max: number): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!/^[0-9]+$/.test(raw) || n < min || n > max)
    throw new CliUsageError(`--${name} must be an integer from ${min} to ${max}`);
  return n;
}

export const SIMULATOR_OPTIONS: OptionSpecs = {
  port: { type: "string" },
  seed: { type: "string" },
  "no-rate-limit": { type: "boolean" },
};

export async function simulatorCommand({ values }: Parsed, ctx: CommandContext): Promise<void> {
  // Loaded only here, so the other commands do not start up the simulator's code.
  const { startYclientsSimulator } = await import("../testing/index.js");
  const sim = await startYclientsSimulator({
    port: integer(values.port as string | undefined, "port", 0, 65535),
    seed: integer(values.seed as string | undefined, "seed", 0, 2 ** 31),
    rateLimit: values["no-rate-limit"] ? false : undefined,
  });
  const admin = sim.state.staffUsers[0];
  ctx.stdout.write(
    [
      `YCLIENTS simulator on ${sim.url}`,
      `export YCLIENTS_BASE_URL=${sim.url}`,
      `export YCLIENTS_PARTNER_TOKEN=${sim.partnerToken}`,
      `export YCLIENTS_USER_TOKEN=${admin.token}`,
      `export YCLIENTS_COMPANY_ID=${sim.state.companies[0].id}`,
      `# staff sign-in: yclients login --login ${admin.login} (password ${admin.password})`,
      "",
    ].join("\n"),
  );
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  await sim.close();
}
