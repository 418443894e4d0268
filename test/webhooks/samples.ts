// The reference samples the webhook tests read, and the merged spec's validator for webhook bodies.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { loadSpec } from "../../scripts/merge-spec";
import { createSpecValidator } from "../../scripts/spec-validator";

const SAMPLES = join(__dirname, "..", "fixtures", "reference", "yclients-samples");

export const sampleText = (name: string): string => readFileSync(join(SAMPLES, name), "utf8");

export const recordUpdateText = sampleText("WEBHOOK_record_update.json");
export const marketplaceUninstallText = sampleText("WEBHOOK_marketplace_uninstall.json");

let validator: ReturnType<typeof createSpecValidator> | undefined;
/** Error text when `body` does not match the spec's webhook `name`, undefined when it does. */
export function webhookSchemaError(name: string, body: unknown): string | undefined {
  validator ??= createSpecValidator(loadSpec());
  return validator.webhookBody(name, body);
}
